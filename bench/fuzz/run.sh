#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ (docs/security.md, "Fuzzing").
#   bench/fuzz/run.sh [SECONDS] [TARGET...]
# Configures a build directory of its own ($FUZZ_BUILD_DIR, default build-fuzz) with clang++ and
# -DKC_FUZZ=ON, builds the targets (all of them, or those named), and runs each for SECONDS
# (default 60) on a scratch corpus (build-fuzz/corpus/<target>, seeded from fuzz/corpus/<target>
# and kept between runs, so that a later run goes on from what an earlier one found). Prints one
# table row per target: executions, executions per second, corpus size, crashes. A crash, leak or
# timeout leaves its input in build-fuzz/crashes/<target>/ (emptied when the run starts) and makes the script exit 1; replay it
# with `build-fuzz/fuzz/fuzz_<target> <file>`, or with the corpus replay of the normal build
# (`build/fuzz/fuzz_<target>_corpus <file>`).
# FUZZ_FLAGS adds libFuzzer options (e.g. FUZZ_FLAGS=-jobs=2); CXX picks the compiler.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-60}
shift || true
build=${FUZZ_BUILD_DIR:-build-fuzz}
all_targets=(http_head json_body csv_import json_lines news_page)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

case "$seconds" in
  '' | *[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]  (targets: ${all_targets[*]})" >&2; exit 2 ;;
esac

export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=true
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="${CXX:-clang++}" -DKC_FUZZ=ON >/dev/null
exes=()
for t in "${targets[@]}"; do exes+=("fuzz_$t"); done
nice -n 10 cmake --build "$build" -j "${JOBS:-$(nproc)}" --target "${exes[@]}"

status=0
rows=()
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  crashes=$build/crashes/$t
  log=$build/logs/$t.log
  rm -rf "$crashes"  # this run's findings only
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz_$t: ${seconds}s, corpus $corpus" >&2
  rc=0
  # -timeout: an input that takes longer than 10 s is a finding too (a hang).
  # shellcheck disable=SC2086
  nice -n 10 "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" ${FUZZ_FLAGS:-} "$corpus" \
    >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  found=$(find "$crashes" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    echo "fuzz_$t FAILED (exit $rc); its log: $log; inputs: $crashes" >&2
    grep -m 5 -E 'ERROR: |SUMMARY: |runtime error' "$log" >&2 || true
  fi
  rows+=("| $t | ${execs:-?} | ${speed:-?} | $units | $found |")
done

echo
echo "| target | executions | exec/s | corpus | crashes |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
exit $status
