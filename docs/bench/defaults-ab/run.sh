#!/bin/bash
cd "$(dirname "$0")/../../.."
# The regress indexes of this commit: `./latte regress <name>` builds them (its key, printed as
# ~/.cache/latte/regress/<name>-<key>, hashes model, corpus, format and settings).
declare -A IDX=([cranfield]=cranfield-2ce97733ebac [npl]=npl-94bec0daacae [xquad-r-es]=xquad-r-es-2bde9ed85da8 [xquad-r-ru]=xquad-r-ru-08040681b477 [scifact]=scifact-bf9c35a62cb6)
for c in cranfield npl xquad-r-es xquad-r-ru; do
  for r in 1 2; do
    ./latte bench --index ~/.cache/latte/regress/${IDX[$c]}/index --dataset ../shared/datasets/$c --modes xtr,colbert,hybrid --queries 100 --warmup 20 \
      --nprobe 16 --k-prime 250 --candidates 200 --fusion linear --json docs/bench/defaults-ab/$c-old-$r.json > docs/bench/defaults-ab/$c-old-$r.log 2>&1
    ./latte bench --index ~/.cache/latte/regress/${IDX[$c]}/index --dataset ../shared/datasets/$c --modes xtr,colbert,hybrid --queries 100 --warmup 20 \
      --json docs/bench/defaults-ab/$c-new-$r.json > docs/bench/defaults-ab/$c-new-$r.log 2>&1
  done
done

