#!/usr/bin/env bash
# Publishes parry as one native executable (NativeAOT, compiled for this machine's instruction set) to DIR:
#   bash scripts/publish-native.sh DIR      → DIR/parry
# This is the build the benchmarks measure (bench/README.md): no JIT at run time, so a hunt with thousands of rules
# does not spend its first seconds compiling. NativeAOT links with clang and lld; when they are missing they are
# installed with apt-get (Debian; needs root), the way scripts/install-test-deps.sh installs what tests need.
# `dotnet publish src/Parry.Cli -c Release -o DIR` still gives the portable ReadyToRun build.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: publish-native.sh DIR}
if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "publish-native: clang and lld are missing and there is no apt-get to install them" >&2
    exit 1
  fi
  echo "publish-native: installing clang, lld and zlib1g-dev (apt-get)" >&2
  apt-get install -y -q clang lld zlib1g-dev >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q clang lld zlib1g-dev >/dev/null; }
fi
dotnet publish src/Parry.Cli -c Release -p:ParryNative=true -o "$out" --nologo -v quiet
test -x "$out/parry"
