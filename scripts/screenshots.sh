#!/usr/bin/env bash
# A PNG of every page of the web UI at 1440 px and 390 px wide, in light and dark mode, under
# build/screenshots/ (git-ignored), against a freshly seeded demo library. Fails when any page logs
# a console error, a CSP violation or a failed request. PROMPTLIB_BIN picks the binary (default
# .build/debug/promptlib, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# shellcheck source=scripts/browser/setup.sh
source scripts/browser/setup.sh
status=0
browser_setup || status=$?
[ "$status" = 2 ] && exit 0
[ "$status" = 0 ] || exit "$status"
[ -n "${PROMPTLIB_BIN:-}" ] || [ -x .build/debug/promptlib ] || swift build --product promptlib
cd scripts/browser
exec "$BROWSER_PYTHON" screenshots.py
