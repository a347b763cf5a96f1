#!/usr/bin/env bash
# The whole test suite: installs what tests need (the npm MCP servers of the gateway tests), then runs every test
# project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
dotnet test Parry.slnx -c Release --logger "console;verbosity=minimal"
