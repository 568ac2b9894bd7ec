#!/bin/bash
# check-cli.sh: betrokken --import and --export from the command line, as an
# administrator setting up a cycle uses them. usage: check-cli.sh BETROKKEN
set -u
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/betrokken.db
n=0; failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
no () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
count () { /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$db" "$1"; }
echo "1..7"

printf 'Voornaam kind;Achternaam kind;Geboortedatum;Voornaam ouder;Relatie;Telefoon\r\n' > "$tmp/good.csv"
printf 'Zo\xeb;de Vries;7-3-2016;Sandra;moeder;06-12345678\r\n' >> "$tmp/good.csv"
printf 'Zo\xeb;de Vries;7-3-2016;Mark;vader;\r\n' >> "$tmp/good.csv"
cp "$tmp/good.csv" "$tmp/bad.csv"
printf 'Bram;Jansen;1-1-2030;Fatima;buurman;06-123\r\n' >> "$tmp/bad.csv"

out=$("$bin" --database "$db" --import "$tmp/bad.csv" 2>&1); status=$?
[ $status -ne 0 ] && ok "a file with problems exits non-zero" || no "a file with problems exits non-zero ($status)"
[[ "$out" == *"line 4, “Relatie”"*"buurman"* && "$out" == *"line 4, “Telefoon”"* ]] \
  && ok "problems name the line and the column" || { no "problems name the line and the column"; echo "$out" | sed 's/^/# /'; }
[ "$(count 'SELECT count(*) FROM children')" = 0 ] && ok "nothing is written from a file with problems" \
  || no "nothing is written from a file with problems"

out=$("$bin" --database "$db" --import "$tmp/good.csv" 2>&1); status=$?
[ $status -eq 0 ] && [[ "$out" == *"1 child, 2 parents"* ]] && ok "a good file is imported" \
  || { no "a good file is imported"; echo "$out" | sed 's/^/# /'; }
[ "$(count "SELECT count(*) FROM parents WHERE phone = '+31612345678'")" = 1 ] \
  && ok "the phone number is stored in international form" || no "the phone number is stored in international form"

"$bin" --database "$db" --export "$tmp/out" >/dev/null 2>&1; status=$?
[ $status -eq 0 ] && grep -q "Mother of Zoë de Vries" "$tmp/out/parents.csv" && [ -f "$tmp/out/contacts.csv" ] \
  && ok "the export writes parents and contacts" || no "the export writes parents and contacts"
"$bin" --database "$db" --export /proc/no-such-place >/dev/null 2>&1 \
  && no "an export that cannot be written exits non-zero" || ok "an export that cannot be written exits non-zero"
exit $failed
