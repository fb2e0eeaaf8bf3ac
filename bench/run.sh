#!/bin/sh
# `make bench`: the benchmarks and the evaluation harness.
set -eu
exec "$(dirname "$0")/eval/run.sh" "$@"
