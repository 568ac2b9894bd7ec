#!/bin/bash
# run-fuzz.sh: build the libFuzzer targets with clang and run each briefly.
# usage: run-fuzz.sh SOURCE_ROOT BUILD_DIR SECONDS   (TAP output; SECONDS per target)
set -u
src=$1; build=$2; seconds=$3
out=$build/tests/fuzz; mkdir -p "$out"
targets=(csv scenario)
# What each target reads is built with coverage; the rest of core (and the
# built-in scenarios' GResource) comes from the library.
declare -A sources=(
  [csv]="bk-csv.c"
  [scenario]="bk-scenario.c bk-scenario-json.c bk-twee.c"
)
echo "1..${#targets[@]}"
if ! command -v clang >/dev/null; then
  for i in "${!targets[@]}"; do echo "ok $((i + 1)) # SKIP clang is not installed"; done
  exit 0
fi
cflags=$(pkg-config --cflags glib-2.0 gio-2.0 sqlite3 json-glib-1.0)
libs=$(pkg-config --libs glib-2.0 gio-2.0 sqlite3 json-glib-1.0)
status=0; n=0
for target in "${targets[@]}"; do
  n=$((n + 1)); name=fuzz-$target
  files=(); for f in ${sources[$target]}; do files+=("$src/src/core/$f"); done
  if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
       -I"$build" -I"$build/src/core" -I"$src/src/core" $cflags \
       "$src/tests/fuzz/$name.c" "${files[@]}" "$build/src/core/libbk-core.a" $libs -lm \
       -o "$out/$name" 2>"$out/$name-build.log"; then
    echo "not ok $n - $name builds"; sed 's/^/# /' "$out/$name-build.log"; status=1; continue
  fi
  corpus=$out/corpus-$target; mkdir -p "$corpus"; cp "$src"/tests/fuzz/corpus-"$target"/* "$corpus"/
  if ASAN_OPTIONS=detect_leaks=1 "$out/$name" -max_total_time="$seconds" -max_len=4096 \
       -timeout=10 -artifact_prefix="$out/$name-" "$corpus" >"$out/$name.log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$out/$name.log" | tail -1)
    echo "ok $n - $name: $runs in ${seconds}s, no crash"
  else
    echo "not ok $n - $name found a crash"; tail -40 "$out/$name.log" | sed 's/^/# /'; status=1
  fi
done
exit $status
