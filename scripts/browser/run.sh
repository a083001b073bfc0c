#!/usr/bin/env bash
# The browser suite: scripts/browser/test_ui.py, test_models.py and test_live.py drive Debian's chromium (headless, through
# chromium-driver) against a real `promptlib serve`. Installs chromium and chromium-driver with
# apt-get when missing (as root), and selenium into a virtualenv. Under CI=true anything missing
# is a failure; elsewhere a WARNING and exit 0.
#
#   scripts/browser/run.sh [unittest arguments, e.g. test_ui.EditorTests; default: test_ui test_models test_live]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/browser/setup.sh
source "$here/setup.sh"
status=0
browser_setup || status=$?
[ "$status" = 2 ] && exit 0
[ "$status" = 0 ] || exit "$status"
cd "$here"
if [ $# -eq 0 ]; then set -- test_ui test_models test_live; fi
exec "$BROWSER_PYTHON" -m unittest -v "$@"
