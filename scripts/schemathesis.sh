#!/usr/bin/env bash
# Property-based API testing with schemathesis against the real binary: every operation of
# /api/openapi.json, signed in as an admin, examples + coverage + fuzzing + stateful phases.
# Fails on any 5xx and on any response the document does not describe (status, content type,
# headers, body schema). Bounded: SCHEMATHESIS_MAX_TIME seconds (default 300) and
# SCHEMATHESIS_MAX_EXAMPLES cases per operation and phase (default 30).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
BIN=${PROMPTLIB_BIN:-.build/debug/promptlib}
WORK=$(mktemp -d /tmp/promptlib-schemathesis.XXXXXX)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh  # for free_port

if ! command -v schemathesis >/dev/null 2>&1 \
    && ! python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "schemathesis==4.32.5" >&2; then
  # Under CI a missing tool is a failure; on a laptop without PyPI it is a warning.
  if [ "${CI:-}" = true ]; then echo "FAIL: schemathesis is required under CI=true but could not be installed" >&2; exit 1; fi
  echo "WARNING: schemathesis not available; skipping the property-based API run" >&2
  exit 0
fi

PORT=$(free_port)
PASSWORD='Schemathesis-operator-pass-1'
# Limits are raised so that the fuzzer measures the API, not the rate limiter; provider calls give
# up fast, since the connections the fuzzer makes point at hosts that do not exist.
env STORAGE_DIR="$WORK/data" PORT="$PORT" ADMIN_PASSWORD="$PASSWORD" BCRYPT_COST=4 ACCESS_TOKEN_TTL_SECONDS=86400 \
  RATE_LIMIT_PER_USER=1000000 RATE_LIMIT_PER_IP=1000000 LOGIN_FAILURES_PER_IP=100000 LOGIN_FAILURES_PER_ACCOUNT=1000 \
  PROVIDER_CONNECT_TIMEOUT_SECONDS=1 PROVIDER_READ_TIMEOUT_SECONDS=3 PROVIDER_MAX_RETRIES=0 \
  LOG_LEVEL=warning "$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -sf "localhost:$PORT/api/system/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -H 'content-type: application/json' -X POST "localhost:$PORT/api/v1/auth/login" \
  -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
[ -n "$TOKEN" ] || { echo "FAIL: could not sign in" >&2; exit 1; }

# Operations that end the signed-in session are left out: after them every request is a 401.
# Running a prompt is left out too: through a connection the fuzzer made, to a host that does not
# exist, its documented answer is a 503 — which not_a_server_error counts as a failure. Its input
# checks are covered by Tests/PromptLibServerTests/Runs.
schemathesis run "http://127.0.0.1:$PORT/api/openapi.json" \
  -H "Authorization: Bearer $TOKEN" \
  --phases examples,coverage,fuzzing,stateful \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --exclude-path /api/v1/auth/logout --exclude-path '/api/v1/auth/sessions/{id}' --exclude-path /api/v1/auth/me/password \
  --exclude-path '/api/v1/prompts/{id}/run' \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-30}" --max-time "${SCHEMATHESIS_MAX_TIME:-300}" \
  --seed "${SCHEMATHESIS_SEED:-20261130}" --workers 2 --no-color --request-timeout 20 \
  --report junit --report-junit-path "${SCHEMATHESIS_JUNIT:-$WORK/junit.xml}" "$@"
status=$?
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "FAIL: the server died during the run" >&2; tail -20 "$WORK/server.log" >&2; exit 1
fi
exit $status
