#!/usr/bin/env bash
# Quick start 1: install, then extract the events of the bundled example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/comity extract examples/articles --format table "$@"
