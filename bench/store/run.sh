#!/bin/sh
# bench/store: point read and list page through the store code from before the SQL layer, SOCI,
# the SQL layer and the store as it runs now (SqlStore), on a SQLite file and on a throwaway
# PostgreSQL 15 cluster started here as the tests start theirs (scripts/test-postgres.sh, with
# fsync back on) and removed at the end (README.md).
#   bench/store/run.sh [store_bench options]   e.g. --rounds 9 --point-ops 3000
# BUILD_DIR (default build) holds store_bench; PG_URL=postgresql://… uses that server instead
# of starting one (a database kc_store_bench is created on it, and dropped at the end).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
bench=$build/store_bench
[ -x "$bench" ] || { echo "build store_bench first: cmake --build $build --target store_bench" >&2; exit 1; }

work=$(mktemp -d /tmp/kc-store-bench-XXXXXX)
pgdir=$work/pg
cleanup() {
  if [ -z "${PG_URL:-}" ]; then
    "$root/scripts/test-postgres.sh" stop "$pgdir" || true
  else
    psql -q "$PG_URL/postgres" -c 'DROP DATABASE IF EXISTS kc_store_bench WITH (FORCE)' || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ -z "${PG_URL:-}" ]; then
  chmod 755 "$work"
  PG_EXTRA_OPTS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
    "$root/scripts/test-postgres.sh" start "$pgdir"
  server=$(cat "$pgdir/url")
else
  server=$PG_URL
fi
psql -q "$server/postgres" -c 'CREATE DATABASE kc_store_bench'

echo "store_bench on $(uname -n), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
nice -n 0 "$bench" --sqlite "$work/bench.db" --postgres "$server/kc_store_bench" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
