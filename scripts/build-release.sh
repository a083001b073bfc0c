#!/usr/bin/env bash
# The release build, as deployments and benchmarks use it: optimized, with cross-module
# optimization, so that the generic code of Hummingbird and SwiftNIO is specialized for ours
# (about a tenth more cached fetches per second; see docs/performance.md). Prints the binary's path.
# Usage: scripts/build-release.sh [PRODUCT, default promptlib]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
product=${1:-promptlib}
flags=(-c release -Xswiftc -cross-module-optimization)
if ! out=$(swift build "${flags[@]}" --product "$product" 2>&1); then echo "$out" >&2; exit 1; fi
echo "$(swift build "${flags[@]}" --show-bin-path)/$product"
