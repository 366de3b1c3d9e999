#!/usr/bin/env bash
# The main job: sets everything up, builds flytecc, compiles examples/map_task.cpp to flyteidl,
# runs its workflows with `flytecc run` (and as plain C++), and prints a summary of what was emitted.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_BUILD_DIR:-$root/build}
out=${FLYTECC_OUT_DIR:-$root/out/map_task}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"

rm -rf "$out"
flytecc="$build/tools/flytecc"
"$flytecc" compile "$root/examples/map_task.cpp" -o "$out/pb" -- -std=c++20 -I"$root/sdk/include"
"$flytecc" compile "$root/examples/map_task.cpp" --emit=json -o "$out/json" -- -std=c++20 -I"$root/sdk/include"
"$flytecc" compile "$root/examples/map_task.cpp" --emit=ir -o "$out/ir" -- -std=c++20 -I"$root/sdk/include"
"$flytecc" package "$root/examples/map_task.cpp" -o "$out/map_task.tgz" --image flytecc/task-runtime:0.1.0 \
  -- -std=c++20 -I"$root/sdk/include"

echo
echo "== Emitted to $out/pb (JSON twins in $out/json, IR text in $out/ir)"
for kind in task workflow launchplan; do
  n=$(find "$out/pb" -name "*.$kind.pb" | wc -l)
  bytes=$(find "$out/pb" -name "*.$kind.pb" -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  printf '  %-11s %2d files, %6d bytes\n' "$kind" "$n" "$bytes"
done
echo "  map tasks (ArrayNode targets):"
find "$out/pb" -name '*-arraynode.task.pb' -printf '    %f\n' | sort

echo "  registration package: $out/map_task.tgz ($(tar tzf "$out/map_task.tgz" | wc -l) files, $(stat -c %s "$out/map_task.tgz") bytes)"

echo
echo "== Running the workflows' emitted flyteidl with flytecc run (items in worker processes, default inputs)"
for wf in $("$build/examples/map_task_local" --list); do
  printf '%s -> ' "$wf"
  "$flytecc" run "$out/pb" --workflow "$wf" --task-executable "$build/examples/map_task_tasks/flytecc-task" \
    --no-cache --quiet | tr -d ' \n'
  echo
done

echo
echo "== The same workflows as plain C++ calls (in process)"
"$build/examples/map_task_local"
