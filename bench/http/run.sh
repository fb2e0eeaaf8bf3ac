#!/usr/bin/env bash
# HTTP benchmark of the foundation (issue 2): wrk on loopback against
#   a bare Boost.Beast handler (constant 40-byte JSON)      — the baseline, same run
#   GET /api/v1/health
#   GET /api/v1/achievements?size=20 (every field) and ?size=20&view=summary
#   GET /api/v1/achievements/{id}
# with the 12,932 achievements of ../shared/data/zh-sci-abstracts imported. Each server is pinned
# to core 0 with one I/O thread, wrk to core 1. Reports the median of RUNS runs of DURATION each:
# req/s, p99 latency and the ratio to the bare handler; and the import rate.
# Usage: bench/http/run.sh [RUNS=3] [DURATION=10s] [CONNECTIONS=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
DURATION=${2:-10s}
CONNS=${3:-32}
DATA=../shared/data/zh-sci-abstracts/docs.jsonl
[ -f "$DATA" ] || { echo "needs $DATA" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (scripts/install-deps.sh)" >&2; exit 1; }

make -s build
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

g++ -O2 -std=c++20 -o "$WORK/bare_server" bench/http/bare_server.cc -lpthread

python3 bench/http/to_jsonl.py < "$DATA" > "$WORK/achievements.jsonl"
ROWS=$(wc -l < "$WORK/achievements.jsonl")
export KECHUANG_ADMIN_PASSWORD=Bench-Keeper-pass-1
START=$(date +%s.%N)
./build/kechuang import achievements "$WORK/achievements.jsonl" --data "$WORK/data" \
  > "$WORK/import.out" 2> "$WORK/import.err" || true
END=$(date +%s.%N)
IMPORT_SECONDS=$(python3 -c "print(round($END - $START, 2))")
tail -1 "$WORK/import.out"
echo "import: $ROWS rows in ${IMPORT_SECONDS}s = $(python3 -c "print(int($ROWS / $IMPORT_SECONDS))") rows/s"

BARE_PORT=18181
KC_PORT=18182
taskset -c 0 "$WORK/bare_server" $BARE_PORT &
taskset -c 0 ./build/kechuang serve --data "$WORK/data" --listen 127.0.0.1:$KC_PORT --threads 1 \
  --no-demo > "$WORK/serve.out" 2>&1 &
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$KC_PORT/api/v1/health" >/dev/null && break
  sleep 0.1
done
ID=$(curl -s "http://127.0.0.1:$KC_PORT/api/v1/achievements?size=1" | python3 -c \
  'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# run_wrk URL → "req/s p99_ms" (median over RUNS)
run_wrk() {
  local url=$1 results=()
  for _ in $(seq "$RUNS"); do
    out=$(taskset -c 1 wrk -t1 -c"$CONNS" -d"$DURATION" --latency "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
    results+=("$rps $p99")
  done
  printf '%s\n' "${results[@]}" | sort -n | awk -v n="$RUNS" 'NR==int((n+1)/2)'
}

printf '%-40s %12s %10s %8s\n' endpoint "req/s" "p99 ms" "ratio"
BARE=$(run_wrk "http://127.0.0.1:$BARE_PORT/")
BARE_RPS=${BARE%% *}
printf '%-40s %12s %10s %8s\n' "bare Beast handler (40-byte JSON)" ${BARE} "1.00"
for path in /api/v1/health "/api/v1/achievements?size=20" "/api/v1/achievements?size=20&view=summary" "/api/v1/achievements/$ID"; do
  R=$(run_wrk "http://127.0.0.1:$KC_PORT$path")
  RPS=${R%% *}
  printf '%-40s %12s %10s %8.2f\n' "GET $path" ${R} "$(python3 -c "print($RPS / $BARE_RPS)")"
done
echo "(median of $RUNS runs of $DURATION, $CONNS connections, server on core 0, wrk on core 1)"
