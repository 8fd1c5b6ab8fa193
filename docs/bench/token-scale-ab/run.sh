#!/bin/bash
# SciFact xtr latency: before (9784119: no token scales, the old defaults nprobe 16 / k' 250) against
# now (a scale byte per token, the rule's defaults 16 / 268), alternating in one sitting
# (docs/BENCHMARKS.md §20b). Needs a worktree of the old commit at $OLD
# (git worktree add --detach /work/old 9784119) and both regress SciFact indexes: `./latte regress
# scifact` in each tree builds one and prints its folder, ~/.cache/latte/regress/scifact-<key>.
set -e
cd "$(dirname "$0")/../../.."
OLD=${OLD:-/work/old}
OLD_INDEX=${OLD_INDEX:?the old tree's regress SciFact index}
NEW_INDEX=${NEW_INDEX:?this tree's regress SciFact index}
OUT=docs/bench/token-scale-ab
for r in 1 2; do
  "$OLD/latte" bench --index "$OLD_INDEX" --dataset ../shared/datasets/scifact --modes xtr --warmup 100 \
    --nprobe 16 --k-prime 250 --json $OUT/old-$r.json > $OUT/old-$r.log 2>&1
  ./latte bench --index "$NEW_INDEX" --dataset ../shared/datasets/scifact --modes xtr --warmup 100 \
    --json $OUT/new-$r.json > $OUT/new-$r.log 2>&1
done
for f in old-1 new-1 old-2 new-2; do
  python3 -c "import json; d=json.load(open('$OUT/$f.json')); m=d['modes']['xtr']; print('$f', d['resolved_params']['nprobe'], d['resolved_params']['kPrime'], round(m['ndcg_cut_10'], 4), m['p50_ms'], m['p95_ms'], round(d['heap_used_mb'], 1))"
done
