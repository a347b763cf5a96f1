#!/usr/bin/env bash
# The whole test suite. Installs what tests need (nothing yet beyond the .NET SDK), then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Parry.slnx -c Release --logger "console;verbosity=minimal"
