#!/bin/sh
# Builds and runs the scale benchmark (bench/scale/README.md) at N synthetic documents.
#   bench/scale/run.sh [N]            default N = 100000
# Environment: BUILD_DIR (default ./build), KC_DATA (default ../shared/data), KC_SCALE_DIR
# (where the index goes; kept afterwards only when set), BUILD_THREADS (default 2).
set -eu
N=${1:-100000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
DATA=${KC_DATA:-$ROOT/../shared/data}
if [ ! -d "$DATA/zh-sci-abstracts" ]; then
  echo "no seed data at $DATA/zh-sci-abstracts (set KC_DATA)" >&2
  exit 1
fi
[ -f "$BUILD/build.ninja" ] || cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target scale
if [ -n "${KC_SCALE_DIR:-}" ]; then
  DIR=$KC_SCALE_DIR
else
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/kc-scale.XXXXXX")
  trap 'rm -rf "$DIR"' EXIT
fi
echo "## N = $N (index in $DIR)"
# (a) the index build on BUILD_THREADS threads (both cores by default)
"$BUILD/scale" build --data "$DATA" --dir "$DIR/index" --n "$N" --threads "${BUILD_THREADS:-2}"
# (b, c) search and match latency on one core
taskset -c 0 "$BUILD/scale" query --data "$DATA" --dir "$DIR/index" --n "$N" --threads 1
# throughput on two threads (both cores)
"$BUILD/scale" query --data "$DATA" --dir "$DIR/index" --n "$N" --threads 2 --warmup 0
