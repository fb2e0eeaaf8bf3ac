#!/usr/bin/env bash
# A long, bounded mixed load on one SQLite node, watching whether the server's memory and open
# files level off: the load of mixed.lua (90% reads — a page of demands, one demand, a search —
# and 10% creates) from CONNECTIONS connections, each pausing DELAY_MS between requests, for
# MINUTES minutes; the server's RSS and open file descriptors are sampled every 10 s from /proc.
# Prints the samples, the least-squares slope of each over the second half of the run (after the
# caches have filled) and over the whole run, and the count of answers of 400 and above.
# Usage: bench/mixed/soak.sh [MINUTES=30] [CONNECTIONS=8] [DELAY_MS=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${1:-30}
CONNS=${2:-8}
DELAY=${3:-10}
command -v wrk >/dev/null || { echo "needs wrk (scripts/install-deps.sh)" >&2; exit 1; }
[ -x build/kechuang ] || make -s build

WORK=$(mktemp -d)
SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export KECHUANG_ADMIN_PASSWORD=Bench-Keeper-pass-1
PORT=18311
BASE=http://127.0.0.1:$PORT

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
./build/kechuang import demands "$WORK/demands.jsonl" --data "$WORK/data" >/dev/null
./build/kechuang serve --data "$WORK/data" --listen 127.0.0.1:$PORT --threads 2 --no-demo \
  --access-log off >"$WORK/server.out" 2>&1 &
SERVER=$!
for _ in $(seq 600); do curl -sf "$BASE/api/v1/health" >/dev/null && break; sleep 0.1; done

curl -sf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"soak","password":"Load-Tester-2026","display_name":"soak","org":{"name":"压测公司","type":"enterprise","region":"440305"}}' >/dev/null
KC_TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"soak","password":"Load-Tester-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
KC_IDS=$(curl -sf "$BASE/api/v1/demands?size=100" | python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.load(sys.stdin)["items"]))')
export KC_TOKEN KC_IDS KC_DELAY_MS=$DELAY

wrk -t1 -c"$CONNS" -d"${MINUTES}m" --timeout 10s -s bench/mixed/mixed.lua "$BASE/" \
  >"$WORK/wrk.out" 2>&1 &
WRK=$!
# Samples until wrk ends: seconds since start, RSS in KiB, open descriptors.
START=$(date +%s)
while kill -0 "$WRK" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status")
  fds=$(ls "/proc/$SERVER/fd" | wc -l)
  echo "$(( $(date +%s) - START )) $rss $fds" >>"$WORK/samples"
  sleep 10
done
wait "$WRK" || true
cat "$WORK/wrk.out"

python3 - "$WORK/samples" "$MINUTES" "$CONNS" "$DELAY" <<'PY'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
def slope(points):
    n = len(points)
    if n < 2: return float("nan")
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx if sxx else float("nan")
half = rows[len(rows) // 2:]
print("t_s rss_MiB fds")
for t, rss, fds in rows[::6]:
    print(f"{t} {rss / 1024:.1f} {fds}")
for name, part in (("second half", half), ("whole run", rows)):
    rss = slope([(t / 60, r / 1024) for t, r, _ in part])
    fds = slope([(t / 60, f) for t, _, f in part])
    print(f"slope over the {name}: RSS {rss:+.3f} MiB/min, open files {fds:+.3f}/min")
print(f"RSS first {rows[0][1] / 1024:.1f} MiB, last {rows[-1][1] / 1024:.1f} MiB, "
      f"max {max(r for _, r, _ in rows) / 1024:.1f} MiB; open files {rows[0][2]} .. {rows[-1][2]}")
print(f"({sys.argv[2]} min, {sys.argv[3]} connections pausing {sys.argv[4]} ms, one wrk thread)")
PY
echo "published demands at the end (the creates make drafts): $(curl -sf "$BASE/api/v1/demands?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
