#!/bin/sh
# Rebuilds data/ranker/builtin.json, the re-ranking model compiled into the binary
# (docs/ranking.md, "The built-in model"): LambdaMART trained by the product's own trainer on the
# CSL-derived documents (Apache-2.0) of zh-sci-abstracts in DATA (default ../shared/data);
# their titles and keywords are the training queries. No evaluation query takes part.
# Usage: scripts/train-builtin-ranker.sh [DATA]   (after `make build`)
set -eu
data=${1:-../shared/data}
cmake --build build --target train_builtin_ranker
build/train_builtin_ranker --data "$data" --out data/ranker/builtin.json \
  --rounds 50 --max-depth 3 --eta 0.1
