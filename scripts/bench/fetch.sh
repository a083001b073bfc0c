#!/usr/bin/env bash
# The applications' hot path, with wrk (2 threads, 64 connections) against the release binary:
# requests per second on the bare /api/health, and on name@production fetched with an API key —
# uncached (PROMPT_CACHE_TTL_SECONDS=0: the prompt read from the database on every request),
# cached in process, and cached in Redis — on SQLite and on PostgreSQL, each also as a ratio of
# the bare route measured by the same server. Prints figures; asserts nothing.
# Usage: scripts/bench/fetch.sh [SECONDS per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/redis.sh
source scripts/redis.sh
seconds=${1:-10}
command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
redis_install_if_missing
bin=$(scripts/build-release.sh)
work=$(mktemp -d /tmp/promptlib-fetch.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; pg_stop; redis_stop; rm -rf "$work"; }
trap cleanup EXIT
password='Bench-operator-passphrase-1'

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

rps() { # rps URL [HEADER]: requests per second, with non-2xx answers reported
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c64 -d"${seconds}s" -H "$2" "$1"); else out=$(wrk -t2 -c64 -d"${seconds}s" "$1"); fi
  if grep -q "Non-2xx" <<<"$out"; then echo "  (non-2xx answers: $(grep Non-2xx <<<"$out"))" >&2; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

run() { # run LABEL ENV...: one server, its bare route, and the fetch
  local label=$1; shift
  local port base token key
  port=$(free_port)
  base="http://127.0.0.1:$port"
  env "$@" STORAGE_DIR="$work/data-$label" PORT="$port" LOG_LEVEL=error ADMIN_PASSWORD="$password" \
    RATE_LIMIT_API_KEY_READS=100000000 "$bin" serve >"$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/api/system/health"; do sleep 0.1; done
  token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"login\":\"admin\",\"password\":\"$password\"}" | json 'd["access_token"]')
  local id
  id=$(curl -s -X POST "$base/api/v1/prompts" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"bench/fetch","title":"Fetch","tags":["bench"],"prompt":{"goal":"Greet {{who}}","steps":["Be brief"]},"variables":[{"name":"who","type":"string","required":true}]}' | json 'd["id"]')
  curl -sf -o /dev/null -X PUT "$base/api/v1/prompts/$id/labels/production" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d '{"version":1}'
  key=$(curl -s -X POST "$base/api/v1/api-keys" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"bench","scopes":["prompts:read"]}' | json 'd["key"]')
  local bare fetch
  bare=$(rps "$base/api/health")
  fetch=$(rps "$base/api/v1/prompts/by-name/bench%2Ffetch?label=production" "Authorization: Bearer $key")
  printf '  %-34s bare %9.0f req/s   fetch %9.0f req/s   ratio %.3f\n' "$label" "$bare" "$fetch" "$(python3 -c "print($fetch / $bare)")"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

redis_start
echo "SQLite:"
run sqlite-uncached PROMPT_CACHE_TTL_SECONDS=0
run sqlite-cached-in-process
run sqlite-cached-redis REDIS_URL="$REDIS_TEST_URL"
redis-cli -p "$REDIS_PORT" flushall >/dev/null

pg_install_if_missing && pg_start
echo "PostgreSQL:"
for mode in uncached cached-in-process cached-redis; do
  psql -q "$PG_URL" -c "CREATE DATABASE \"fetch_${mode//-/_}\"" >/dev/null
  url="postgresql://postgres@127.0.0.1:$PG_PORT/fetch_${mode//-/_}?sslmode=disable"
  case $mode in
    uncached) run "postgres-$mode" DATABASE_URL="$url" PROMPT_CACHE_TTL_SECONDS=0 ;;
    cached-in-process) run "postgres-$mode" DATABASE_URL="$url" ;;
    cached-redis) run "postgres-$mode" DATABASE_URL="$url" REDIS_URL="$REDIS_TEST_URL" ;;
  esac
done
