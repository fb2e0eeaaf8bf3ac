#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (CTest runs `start` before and `stop` after the
# tests that use it).
#   scripts/test-postgres.sh start DIR   initdb in DIR/data on a free loopback port, start it, and
#                                        write its URL (postgresql://postgres@127.0.0.1:PORT) to DIR/url
#   scripts/test-postgres.sh stop DIR    stop it and remove DIR
#   scripts/test-postgres.sh halt DIR    stop the server, keeping its data (a crash test's outage)
#   scripts/test-postgres.sh resume DIR  start it again on the same port
# PG_EXTRA_OPTS adds server options (later -c options win: a benchmark turns fsync back on).
# initdb refuses to run as root, so as root (CI) the cluster runs as the `postgres` user.
set -euo pipefail

cmd=${1:?usage: test-postgres.sh start|stop|halt|resume DIR}
dir=${2:?usage: test-postgres.sh start|stop|halt|resume DIR}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# Starts the server in DIR/data on `port`.
start_on() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB ${PG_EXTRA_OPTS:-}" \
    >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$cmd" in
  start)
    stop  # a cluster left over by an interrupted run
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is not under test here (the crash tests kill the server, not the machine):
    # fsync off keeps CREATE DATABASE per test fast.
    for attempt in 1 2 3; do
      port=$(free_port)
      if start_on "$port"; then
        echo "postgresql://postgres@127.0.0.1:$port" >"$dir/url"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
  stop)
    stop
    ;;
  halt)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    url=$(cat "$dir/url")
    start_on "${url##*:}"
    ;;
  *)
    echo "usage: test-postgres.sh start|stop|halt|resume DIR" >&2
    exit 2
    ;;
esac
