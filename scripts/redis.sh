#!/usr/bin/env bash
# Redis from the system's packages, for tests and benchmarks.
#   source scripts/redis.sh; redis_install_if_missing; redis_start; ...; redis_stop
# redis_start sets REDIS_PORT, REDIS_DIR and REDIS_TEST_URL (no password, loopback only, no persistence).

redis_install_if_missing() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing redis-server from the system's packages…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) >&2 || return 1
  fi
  command -v redis-server >/dev/null
}

redis_start() {
  REDIS_DIR=$(mktemp -d /tmp/promptlib-redis.XXXXXX)
  REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  REDIS_TEST_URL="redis://127.0.0.1:$REDIS_PORT"
  export REDIS_PORT REDIS_DIR REDIS_TEST_URL
  redis_server_start
}

# Starts (or starts again) the server on the same port and directory.
redis_server_start() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" || return 1
  for _ in $(seq 100); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  return 1
}

# Stops the server at once, as a crash would (its data is gone: it keeps none).
redis_server_stop() {
  [ -f "$REDIS_DIR/redis.pid" ] || return 0
  kill -KILL "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null
  rm -f "$REDIS_DIR/redis.pid"
  for _ in $(seq 100); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || return 0
    sleep 0.05
  done
}

redis_stop() {
  [ -n "${REDIS_DIR:-}" ] || return 0
  redis_server_stop
  rm -rf "$REDIS_DIR"
}
