#!/usr/bin/env bash
# Render throughput in-process: a typical prompt rendered for each provider on one core, in a
# release build. Prints renders per second; asserts nothing. Usage: scripts/bench/render.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
"$(scripts/build-release.sh promptlib-bench-render)" "${1:-2}"
