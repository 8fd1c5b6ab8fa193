#!/bin/bash
# Token scales per shared collection, old (9784119: no scales, its regress index) against new (this
# tree: scales, its regress index), both with the defaults (the same rule); old, new, old, new;
# 100 test queries, one thread, modes xtr and colbert (docs/BENCHMARKS.md §20e). Needs a worktree of
# the old commit at $OLD and both trees' regress indexes (`./latte regress <name>` in each prints
# ~/.cache/latte/regress/<name>-<key>; the keys below are this machine's).
cd "$(dirname "$0")/../../.."
OLD=${OLD:-/work/old}
OUT=docs/bench/token-scale-collections
declare -A OLD_IDX=([cranfield]=cranfield-fe3a4153c26e [npl]=npl-2321abb71f7c [xquad-r-es]=xquad-r-es-d344aca693c1 [xquad-r-ru]=xquad-r-ru-eed947bca539)
declare -A NEW_IDX=([cranfield]=cranfield-7add29117fc2 [npl]=npl-047d8e7de2dd [xquad-r-es]=xquad-r-es-a604469939ce [xquad-r-ru]=xquad-r-ru-f7e0e1fec199)
for c in cranfield npl xquad-r-es xquad-r-ru; do
  for r in 1 2; do
    "$OLD/latte" bench --index ~/.cache/latte/regress/${OLD_IDX[$c]}/index --dataset ../shared/datasets/$c --modes xtr,colbert \
      --queries 100 --warmup 20 --json $OUT/$c-old-$r.json > $OUT/$c-old-$r.log 2>&1
    ./latte bench --index ~/.cache/latte/regress/${NEW_IDX[$c]}/index --dataset ../shared/datasets/$c --modes xtr,colbert \
      --queries 100 --warmup 20 --json $OUT/$c-new-$r.json > $OUT/$c-new-$r.log 2>&1
  done
done
for c in cranfield npl xquad-r-es xquad-r-ru; do
  for f in $c-old-1 $c-new-1 $c-old-2 $c-new-2; do
    python3 -c "import json; d=json.load(open('$OUT/$f.json')); x=d['modes']['xtr']; c=d['modes']['colbert']; print('$f', round(x['ndcg_cut_10'],4), x['p50_ms'], round(c['ndcg_cut_10'],4), c['p50_ms'], round(d['heap_used_mb'],1))"
  done
done
