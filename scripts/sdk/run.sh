#!/usr/bin/env bash
# Checks rendered request bodies against the providers' official SDK request types.
#
#   scripts/sdk/run.sh --self-test-only
#   scripts/sdk/run.sh CORPUS.jsonl [--catalogue CATALOGUE.json]
#
# Installs scripts/sdk/requirements.txt into a virtualenv at ${SDK_VENV:-/tmp/promptlib-sdk-venv}
# (skipped when the pinned versions are already there), runs conformance.py's self-test, then
# checks the fake providers' answers (replies.py), then validates the corpus (and catalogue) given
# as arguments. Without network or PyPI the install
# fails: under CI=true that is a failure, elsewhere a WARNING and exit 0.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${SDK_VENV:-/tmp/promptlib-sdk-venv}"
requirements="$here/requirements.txt"
python="$venv/bin/python"

# Exit 0 when every name==version pin in requirements.txt is installed in the venv.
pins_satisfied() {
  [ -x "$python" ] || return 1
  "$python" - "$requirements" <<'EOF'
import re, sys
from importlib.metadata import PackageNotFoundError, version
for line in open(sys.argv[1], encoding="utf-8"):
    pin = re.match(r"\s*([A-Za-z0-9_.-]+)==(\S+)", line)
    if not pin:
        continue
    try:
        if version(pin.group(1)) != pin.group(2):
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
}

install() {
  pins_satisfied && return 0
  echo "installing $requirements into $venv" >&2
  [ -x "$python" ] || python3 -m venv "$venv" || return 1
  "$python" -m pip install -q --disable-pip-version-check -r "$requirements" || return 1
  pins_satisfied
}

if ! install; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: could not install $requirements into $venv (required under CI=true)" >&2
    exit 1
  fi
  echo "WARNING: could not install $requirements into $venv; SDK conformance not checked" >&2
  exit 0
fi

"$python" "$here/conformance.py" --self-test
# The answers the fake providers of the Swift tests send, read with the SDKs' response types.
"$python" "$here/replies.py" "$here/../../Tests/ProviderFixtures"
if [ "${1:-}" = --self-test-only ] || [ $# -eq 0 ]; then
  exit 0
fi
"$python" "$here/conformance.py" "$@"
