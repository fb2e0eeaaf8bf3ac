#!/usr/bin/env bash
# Mixed read/write benchmark (issue 6): wrk with 90% reads (a page of demands, one demand, a
# search) and 10% creates, against
#   one node on SQLite, one node on PostgreSQL, two nodes on one PostgreSQL
# with 2,000 published demands imported first. PostgreSQL 15 runs as a throwaway cluster
# (scripts/test-postgres.sh) with durable settings (fsync, synchronous_commit on), as SQLite runs
# with synchronous=FULL. Two nodes get one wrk each (half the connections each); their req/s add
# up and the larger p99 counts. Reports the median of RUNS runs of DURATION.
# Usage: bench/mixed/run.sh [RUNS=3] [DURATION=10s] [CONNECTIONS=32] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
DURATION=${2:-10s}
CONNS=${3:-32}
THREADS=${4:-2}
command -v wrk >/dev/null || { echo "needs wrk (scripts/install-deps.sh)" >&2; exit 1; }
[ -x build/kechuang ] || make -s build

WORK=$(mktemp -d)
chmod 755 "$WORK"  # the PostgreSQL cluster inside runs as the postgres user when root runs this
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/test-postgres.sh stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export KECHUANG_ADMIN_PASSWORD=Bench-Keeper-pass-1

python3 - "$WORK/demands.jsonl" <<'PY'
import json, sys
words = ["锂电池", "传感器", "催化剂", "电解液", "机器人", "光伏", "储能", "芯片", "疫苗", "算法"]
with open(sys.argv[1], "w") as f:
    for i in range(2000):
        a, b = words[i % 10], words[(i * 7 + 3) % 10]
        f.write(json.dumps({"ref": f"B-{i}", "title": f"{a}{b}技术需求 {i}",
                            "description": f"寻求{a}与{b}方向的合作，第{i}号需求。",
                            "keywords": [a, b], "category": "工学", "region": "440305"},
                           ensure_ascii=False) + "\n")
PY

# start_node NAME PORT DBFLAGS… → waits until it serves
start_node() {
  local name=$1 port=$2
  shift 2
  ./build/kechuang serve --data "$WORK/$name" --listen 127.0.0.1:"$port" --threads 2 --no-demo \
    --access-log off "$@" >"$WORK/$name.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && return 0
    sleep 0.1
  done
  echo "node $name did not start" >&2
  cat "$WORK/$name.out" >&2
  exit 1
}

# prepare PORT → exports KC_TOKEN and KC_IDS for the node on PORT
prepare() {
  local base=http://127.0.0.1:$1
  curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"Load-Tester-2026","display_name":"bench","org":{"name":"压测公司","type":"enterprise","region":"440305"}}' >/dev/null || true
  KC_TOKEN=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"Load-Tester-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  KC_IDS=$(curl -sf "$base/api/v1/demands?size=100" | python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.load(sys.stdin)["items"]))')
  export KC_TOKEN KC_IDS
}

# wrk_once PORT CONNS → "req/s p99_ms errors"
wrk_once() {
  local out
  out=$(wrk -t"$THREADS" -c"$2" -d"$DURATION" --latency -s bench/mixed/mixed.lua "http://127.0.0.1:$1/")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
  echo "$rps $p99 $(echo "$out" | awk '$1=="errors" {print $2}')"
}

# measure PORT… → median over RUNS of the summed req/s, the largest p99 and the errors (answers
# of 400 and above) of that run
measure() {
  local ports=("$@") results=()
  local per=$((CONNS / ${#ports[@]}))
  for _ in $(seq "$RUNS"); do
    local files=() waits=()
    for p in "${ports[@]}"; do
      wrk_once "$p" "$per" >"$WORK/wrk.$p" &
      waits+=($!)
      files+=("$WORK/wrk.$p")
    done
    wait "${waits[@]}"
    results+=("$(cat "${files[@]}" | awk '{s+=$1; e+=$3; if ($2>m) m=$2} END {printf "%.0f %.2f %d", s, m, e}')")
  done
  printf '%s\n' "${results[@]}" | sort -n | awk -v n="$RUNS" 'NR==int((n+1)/2)'
}

printf '%-34s %10s %10s %8s\n' setup "req/s" "p99 ms" errors

./build/kechuang import demands "$WORK/demands.jsonl" --data "$WORK/sqlite" >/dev/null
start_node sqlite 18301
prepare 18301
printf '%-34s %10s %10s %8s\n' "1 node, SQLite" $(measure 18301)
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

PG_EXTRA_OPTS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
  scripts/test-postgres.sh start "$WORK/pg"
DB="$(cat "$WORK/pg/url")/postgres"
./build/kechuang import demands "$WORK/demands.jsonl" --data "$WORK/pg1" --db "$DB" >/dev/null
start_node pg1 18302 --db "$DB"
prepare 18302
printf '%-34s %10s %10s %8s\n' "1 node, PostgreSQL" $(measure 18302)
start_node pg2 18303 --db "$DB"
printf '%-34s %10s %10s %8s\n' "2 nodes, one PostgreSQL" $(measure 18302 18303)
echo "(median of $RUNS runs of $DURATION, $CONNS connections in all, wrk -t$THREADS per node," \
  "each node --threads 2; $(nproc) cores shared by servers, database and wrk)"
