#!/usr/bin/env bash
# Installs what the interop tests need beyond the .NET SDK: DuckDB for node (npm @duckdb/node-api),
# pinned by tests/interop/package-lock.json. Needs node and npm on PATH.
# The lock's entries for non-Linux-x64 native bindings carry no integrity hash: the registry mirror the lock
# was made against only serves linux-x64; elsewhere npm fetches the pinned version from the registry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/tests/interop"
npm ci --no-audit --no-fund
echo "Interop test dependencies installed in $root/tests/interop/node_modules"
