#!/bin/bash
# SciFact xtr latency, before (a69fbff: unscaled decoding, old defaults nprobe 16 / k' 250) against
# now (unit-length decoding, the rule's defaults), alternating in one sitting (docs/BENCHMARKS.md §19c).
# Needs a worktree of the old commit at $OLD (git worktree add --detach /work/old a69fbff) and both
# regress SciFact indexes: ./latte regress scifact in each tree prints ~/.cache/latte/regress/scifact-<key>.
set -e
cd "$(dirname "$0")/../../.."
OLD=${OLD:-/work/old}
OLD_INDEX=${OLD_INDEX:-$HOME/.cache/latte/regress/scifact-bf9c35a62cb6/index}
NEW_INDEX=${NEW_INDEX:-$HOME/.cache/latte/regress/scifact-0136e4ae9a2b/index}
OUT=docs/bench/unit-decode-ab
for r in 1 2; do
  "$OLD/latte" bench --index "$OLD_INDEX" --dataset ../shared/datasets/scifact --modes xtr --warmup 100 \
    --nprobe 16 --k-prime 250 --json $OUT/old-$r.json > $OUT/old-$r.log 2>&1
  ./latte bench --index "$NEW_INDEX" --dataset ../shared/datasets/scifact --modes xtr --warmup 100 \
    --json $OUT/new-$r.json > $OUT/new-$r.log 2>&1
done
