#!/bin/bash
# run-fuzz.sh: build the libFuzzer targets with clang and run each briefly.
# usage: run-fuzz.sh SOURCE_ROOT BUILD_DIR SECONDS   (TAP output)
set -u
src=$1; build=$2; seconds=$3
out=$build/tests/fuzz; mkdir -p "$out"
echo "1..1"
if ! command -v clang >/dev/null; then echo "ok 1 # SKIP clang is not installed"; exit 0; fi
cflags=$(pkg-config --cflags glib-2.0 gio-2.0 sqlite3 json-glib-1.0)
libs=$(pkg-config --libs glib-2.0 gio-2.0 sqlite3 json-glib-1.0)
# The reader is built with coverage; the rest of core comes from the library.
if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
     -I"$build" -I"$src/src/core" $cflags \
     "$src/tests/fuzz/fuzz-csv.c" "$src/src/core/bk-csv.c" "$build/src/core/libbk-core.a" $libs \
     -o "$out/fuzz-csv" 2>"$out/build.log"; then
  echo "not ok 1 - fuzz-csv builds"; sed 's/^/# /' "$out/build.log"; exit 1
fi
corpus=$out/corpus-csv; mkdir -p "$corpus"; cp "$src"/tests/fuzz/corpus-csv/* "$corpus"/
if ASAN_OPTIONS=detect_leaks=1 "$out/fuzz-csv" -max_total_time="$seconds" -max_len=4096 \
     -timeout=10 -artifact_prefix="$out/" "$corpus" >"$out/fuzz-csv.log" 2>&1; then
  runs=$(grep -o 'Done [0-9]* runs' "$out/fuzz-csv.log" | tail -1)
  echo "ok 1 - fuzz-csv: $runs in ${seconds}s, no crash"
else
  echo "not ok 1 - fuzz-csv found a crash"; tail -40 "$out/fuzz-csv.log" | sed 's/^/# /'; exit 1
fi
