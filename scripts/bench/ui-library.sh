#!/usr/bin/env bash
# The web UI's library page in headless Chromium with N prompts (default 1,000) on the release
# binary: time from navigation to the first page of results, and a search as you type. Prints
# figures; asserts nothing. Usage: scripts/bench/ui-library.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/browser/setup.sh
source scripts/browser/setup.sh
browser_setup
bin=$(scripts/build-release.sh)
cd scripts/browser
"$BROWSER_PYTHON" library_bench.py "${1:-1000}" "$bin"
