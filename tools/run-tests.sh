#!/bin/bash
# run-tests.sh: every suite of the normal build under one Xvfb and one session
# bus, then the core suite under ASan+UBSan; ends with "N passed, N failed".
# usage: tools/run-tests.sh BUILD_DIR ASAN_BUILD_DIR
set -u -o pipefail
build=$1; asan=$2
log=$(mktemp); trap 'rm -f "$log"' EXIT

dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$build" --print-errorlogs --num-processes 2 2>&1 \
  | grep -v -e '^dbus-daemon\[' -e 'SpiRegistry daemon' | tee -a "$log"
rc1=$?

ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$(cd "$(dirname "$0")" && pwd)/lsan.supp" \
  meson test -C "$asan" --suite core --print-errorlogs --no-rebuild 2>&1 | tee -a "$log"
rc2=$?

# Count test cases, not programs: a TAP program's "N subtests passed" is N.
count() {
  awk -v want="$1" '
    $0 ~ /^ *[0-9]+\/[0-9]+ / && $0 ~ " " want " " {
      n = 1
      if (match($0, /[0-9]+ subtests passed/)) n = substr($0, RSTART, RLENGTH) + 0
      s += n
    }
    END { print s + 0 }' "$log"
}
ok=$(count OK)
fail=$(( $(count FAIL) + $(count ERROR) + $(count TIMEOUT) ))
skip=$(count SKIP)
echo
echo "$ok passed, $fail failed, $skip skipped"
[ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ "$fail" -eq 0 ]
