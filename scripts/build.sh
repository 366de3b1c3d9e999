#!/usr/bin/env bash
# Configures and builds flytecc into ./build (or $FLYTECC_BUILD_DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_BUILD_DIR:-$root/build}
jobs=${FLYTECC_JOBS:-$(nproc)}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$jobs"
