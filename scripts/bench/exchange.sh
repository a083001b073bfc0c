#!/usr/bin/env bash
# Bulk export and import at scale: seeds N prompts (default 10,000) on SQLite and on PostgreSQL,
# then times `promptlib export` to a zip and `promptlib import` of that zip into an empty
# database, three times each, with the release binary (process start and migrations included).
# Prints figures; asserts nothing. Usage: scripts/bench/exchange.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
n=${1:-10000}
bin=$(scripts/build-release.sh)
work=$(mktemp -d /tmp/promptlib-exchange.XXXXXX)
cleanup() { pg_stop; rm -rf "$work"; }
trap cleanup EXIT

seconds() { # seconds COMMAND... : wall time of COMMAND, which must succeed
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f} s')"
}

measure() { # measure LABEL SOURCE_ENV TARGET_ENV ("%d" in TARGET_ENV becomes the round)
  local label=$1 source_env=$2 target=$3 exports=() imports=() size
  for round in 1 2 3; do
    # The environments are lists of NAME=value words: split on purpose.
    # shellcheck disable=SC2086
    exports+=("$(seconds env $source_env "$bin" export --out "$work/$label.zip")")
    # shellcheck disable=SC2046,SC2059
    imports+=("$(seconds env $(printf "$target" "$round") "$bin" import "$work/$label.zip")")
  done
  size=$(du -k "$work/$label.zip" | cut -f1)
  echo "$label, $n prompts (zip of ${size} KiB):"
  echo "  export: ${exports[*]}"
  echo "  import into an empty database: ${imports[*]}"
}

mkdir -p "$work/sqlite-source"
STORAGE_DIR="$work/sqlite-source" "$bin" migrate >/dev/null 2>&1
python3 scripts/bench/library.py seed-sqlite "$work/sqlite-source/promptlib.sqlite" "$n"
measure sqlite "STORAGE_DIR=$work/sqlite-source" "STORAGE_DIR=$work/sqlite-target-%d"

pg_install_if_missing && pg_start
for db in source target1 target2 target3; do psql -q "$PG_URL" -c "CREATE DATABASE bench_$db" >/dev/null; done
url() { echo "postgresql://postgres@127.0.0.1:$PG_PORT/bench_$1?sslmode=disable"; }
DATABASE_URL="$(url source)" STORAGE_DIR="$work/pg" "$bin" migrate >/dev/null 2>&1
python3 scripts/bench/library.py seed-postgres "$(url source | cut -d'?' -f1)" "$n"
measure postgres "DATABASE_URL=$(url source) STORAGE_DIR=$work/pg" "STORAGE_DIR=$work/pg DATABASE_URL=$(url 'target%d')"
