#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: the npm MCP servers the gateway's end-to-end tests start
# (tests/mcp-servers, pinned by its package-lock.json). Idempotent: does nothing when they are already installed.
# Needs node and npm (Debian: apt-get install nodejs npm) and the npm registry; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  echo "install-test-deps: npm is missing (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

servers=tests/mcp-servers
marker="$servers/node_modules/.package-lock.json"
if [ -f "$marker" ] && [ "$marker" -nt "$servers/package-lock.json" ] \
   && [ -f "$servers/node_modules/@modelcontextprotocol/server-everything/dist/index.js" ]; then
  exit 0
fi
( cd "$servers" && npm ci --no-audit --no-fund --loglevel=error )
echo "install-test-deps: installed $(cd "$servers" && npm ls --depth=0 2>/dev/null | tail -n +2 | tr -d '\n')"
