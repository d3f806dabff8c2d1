#!/usr/bin/env bash
# Installs what the browser tests of tests/MiniSpark.UI.Tests need: Debian's Chromium at /usr/bin/chromium.
# Idempotent; runs as root in CI (called from .ci/run). The tests fail, naming this script, when it is missing.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-ui-test-deps.sh: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
