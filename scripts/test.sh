#!/usr/bin/env bash
# The whole test suite: sets up, builds, and runs ctest (gtest for ir/, the lit + FileCheck suite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FLYTECC_BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure "$@"
