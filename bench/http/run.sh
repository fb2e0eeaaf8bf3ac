#!/usr/bin/env bash
# HTTP benchmark (bench/http/README.md): the 12,932 achievements of
# ../shared/data/zh-sci-abstracts imported, then, against servers with one I/O thread pinned to
# core 0 and wrk on core 1 (bench/http/measure.py):
#   detail — a bare Boost.Beast handler (constant 40-byte JSON, the baseline of the same run),
#            GET /api/v1/health, /api/v1/achievements/{id}, ?size=20 and ?size=20&view=summary:
#            req/s (wall clock, what wrk saw), server CPU µs per request (/proc/PID/stat), p50,
#            p99, and both ratios to the bare handler;
#   search — 2,000 real queries one and eight at a time, and health while eight searches run.
# Medians of RUNS alternating rounds, with the machine's load. With KC_BASELINE=path/to/kechuang
# (another build, e.g. of the previous commit) that binary is measured in the same rounds.
# Usage: bench/http/run.sh [RUNS=5] [DURATION=10] [CONNECTIONS=32]
# Environment: BUILD_DIR (build), KC_DATA (../shared/data), KC_BASELINE, SECTIONS
# (detail,search), SERVER_CPUS (0; "0,1" gives the servers both cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUNS=${1:-5}
DURATION=${2:-10}
DURATION=${DURATION%s}
CONNS=${3:-32}
BUILD_DIR=${BUILD_DIR:-build}
DATA=${KC_DATA:-$ROOT/../shared/data}
DOCS=$DATA/zh-sci-abstracts/docs.jsonl
[ -f "$DOCS" ] || { echo "needs $DOCS (set KC_DATA)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$BUILD_DIR/kechuang" ] || make -s build

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

g++ -O2 -std=c++20 -o "$WORK/bare_server" bench/http/bare_server.cc -lpthread

python3 bench/http/to_jsonl.py < "$DOCS" > "$WORK/achievements.jsonl"
ROWS=$(wc -l < "$WORK/achievements.jsonl")
export KECHUANG_ADMIN_PASSWORD=Bench-Keeper-pass-1
START=$(date +%s.%N)
"$BUILD_DIR/kechuang" import achievements "$WORK/achievements.jsonl" --data "$WORK/data" \
  > "$WORK/import.out" 2> "$WORK/import.err" || true
END=$(date +%s.%N)
IMPORT_SECONDS=$(python3 -c "print(round($END - $START, 2))")
tail -1 "$WORK/import.out"
echo "import: $ROWS rows in ${IMPORT_SECONDS}s = $(python3 -c "print(int($ROWS / $IMPORT_SECONDS))") rows/s"

python3 bench/http/measure.py --work "$WORK" --data "$DATA" --binary "$BUILD_DIR/kechuang" \
  --bare "$WORK/bare_server" --rounds "$RUNS" --seconds "$DURATION" --conns "$CONNS" \
  --server-cpus "${SERVER_CPUS:-0}" --sections "${SECTIONS:-detail,search}" \
  ${KC_BASELINE:+--baseline "$KC_BASELINE"}
