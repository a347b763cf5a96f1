#!/usr/bin/env bash
# The whole test suite: installs what tests need (the npm MCP servers of the gateway tests), then runs every test
# project, then the process-level ones (CLI, gateway) once more against the native build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
dotnet test Parry.slnx -c Release --logger "console;verbosity=minimal"
# The tests that run parry as a process, again against the native (NativeAOT) build the benchmarks measure: code that
# works under the JIT but not compiled ahead of time (reflection, generated code) fails here.
native=$(mktemp -d)
trap 'rm -rf "$native"' EXIT
bash scripts/publish-native.sh "$native"
for project in Parry.Cli.Tests Parry.Gateway.Tests; do
  PARRY_CLI="$native/parry" dotnet test "tests/$project" -c Release --no-build --logger "console;verbosity=minimal"
done
