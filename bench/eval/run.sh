#!/bin/sh
# Builds and runs the search evaluation (bench/eval/README.md) on ../shared/data.
#   bench/eval/run.sh [eval options…]     e.g. --sets csl --engines kechuang
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
DATA=${KC_DATA:-$ROOT/../shared/data}
if [ ! -d "$DATA" ]; then
  echo "no evaluation data at $DATA (set KC_DATA)" >&2
  exit 1
fi
[ -f "$BUILD/build.ninja" ] || cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target eval
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kc-eval.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$BUILD/eval" --data "$DATA" --work "$WORK" "$@"
