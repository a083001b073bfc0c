#!/usr/bin/env bash
# End-to-end checks of the real `promptlib` binary, as an operator would use it:
# start, create and version a prompt, stop with SIGTERM, restart, read it back — on SQLite and on
# PostgreSQL — then stop PostgreSQL under the running server and start it again.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/redis.sh
source scripts/redis.sh
BIN=${PROMPTLIB_BIN:-.build/debug/promptlib}
passed=0
failed=0
SERVER_PID=""
WORK=$(mktemp -d /tmp/promptlib-e2e.XXXXXX)
REPLICA_PIDS=()
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  for pid in "${REPLICA_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  pg_stop; redis_stop; rm -rf "$WORK"
}
trap cleanup EXIT

check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; return 0; fi
  failed=$((failed + 1)); echo "FAIL $name"; return 1
}
quiet() { "$@" >/dev/null 2>&1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(*(lambda *a: a)($1))" 2>/dev/null; }
ADMIN_PASSWORD='E2e-operator-passphrase-1'
TOKEN=""
api() { curl -s -m 10 -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" "$@"; }
sign_in() {
  TOKEN=$(curl -s -m 10 -H 'content-type: application/json' -X POST "localhost:$PORT/api/v1/auth/login" \
    -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json 'd["access_token"]')
  [ -n "$TOKEN" ]
}
status_of() { curl -s -m 10 -o /dev/null -w '%{http_code}' "$@"; }

start_server() { # start_server ENGINE_ENV...
  env "$@" STORAGE_DIR="$WORK/data" PORT="$PORT" ADMIN_PASSWORD="$ADMIN_PASSWORD" "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local start; start=$(date +%s.%N)
  for _ in $(seq 1 300); do
    if [ "$(status_of "localhost:$PORT/api/system/health")" = 200 ]; then
      echo "first healthy answer after $(python3 -c "print(round($(date +%s.%N) - $start, 3))") s"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID"
  local rc=$?
  SERVER_PID=""
  return $rc
}

poll() { # poll SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 10))); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}
status_is() { [ "$(status_of "$2")" = "$1" ]; }
wait_for_status() { poll "$3" status_is "$1" "$2"; } # wait_for_status CODE URL SECONDS

cli_checks() {
  check "promptlib --version prints the version" test -n "$("$BIN" --version)"
  local out rc
  out=$(env PORT=eighty "$BIN" config check 2>&1); rc=$?
  check "config check: bad PORT exits 78 naming PORT" test "$rc" = 78 -a "$(echo "$out" | grep -c PORT)" = 1
  out=$(env DATABASE_URL='postgresql://u:hunter2@' "$BIN" serve 2>&1); rc=$?
  check "serve: bad DATABASE_URL stops start-up with one line, no secret" \
    test "$rc" = 78 -a "$(echo "$out" | wc -l)" = 1 -a "$(echo "$out" | grep -c hunter2)" = 0
  check "config check: valid environment exits 0" quiet env STORAGE_DIR="$WORK/data" "$BIN" config check
  out=$(env JWT_SECRET=short "$BIN" config check 2>&1); rc=$?
  check "config check: a JWT_SECRET under 32 bytes exits 78 in development too" test "$rc" = 78 -a "$(echo "$out" | grep -c JWT_SECRET)" = 1
  out=$(env JWT_SECRET=short STORAGE_DIR="$WORK/short" "$BIN" serve 2>&1); rc=$?
  check "serve: a short JWT_SECRET exits 78, not a crash" test "$rc" = 78
  out=$(env ADMIN_PASSWORD=password123 STORAGE_DIR="$WORK/weak" "$BIN" serve 2>&1); rc=$?
  check "serve: a weak ADMIN_PASSWORD exits 78 before any migration" test "$rc" = 78 -a ! -e "$WORK/weak/promptlib.sqlite"
  out=$(env ADMIN_PASSWORD=password123 "$BIN" config check 2>&1); rc=$?
  check "config check: a weak ADMIN_PASSWORD exits 78 naming it" test "$rc" = 78 -a "$(echo "$out" | grep -c ADMIN_PASSWORD)" = 1
}

port_in_use_check() { # while a server runs on $PORT with $WORK/data
  local rc
  env STORAGE_DIR="$WORK/data" PORT="$PORT" "$BIN" serve >"$WORK/second.log" 2>&1; rc=$?
  check "a second server on a port in use exits 1 with the reason, not a crash" \
    test "$rc" = 1 -a "$(grep -c 'Address already in use' "$WORK/second.log")" = 1
}

hostile_checks() {
  check "hostile requests over real HTTP get 4xx, never 5xx" python3 scripts/lib/hostile_requests.py "$PORT" "$TOKEN"
  check "server still healthy after hostile requests" test "$(status_of "localhost:$PORT/api/system/health")" = 200
  check "healthcheck command exits 0 against the running server" quiet "$BIN" healthcheck --port "$PORT"
}

user_cli_checks() { # runs on the SQLite data the server left behind
  local cli=(env STORAGE_DIR="$WORK/data" "$BIN" user) out
  out=$("${cli[@]}" create carl --email carl@example.com --role viewer 2>&1)
  check "user create prints a generated password once" test "$(echo "$out" | grep -c 'password: ')" = 1
  check "user create refuses a weak password" quiet sh -c "echo short | ${cli[*]} create dan --email dan@example.com --password-stdin; test \$? -ne 0"
  check "user list shows the account" test "$("${cli[@]}" list | grep -c '^carl	carl@example.com	viewer	active$')" = 1
  check "user set-role changes the role" quiet "${cli[@]}" set-role carl user
  check "user disable disables it" quiet "${cli[@]}" disable carl
  check "user list shows the change" test "$("${cli[@]}" list | grep -c '^carl	carl@example.com	user	disabled$')" = 1
  check "user reset-password takes a password from stdin" quiet sh -c "echo 'Fresh-operator-phrase-2' | ${cli[*]} reset-password carl --password-stdin"
  local old new
  old=$(cat "$WORK/data/.encryption_key")
  new=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
  out=$(env STORAGE_DIR="$WORK/data" ENCRYPTION_KEY="$new" ENCRYPTION_KEY_PREVIOUS="$old" "$BIN" keys rotate 2>/dev/null)
  check "keys rotate re-encrypts the stored credential" test "$out" = "re-encrypted 1 credential(s) under the current key"
  out=$(env STORAGE_DIR="$WORK/data" ENCRYPTION_KEY="$new" "$BIN" keys rotate 2>/dev/null)
  check "keys rotate is idempotent" test "$out" = "re-encrypted 0 credential(s) under the current key"
  check "the database files hold no plaintext credential" test "$(cat "$WORK/data/promptlib.sqlite"* | grep -c 'sk-e2e-secret-key-0001')" = 0
}

share_checks() { # share_checks PROMPT_URL
  local token
  token=$(api -X POST "$1/shares" -d '{"expires_in_hours": 1, "max_views": 1}' | json 'd["token"]')
  check "a share link opens without an account" test "$(curl -s -m 10 "localhost:$PORT/api/v1/shared/$token" | json 'd["prompt"]["goal"]')" = "Say hello v3"
  check "a share link past its views answers 410" test "$(status_of "localhost:$PORT/api/v1/shared/$token")" = 410
  check "the server log shows share views with the token masked" \
    test "$(grep -c "$token" "$WORK/server.log")" = 0 -a "$(grep -c '"path":"/api/v1/shared/…"' "$WORK/server.log")" -ge 2
}

exchange_cli_checks() { # runs on the SQLite data the server left behind
  local out
  out=$(env STORAGE_DIR="$WORK/data" "$BIN" export --history --folder e2e --out "$WORK/a.zip" 2>"$WORK/progress.txt")
  check "export writes an archive and says what" test "$out" = "exported 1 prompt(s), 3 version(s) to $WORK/a.zip"
  check "export reports progress in plain lines off a terminal" grep -q '^reading prompts: 1/1$' "$WORK/progress.txt"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" import "$WORK/a.zip" --dry-run 2>/dev/null | tail -1)
  check "import --dry-run prints the plan" test "$out" = "plan: 1 create"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" import "$WORK/a.zip" 2>/dev/null | tail -1)
  check "import into an empty instance creates the prompt" test "$out" = "imported: 1 create"
  env STORAGE_DIR="$WORK/copy" "$BIN" export --history --out "$WORK/b.zip" >/dev/null 2>&1
  check "export → import → export gives the same archive, byte for byte" cmp -s "$WORK/a.zip" "$WORK/b.zip"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" import "$WORK/a.zip" 2>/dev/null | tail -1)
  check "importing the same archive again changes nothing" test "$out" = "imported: 1 skip"
  python3 -c 'import io,sys,tarfile
with tarfile.open(sys.argv[1], "w:gz") as t:
    data = b"schema: promptlib/v1\nname: evil\ntitle: E\nprompt:\n  goal: g\n"
    info = tarfile.TarInfo("../evil.yaml"); info.size = len(data); t.addfile(info, io.BytesIO(data))' "$WORK/evil.tar.gz"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" import "$WORK/evil.tar.gz" 2>&1); local rc=$?
  check "import refuses a ../ entry with a clear error" test "$rc" = 1 -a "$(echo "$out" | grep -c 'leaves the archive')" = 1
  check "nothing of the refused archive was written" test "$(env STORAGE_DIR="$WORK/copy" "$BIN" export --out "$WORK/c.zip" 2>/dev/null)" = "exported 1 prompt(s), 1 version(s) to $WORK/c.zip"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" export --out "$WORK/missing/dir/x.zip" 2>&1); rc=$?
  check "export to a missing folder says so plainly, before reading anything" \
    test "$rc" = 1 -a "$(echo "$out" | grep -c 'the folder .* does not exist')" = 1 -a "$(echo "$out" | grep -c NSCocoaErrorDomain)" = 0
  python3 -c 'import sys
doc = "{\"name\":\"e2e/greeting\",\"title\":\"Changed\",\"prompt\":{\"goal\":\"Other\"}}"
open(sys.argv[1], "w").write(doc)' "$WORK/changed.json"
  out=$(env STORAGE_DIR="$WORK/copy" "$BIN" import "$WORK/changed.json" 2>&1); rc=$?
  check "a conflicting import names the command's own flags" \
    test "$rc" = 1 -a "$(echo "$out" | grep -c -- '--on-conflict')" = 1 -a "$(echo "$out" | grep -c 'on_conflict=')" = 0
  # A pseudo-terminal (script) shows the bars as a person sees them: each ends full.
  script -qc "env STORAGE_DIR='$WORK/copy2' '$BIN' import '$WORK/a.zip'" /dev/null >"$WORK/tty.txt" 2>&1
  check "progress bars on a terminal end full, phase by phase" python3 -c 'import re,sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
last = {}
for piece in re.split(r"[\r\n]", text):
    m = re.match(r"(.+?) \[[# ]*\] (\d+)/(\d+)", piece)
    if m: last[m.group(1)] = (int(m.group(2)), int(m.group(3)))
sys.exit(0 if last and all(done == total for done, total in last.values()) else 1)' "$WORK/tty.txt"
}

readme_check() { # the README's quick start, pasted as is (only the port differs), against the running server
  local dir="$WORK/readme" out
  mkdir -p "$dir"
  python3 - README.md "$PORT" >"$dir/quickstart.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
block = next(b for b in blocks if "api/v1/auth/login" in b)
print(block.replace("localhost:8000", "localhost:" + sys.argv[2]))
PY
  out=$(cd "$dir" && PASSWORD="$ADMIN_PASSWORD" bash -o pipefail quickstart.sh 2>&1); local rc=$?
  check "the README quick start runs as pasted: every call answers without an error" \
    test "$rc" = 0 -a "$(echo "$out" | grep -c '"error"')" = 0 -a -s "$dir/library.zip" -a -s "$dir/marketing__product-description.v1.gemini.json"
  check "the README quick start's production fetch serves version 1" test "$(echo "$out" | grep -c '"version":1,')" -ge 1
  echo "$out" | grep '"error"' | head -3
}

admin_cli_guard_checks() {
  local out rc
  mkdir -p "$WORK/elsewhere"
  out=$(bin=$(realpath "$BIN") && cd "$WORK/elsewhere" && env -u STORAGE_DIR -u DATABASE_URL "$bin" user list 2>&1); rc=$?
  check "user list where there is no database refuses, says why, creates nothing" \
    test "$rc" = 1 -a "$(echo "$out" | grep -c 'there is no database')" = 1 -a ! -e "$WORK/elsewhere/data"
  out=$(env STORAGE_DIR="$WORK/data" "$BIN" user list 2>&1 >/dev/null)
  check "user list says which database it uses" test "$(echo "$out" | grep -c '^database: sqlite')" = 1
  out=$("$BIN" --help)
  check "--help names STORAGE_DIR and DATABASE_URL" test "$(echo "$out" | grep -c 'STORAGE_DIR\|DATABASE_URL')" -ge 2
}

misnamed_database_check() { # with PostgreSQL running at $PG_PORT
  local out
  out=$(env DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/nosuchdb?sslmode=disable" "$BIN" user list 2>&1)
  check "a misnamed PostgreSQL database shows PostgreSQL's own reason" test "$(echo "$out" | grep -c 'database "nosuchdb" does not exist')" = 1
}

run_engine() { # run_engine LABEL ENV...
  local label=$1; shift
  PORT=$(free_port)
  rm -rf "$WORK/data"
  check "$label: server starts and reports healthy" start_server "$@" || return
  local base="localhost:$PORT/api/v1/prompts" id
  check "$label: anonymous API calls are refused" test "$(status_of "$base")" = 401
  check "$label: the admin signs in with ADMIN_PASSWORD" sign_in
  id=$(api -X POST "$base" -d '{"name":"e2e/greeting","title":"Greeting","prompt":{"goal":"Say hello v1"}}' | json 'd["id"]')
  for n in 2 3; do
    api -X PUT "$base/$id" -H "If-Match: \"v$((n - 1))\"" -d "{\"name\":\"e2e/greeting\",\"title\":\"Greeting\",\"commit_message\":\"v$n\",\"prompt\":{\"goal\":\"Say hello v$n\"}}" >/dev/null
  done
  check "$label: three versions listed" test "$(api "$base/$id/versions" | json '[v["version"] for v in d["data"]]')" = "[3, 2, 1]"
  check "$label: fetch by URL-encoded name serves the latest" test "$(api "$base/by-name/e2e%2Fgreeting" | json 'd["version"]')" = 3
  check "$label: version 1 body intact" test "$(api "$base/$id/versions/1" | json 'd["prompt"]["goal"]')" = "Say hello v1"
  check "$label: render for anthropic gives its Messages body" test "$(api -X POST "$base/$id/render" -d '{"provider":"anthropic"}' \
    | json 'd["payload"]["messages"][0]["content"], d["payload"]["max_tokens"]')" = "Say hello v3 1024"
  check "$label: SIGTERM exits 0" stop_server
  check "$label: restarts" start_server "$@"
  check "$label: the access token survives a restart" test "$(status_of -H "authorization: Bearer $TOKEN" "$base")" = 200
  check "$label: data survives a restart" test "$(api "$base/$id" | json 'd["version"], d["prompt"]["goal"]')" = "3 Say hello v3"
  check "$label: version 2 survives a restart" test "$(api "$base/$id/versions/2" | json 'd["prompt"]["goal"]')" = "Say hello v2"
  if [ "$label" = sqlite ]; then
    share_checks "$base/$id"
    readme_check
    hostile_checks
    port_in_use_check
    check "a provider connection is stored" test "$(api -X POST "localhost:$PORT/api/v1/connections" \
      -d '{"name":"e2e","provider":"openai","credentials":{"api_key":"sk-e2e-secret-key-0001"}}' | json 'd["credentials_hint"]["api_key"]')" = "sk-…0001"
  fi
  if [ "$label" = postgres ]; then outage "$base"; fi
  check "$label: SIGTERM exits 0 after the run" stop_server
}

outage() {
  local health="localhost:$PORT/api/system/health"
  pg_server_stop
  check "postgres down: health turns 503 within 5 s" wait_for_status 503 "$health" 5
  check "postgres down: health says unhealthy" test "$(curl -s -m 10 "$health" | json 'd["status"]')" = unhealthy
  check "postgres down: API answers 503 SERVICE_UNAVAILABLE" \
    test "$(api "$1" | json 'd["error"]["code"]')" = SERVICE_UNAVAILABLE
  pg_server_start
  check "postgres back: health recovers without a restart" wait_for_status 200 "$health" 20
  check "postgres back: API works again" test "$(status_of -H "authorization: Bearer $TOKEN" "$1")" = 200
}

health_status() { curl -s -m 10 "$1" | json 'd["status"]'; }
health_is() { [ "$(health_status "$2")" = "$1" ]; }
wait_for_health() { poll "$3" health_is "$1" "$2"; } # wait_for_health STATUS URL SECONDS

# Two server processes on one SQLite file and one Redis act as one; Redis killed under them costs
# no request, and they return to it on their own.
replica_checks() {
  local dir="$WORK/replicas" a b pa pb
  pa=$(free_port); pb=$(free_port)
  for port in "$pa" "$pb"; do
    env STORAGE_DIR="$dir" PORT="$port" ADMIN_PASSWORD="$ADMIN_PASSWORD" REDIS_URL="$REDIS_TEST_URL" "$BIN" serve >>"$WORK/replicas.log" 2>&1 &
    REPLICA_PIDS+=($!)
    wait_for_status 200 "localhost:$port/api/system/health" 30 || { check "replica on $port starts" false; return; }
  done
  a="localhost:$pa"; b="localhost:$pb"
  local token id etag byname
  token=$(curl -s -m 10 -H 'content-type: application/json' -X POST "$a/api/v1/auth/login" \
    -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json 'd["access_token"]')
  rapi() { curl -s -m 10 -H 'content-type: application/json' -H "authorization: Bearer $token" "$@"; }
  id=$(rapi -X POST "$a/api/v1/prompts" -d '{"name":"replicas/greeter","title":"Greeter","tags":["t"],"prompt":{"goal":"v1 {{who}}"},"variables":[{"name":"who","type":"string","required":true}]}' | json 'd["id"]')
  rapi -o /dev/null -X PUT "$a/api/v1/prompts/$id/labels/production" -d '{"version":1}'
  byname="/api/v1/prompts/by-name/replicas%2Fgreeter?label=production"
  check "replicas: B serves what A wrote" test "$(rapi "$b$byname" | json 'd["prompt"]["goal"]')" = "v1 {{who}}"
  check "replicas: B's fetch filled the shared cache" test "$(redis-cli -p "$REDIS_PORT" --scan --pattern 'promptlib:cache:*:prompt:*' | wc -l)" -ge 1
  etag=$(curl -s -m 10 -D - -o /dev/null -H "authorization: Bearer $token" "$a/api/v1/prompts/$id" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  rapi -o /dev/null -X PUT "$a/api/v1/prompts/$id" -H "if-match: $etag" -d '{"name":"replicas/greeter","title":"Greeter","tags":["t"],"prompt":{"goal":"v2 {{who}}"},"variables":[{"name":"who","type":"string","required":true}]}'
  rapi -o /dev/null -X PUT "$a/api/v1/prompts/$id/labels/production" -d '{"version":2}'
  check "replicas: a release through A is what B serves at once" test "$(rapi "$b$byname" | json 'd["prompt"]["goal"]')" = "v2 {{who}}"
  check "replicas: a logout through A applies on B at once" \
    test "$(rapi -o /dev/null -w '%{http_code}' -X POST "$a/api/v1/auth/logout"; echo " $(rapi -o /dev/null -w '%{http_code}' "$b/api/v1/auth/me")")" = "204 401"
  token=$(curl -s -m 10 -H 'content-type: application/json' -X POST "$b/api/v1/auth/login" \
    -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json 'd["access_token"]')
  redis_server_stop
  local codes=""
  for _ in $(seq 30); do codes+="$(rapi -o /dev/null -w '%{http_code}' "$b$byname") "; done
  check "replicas: Redis killed mid-stream costs no request" test "$(echo "$codes" | tr ' ' '\n' | grep -cv '^200$\|^$')" = 0
  check "replicas: health says degraded while Redis is away" test "$(health_status "$a/api/system/health")" = degraded
  redis_server_start
  check "replicas: back to healthy without a restart" wait_for_health healthy "$b/api/system/health" 40
  rapi -o /dev/null "$b$byname"
  check "replicas: the cache is used again" test "$(redis-cli -p "$REDIS_PORT" --scan --pattern 'promptlib:cache:*:prompt:*' | wc -l)" -ge 1
  check "replicas: no password or secret in their logs" test "$(grep -c "$ADMIN_PASSWORD" "$WORK/replicas.log")" = 0
  for pid in "${REPLICA_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  REPLICA_PIDS=()
}

cli_checks
run_engine sqlite
user_cli_checks
exchange_cli_checks
admin_cli_guard_checks
check "healthcheck command exits 1 when no server answers" test "$("$BIN" healthcheck --port "$PORT" >/dev/null 2>&1; echo $?)" = 1
if pg_install_if_missing && pg_start; then
  psql -q "$PG_URL" -c 'CREATE DATABASE promptlib_e2e' >/dev/null
  misnamed_database_check
  run_engine postgres DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/promptlib_e2e?sslmode=disable"
elif [ "${CI:-}" = true ]; then
  check "postgres available under CI" false
fi
if redis_install_if_missing && redis_start; then
  replica_checks
elif [ "${CI:-}" = true ]; then
  check "redis available under CI" false
fi
if grep -q '"level":"critical"\|"level":"error"' "$WORK/server.log"; then
  check "server logged no errors" false
  grep '"level":"critical"\|"level":"error"' "$WORK/server.log" | head -5
fi
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
