#!/usr/bin/env bash
# Quick start 2: install (with the test tools and, where apt works, Chromium), run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if ! command -v chromium >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "note: chromium could not be installed; browser tests will skip"
fi
.venv/bin/python -m pytest -q "$@"
