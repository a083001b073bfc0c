#!/usr/bin/env bash
# Footprint of the release binary: size, time from start to first healthy answer, and idle memory.
# Prints figures; asserts nothing. Usage: scripts/bench/footprint.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${1:-5}

bin=$(scripts/build-release.sh)
work=$(mktemp -d /tmp/promptlib-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

echo "binary: $(du -h "$bin" | cut -f1) ($(stat -c %s "$bin") bytes, not stripped)"
strip -o "$work/promptlib.stripped" "$bin" && echo "binary stripped: $(du -h "$work/promptlib.stripped" | cut -f1)"

times=()
rm -rf "$work/data"
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  STORAGE_DIR="$work/data" PORT=$port LOG_LEVEL=warning "$bin" serve >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "localhost:$port/api/system/health"; do sleep 0.005; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  if [ "$run" = "$runs" ]; then
    sleep 5
    echo "idle RSS after 5 s (SQLite, fresh database): $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
    for _ in $(seq 1 500); do curl -s -o /dev/null "localhost:$port/api/v1/prompts"; done
    echo "RSS after 500 API requests: $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status)"
  fi
  kill -TERM "$pid"; wait "$pid"
done
echo "start to first healthy answer (ms, $runs runs; the first creates and migrates the database and hashes the first admin's password): ${times[*]}"
