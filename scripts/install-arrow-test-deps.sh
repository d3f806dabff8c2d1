#!/usr/bin/env bash
# Installs Apache Arrow JS (pinned by tests/interop-arrow/package-lock.json), the peer the Arrow IPC interop tests
# run against. The tests fail with a message naming this script when tests/interop-arrow/node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/../tests/interop-arrow"
npm ci --no-audit --no-fund
