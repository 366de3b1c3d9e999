#!/usr/bin/env bash
# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang-22), in build-asan (or
# $FLYTECC_ASAN_BUILD_DIR). LLVM's and system libraries' leaks are suppressed by test/sanitizers/lsan.supp;
# flytecc's own never are. Slow: a full build plus the suite takes about 4x the normal time.
#   scripts/test-sanitized.sh              build and run every test
#   scripts/test-sanitized.sh -R lit       ctest arguments pass through
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_ASAN_BUILD_DIR:-$root/build-asan}
jobs=${FLYTECC_JOBS:-$(nproc)}
"$root/scripts/setup.sh"  # clang-22 and its sanitizer/libFuzzer runtimes on a fresh machine
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-22 \
  -DCMAKE_CXX_COMPILER=clang++-22 -DFLYTECC_SANITIZE=address,undefined "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$jobs"
# handle_segv/abort/...=0: tests crash task items on purpose and check the item died of that signal (under ASan's
# own handlers it would exit with code 1 instead); a crash in flytecc still fails its test.
# allow_user_poisoning=0: LLVM's headers poison BumpPtrAllocator slabs under ASan; our instrumented copies of
# those inline functions interpose on Debian's uninstrumented libclang-cpp, whose own inline allocation never
# unpoisons what it hands out, so every later read of the AST would be a false "use-after-poison".
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_odr_violation=0:allow_user_poisoning=0:handle_segv=0:handle_abort=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/test/sanitizers/ubsan.supp}
cd "$build"
ctest --output-on-failure "$@"
