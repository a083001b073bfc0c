#!/usr/bin/env bash
# Throwaway PostgreSQL for tests and benchmarks, from the system's packages.
#   source scripts/postgres.sh; pg_start; ...; pg_stop
# pg_start sets PG_PORT, PG_DATA and PG_URL (trust auth on 127.0.0.1, user postgres).
# pg_replica_start then adds a streaming read replica of it: PG_REPLICA_PORT, PG_REPLICA_DATA, PG_REPLICA_URL.
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.

pg_bin_dir() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

pg_install_if_missing() {
  [ -n "$(pg_bin_dir)" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing postgresql from the system's packages…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || return 1
  fi
  [ -n "$(pg_bin_dir)" ]
}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_start() {
  local bin
  bin=$(pg_bin_dir) || return 1
  PG_DATA=$(mktemp -d /tmp/promptlib-pg.XXXXXX)
  PG_PORT=$(free_port)
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DATA"
  pg_as_owner "$bin/initdb" -D "$PG_DATA/data" -A trust -U postgres >/dev/null || return 1
  pg_server_start || return 1
  PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
  export PG_PORT PG_DATA PG_URL
}

# Starts (or restarts) the server on the same data directory and port.
pg_server_start() {
  pg_as_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w -t 30 \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
}

# Stops the server immediately, as a crash or an outage would.
pg_server_stop() {
  pg_as_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA/data" -m immediate -w stop >/dev/null 2>&1 || true
}

pg_stop() {
  pg_replica_stop
  [ -n "${PG_DATA:-}" ] || return 0
  pg_server_stop
  rm -rf "$PG_DATA"
}

# A streaming read replica of the running server: a base backup with -R (standby.signal and
# primary_conninfo written for it), started on a port of its own. PG_REPLICA_DELAY (e.g. 1500ms)
# makes it replay every commit that much later than the primary, so tests can see its lag. It
# streams through a replication slot, so the primary keeps the WAL a stopped replica has not yet
# received: tests stop it while the rest of the suite writes, and without the slot it could not
# resume once those segments were recycled.
pg_replica_start() {
  local bin
  bin=$(pg_bin_dir) || return 1
  PG_REPLICA_DATA=$(mktemp -d /tmp/promptlib-pg-replica.XXXXXX)
  PG_REPLICA_PORT=$(free_port)
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_REPLICA_DATA"
  pg_as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$PG_REPLICA_DATA/data" -R -X stream \
    -C -S promptlib_test_replica >/dev/null || return 1
  pg_replica_server_start || return 1
  PG_REPLICA_URL="postgresql://postgres@127.0.0.1:$PG_REPLICA_PORT/postgres?sslmode=disable"
  export PG_REPLICA_PORT PG_REPLICA_DATA PG_REPLICA_URL
}

# Starts (or restarts) the replica on its data directory and port.
pg_replica_server_start() {
  pg_as_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_REPLICA_DATA/data" -l "$PG_REPLICA_DATA/server.log" -w -t 120 \
    -o "-p $PG_REPLICA_PORT -k $PG_REPLICA_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c recovery_min_apply_delay=${PG_REPLICA_DELAY:-0}" \
    start >/dev/null
}

# Stops the replica, as an outage would for the servers reading from it. A fast stop, not an
# immediate one: a replica that crashed replays everything since its last restartpoint when it
# starts again, which after a whole test suite's databases takes longer than a test should wait.
pg_replica_server_stop() {
  pg_as_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_REPLICA_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_replica_stop() {
  [ -n "${PG_REPLICA_DATA:-}" ] || return 0
  pg_replica_server_stop
  rm -rf "$PG_REPLICA_DATA"
  PG_REPLICA_DATA=""
  # Without its replica, the slot would make the primary keep every WAL segment from now on.
  pg_as_owner "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atqc \
    "SELECT pg_drop_replication_slot('promptlib_test_replica') FROM pg_replication_slots WHERE slot_name = 'promptlib_test_replica'" >/dev/null 2>&1 || true
}
