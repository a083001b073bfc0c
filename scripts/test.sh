#!/usr/bin/env bash
# The whole test suite, on SQLite and on PostgreSQL, with real redis-server processes for the Redis tests.
#
# With DATABASE_URL set, the PostgreSQL tests use that server (each test creates and drops its own
# database on it). Otherwise a throwaway PostgreSQL is started from the system's packages (installed
# with apt-get when missing and running as root) and stopped afterwards. Under CI=true a missing
# PostgreSQL is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/redis.sh
source scripts/redis.sh

cleanup() { pg_stop; }
trap cleanup EXIT

# zlib's headers build the archive code (ZIPFoundation, compress-nio); the machine image has them,
# a bare one may not.
if [ ! -f /usr/include/zlib.h ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zlib1g-dev >/dev/null) >&2 || true
fi

if [ -n "${DATABASE_URL:-}" ]; then
  PROMPTLIB_TEST_POSTGRES_URL="$DATABASE_URL"
elif pg_install_if_missing && pg_start; then
  PROMPTLIB_TEST_POSTGRES_URL="$PG_URL"
  echo "throwaway PostgreSQL on port $PG_PORT"
  # A streaming read replica of it, replaying each commit 1.5 s late, so the replica tests can
  # tell a read the replica answered from one the primary did.
  export PG_REPLICA_DELAY=1500ms
  if pg_replica_start; then
    export PROMPTLIB_TEST_POSTGRES_REPLICA_URL="$PG_REPLICA_URL"
    echo "its read replica on port $PG_REPLICA_PORT"
  elif [ "${CI:-}" = true ]; then
    echo "FAIL: the read replica (pg_basebackup -R) could not be started under CI=true" >&2
    exit 1
  fi
elif [ "${CI:-}" = true ]; then
  echo "FAIL: PostgreSQL is required under CI=true but could not be installed or started" >&2
  exit 1
else
  echo "WARNING: no PostgreSQL available; running the SQLite tests only" >&2
  PROMPTLIB_TEST_POSTGRES_URL=""
fi
export PROMPTLIB_TEST_POSTGRES_URL

# The Redis client's tests start their own redis-server processes (they stop and restart them).
if ! redis_install_if_missing; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: redis-server is required under CI=true but could not be installed" >&2
    exit 1
  fi
  echo "WARNING: no redis-server available; the Redis tests are skipped" >&2
fi
# The tests choose their own databases; a DATABASE_URL in the environment must not leak into them.
unset DATABASE_URL

swift build --build-tests
swift test --skip-build 2>&1 | tee /tmp/promptlib-swift-test.log
test_status=${PIPESTATUS[0]}
[ "$test_status" = 0 ] || exit "$test_status"

# Provider conformance: every golden and generated body, and the model catalogue, validated by the
# providers' official SDKs (scripts/sdk/requirements.txt), each validator first shown able to fail.
corpus_dir=$(mktemp -d /tmp/promptlib-sdk-corpus.XXXXXX)
.build/debug/promptlib-sdk-corpus "$corpus_dir/corpus.jsonl" "$corpus_dir/catalogue.json" "$corpus_dir/parameters.json"
scripts/sdk/run.sh "$corpus_dir/corpus.jsonl" --catalogue "$corpus_dir/catalogue.json" --parameters "$corpus_dir/parameters.json"
rm -rf "$corpus_dir"

# End-to-end: the real binary on both engines, restarts, and a PostgreSQL outage.
scripts/e2e.sh

# The web UI's pure modules on their own (Node.js, no packages); then the UI in a real Chromium
# (selenium + chromium-driver): what a person does, end to end; then a screenshot of every page,
# light and dark, desktop and phone, failing on any console error.
if command -v node >/dev/null; then
  node --experimental-default-type=module --test Tests/WebUI/
elif [ "${CI:-}" = true ]; then
  echo "FAIL: node is required under CI=true for Tests/WebUI" >&2
  exit 1
fi
scripts/browser/run.sh
scripts/screenshots.sh

# Property-based API testing of the real binary against its OpenAPI document (time-bounded).
SCHEMATHESIS_MAX_TIME=${SCHEMATHESIS_MAX_TIME:-180} scripts/schemathesis.sh
