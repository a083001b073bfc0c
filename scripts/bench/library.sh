#!/usr/bin/env bash
# The prompt library at scale: seeds N prompts (default 100,000) on SQLite and on PostgreSQL and
# prints p50/p95 of full-text search, fetch by name@production and list pages, measured over HTTP
# against the release binary. Prints figures; asserts nothing. Usage: scripts/bench/library.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
n=${1:-100000}
bin=$(scripts/build-release.sh)
work=$(mktemp -d /tmp/promptlib-bench.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; pg_stop; rm -rf "$work"; }
trap cleanup EXIT
password='Bench-operator-passphrase-1'

run() { # run LABEL ENV...
  local label=$1; shift
  local port; port=$(free_port)
  env "$@" STORAGE_DIR="$work/data-$label" PORT="$port" LOG_LEVEL=warning ADMIN_PASSWORD="$password" RATE_LIMIT_PER_USER=1000000 "$bin" serve >"$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "localhost:$port/api/system/health"; do sleep 0.1; done
  local token
  token=$(curl -s -X POST "localhost:$port/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"login\":\"admin\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  echo "$label, $n prompts:"
  python3 scripts/bench/library.py measure "http://localhost:$port" "$token" "$n"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

mkdir -p "$work/data-sqlite"
STORAGE_DIR="$work/data-sqlite" "$bin" migrate >/dev/null
python3 scripts/bench/library.py seed-sqlite "$work/data-sqlite/promptlib.sqlite" "$n"
run sqlite

pg_install_if_missing && pg_start
psql -q "$PG_URL" -c 'CREATE DATABASE bench' >/dev/null
url="postgresql://postgres@127.0.0.1:$PG_PORT/bench?sslmode=disable"
DATABASE_URL="$url" STORAGE_DIR="$work/data-postgres" "$bin" migrate >/dev/null
python3 scripts/bench/library.py seed-postgres "${url%%\?*}" "$n"
run postgres DATABASE_URL="$url"
