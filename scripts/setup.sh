#!/usr/bin/env bash
# Installs everything flytecc needs on a fresh Debian bookworm machine. Safe to run again: it only
# installs what is missing.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config python3
  llvm-22-dev libclang-22-dev libclang-cpp22-dev clang-22 llvm-22-tools clang-tidy-22
  protobuf-compiler libprotobuf-dev libfmt-dev libgtest-dev libgmock-dev libsqlite3-dev libarchive-dev
  libcurl4-openssl-dev libxml2-dev libmsgpack-dev libmsgpack-cxx-dev ccache lld-22 python3-jsonschema python3-rfc3987 python3-botocore
  libgrpc++-dev protobuf-compiler-grpc
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# npm fetches the pinned flyteidl protos; NodeSource's nodejs already ships it, Debian's does not.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi
