#!/bin/bash
# SciFact xtr latency, four rounds in one sitting (docs/BENCHMARKS.md §20b), each round:
#   old  = commit 9784119 on its index (no token scales), the old defaults nprobe 16 / k' 250;
#   same = this tree on that same index (no token scales), the rule's defaults (16 / 268);
#   new  = this tree on its index (token scales), the rule's defaults (16 / 268).
# old vs new is the issue's criterion; same vs new isolates what the scales cost.
# Needs a worktree of the old commit at $OLD (git worktree add --detach /work/old 9784119) and both
# regress SciFact indexes: `./latte regress scifact` in each tree builds one and prints its folder,
# ~/.cache/latte/regress/scifact-<key>.
set -e
cd "$(dirname "$0")/../../.."
OLD=${OLD:-/work/old}
OLD_INDEX=${OLD_INDEX:?the old tree's regress SciFact index}
NEW_INDEX=${NEW_INDEX:?this tree's regress SciFact index}
OUT=docs/bench/token-scale-ab
DATA=../shared/datasets/scifact
for r in 1 2 3 4; do
  "$OLD/latte" bench --index "$OLD_INDEX" --dataset $DATA --modes xtr --warmup 100 --nprobe 16 --k-prime 250 \
    --json $OUT/old-$r.json > $OUT/old-$r.log 2>&1
  ./latte bench --index "$OLD_INDEX" --dataset $DATA --modes xtr --warmup 100 --json $OUT/same-$r.json > $OUT/same-$r.log 2>&1
  ./latte bench --index "$NEW_INDEX" --dataset $DATA --modes xtr --warmup 100 --json $OUT/new-$r.json > $OUT/new-$r.log 2>&1
done
for r in 1 2 3 4; do
  for f in old-$r same-$r new-$r; do
    python3 -c "import json; d=json.load(open('$OUT/$f.json')); m=d['modes']['xtr']; print('$f', d['resolved_params']['nprobe'], d['resolved_params']['kPrime'], round(m['ndcg_cut_10'], 4), m['p50_ms'], m['p95_ms'], round(d['heap_used_mb'], 1))"
  done
done
