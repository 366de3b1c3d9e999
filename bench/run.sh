#!/usr/bin/env bash
# Benchmarks (reported in issue notes, never asserted in tests): flytecc check vs clang's own parse, packaging,
# and flytecc-clangd's re-diagnosis after an edit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_BUILD_DIR:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_project.py" 500 "$work/bench_500.cpp"
python3 "$root/bench/bench_check.py" "$build/tools/flytecc" "$root/sdk/include" /usr/lib/llvm-22/bin/clang++ \
  "$root/examples/map_task.cpp" "$work/bench_500.cpp" "$@"
python3 "$root/bench/bench_package.py" "$build/tools/flytecc" "$root/sdk/include" "$work/bench_500.cpp" "$@"
# The task executable: one trivial map item on local storage, and 10,000 of them one after another.
python3 "$root/bench/bench_task.py" "$build/examples/map_task_tasks/flytecc-task" "$@"
python3 "$root/bench/bench_clangd.py" "$build/tools/flytecc-clangd" "$root/sdk/include" /usr/lib/llvm-22/bin/clang++ \
  "$root/examples/map_task.cpp" "$work/bench_500.cpp" --sync
