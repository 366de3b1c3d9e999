#!/usr/bin/env bash
# Bounded fuzzing of every libFuzzer target (test/fuzz) with ASan + UBSan, built by clang-22 in build-fuzz
# (or $FLYTECC_FUZZ_BUILD_DIR). Each target starts from its seed corpus (test/fuzz/corpus/NAME, read only);
# new inputs go to build-fuzz/corpus/NAME, crashes to build-fuzz/crashes/NAME.
#   scripts/fuzz.sh                     60 s per target (the CI-sized run)
#   FUZZ_SECONDS=3600 scripts/fuzz.sh   the longer run (an hour per target)
#   FUZZ_RUNS=1000000 scripts/fuzz.sh   a fixed number of executions instead of a time
#   scripts/fuzz.sh archive config      only these targets (archive config compiledb ir)
#   FUZZ_MAX_LEN=N                      the longest input (default 65536; 4096 for archive)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${FLYTECC_JOBS:-$(nproc)}
"$root/scripts/setup.sh"  # clang-22 and its sanitizer/libFuzzer runtimes on a fresh machine
targets=("$@")
((${#targets[@]})) || targets=(archive config compiledb ir)
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-22 \
  -DCMAKE_CXX_COMPILER=clang++-22 -DFLYTECC_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"
# A smaller ASan quarantine: with the default 256 MiB, freed memory held for use-after-free detection reached
# libFuzzer's 512 MiB RSS limit on fast targets (config: 25 MiB live, 245 MiB quarantined) and reported an OOM.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_odr_violation=0:quarantine_size_mb=64}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  bound=(-max_total_time="${FUZZ_SECONDS:-60}")
  [ -n "${FUZZ_RUNS:-}" ] && bound=(-runs="$FUZZ_RUNS")
  # Input size: 64 KiB, but 4 KiB for archive, whose cost per input grows with what it inflates (up to the
  # ratio limit); 4 KiB still reaches every header, name and limit check (a 4 KiB gzip inflates to 4 MiB).
  maxlen=65536
  [ "$t" = archive ] && maxlen=4096
  maxlen=${FUZZ_MAX_LEN:-$maxlen}
  echo "fuzz: $t ${bound[*]} -max_len=$maxlen"
  # -rss_limit_mb: the reader must stay bounded on hostile input (docs/limits.md).
  "$build/test/fuzz/fuzz_$t" "${bound[@]}" -rss_limit_mb=512 -max_len="$maxlen" -timeout=10 \
    -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" "$root/test/fuzz/corpus/$t" \
    2>"$build/fuzz-$t.log" || { status=1; echo "fuzz: $t FAILED (see $build/fuzz-$t.log)"; }
  grep -E "^(#[0-9]+ +DONE|Done [0-9]+ runs)" "$build/fuzz-$t.log" | tail -1 || true
done
exit $status
