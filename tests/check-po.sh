#!/bin/bash
# check-po.sh: every .po file compiles with format checks, is complete, and
# covers every string the sources mark for translation today.
# usage: check-po.sh SOURCE_ROOT   (TAP output)
set -u
root=$1
files=("$root"/po/*.po)
echo "1..$(( ${#files[@]} * 2 ))"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
( cd "$root" && xgettext --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
    --files-from=<(grep -v '^#' po/POTFILES.in) -o "$tmp/all.pot" 2>"$tmp/xgettext.err" ) \
  || { cat "$tmp/xgettext.err" >&2; }
n=0; rc=0
for po in "${files[@]}"; do
  n=$((n + 1))
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  if [ $? -ne 0 ] || [[ "$stats" == *untranslated* ]] || [[ "$stats" == *fuzzy* ]]; then
    echo "not ok $n - $(basename "$po") compiles and is complete: $stats"; rc=1
  else
    echo "ok $n - $(basename "$po") compiles and is complete: $stats"
  fi
  n=$((n + 1))
  merged=$(LC_ALL=C msgmerge -q --no-fuzzy-matching "$po" "$tmp/all.pot" -o - 2>/dev/null \
           | LC_ALL=C msgfmt --statistics -o /dev/null - 2>&1)
  if [ ! -s "$tmp/all.pot" ] || [[ "$merged" == *untranslated* ]]; then
    echo "not ok $n - $(basename "$po") covers every source string: $merged"
    echo "# run: ninja -C build betrokken-update-po, then translate" ; rc=1
  else
    echo "ok $n - $(basename "$po") covers every source string"
  fi
done
exit $rc
