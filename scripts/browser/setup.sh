# shellcheck shell=bash
# Sourced by scripts/browser/run.sh and scripts/screenshots.sh: makes sure chromium,
# chromium-driver and selenium are there, and sets BROWSER_PYTHON.
# browser_setup answers 0 when ready; otherwise it prints why and answers 1 under CI=true, or
# warns and answers 2 (the caller then skips).

browser_venv="${BROWSER_VENV:-/tmp/promptlib-browser-venv}"
browser_requirements="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/requirements.txt"
BROWSER_PYTHON="$browser_venv/bin/python"

browser_missing() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $1 (required under CI=true)" >&2; return 1; fi
  echo "WARNING: $1; skipping the browser run" >&2
  return 2
}

browser_setup() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) >&2 || true
    fi
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
      browser_missing "chromium and chromium-driver are not installed"
      return
    fi
  fi
  local pin
  pin=$(grep -E '^selenium==' "$browser_requirements" | cut -d= -f3)
  if ! "$BROWSER_PYTHON" -c "import selenium, sys; sys.exit(selenium.__version__ != '$pin')" 2>/dev/null; then
    if ! { [ -x "$BROWSER_PYTHON" ] || python3 -m venv "$browser_venv"; } \
      || ! "$BROWSER_PYTHON" -m pip install -q --disable-pip-version-check -r "$browser_requirements" >&2; then
      browser_missing "selenium could not be installed from PyPI"
      return
    fi
  fi
}
