#!/bin/bash
# check-dutch.sh: under LANG=nl_NL.UTF-8 (no LANGUAGE) the program speaks Dutch.
# usage: check-dutch.sh BETROKKEN_BINARY   (TAP output)
set -u
bin=$1
echo "1..1"
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  echo "ok 1 # SKIP the nl_NL.UTF-8 locale is not generated (make deps does it)"; exit 0
fi
out=$(env -u LANGUAGE LC_ALL= LANG=nl_NL.UTF-8 "$bin" --help 2>&1)
if [[ "$out" == *"De database in BESTAND openen"* ]]; then
  echo "ok 1 - --help is in Dutch under LANG=nl_NL.UTF-8"
else
  echo "not ok 1 - --help is not in Dutch:"; echo "$out" | sed 's/^/# /'; exit 1
fi
