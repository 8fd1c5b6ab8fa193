#!/usr/bin/env bash
# SciFact through the 3-node OpenSearch cluster next to single-node latte (issue 13, item 2).
#
# Starts the cluster exactly as cluster-test.sh does (cluster-lib.sh: OpenSearch 3.5.0, the built
# plugin, three node processes on loopback, as an unprivileged user when run as root) with the
# codebook of a single-node latte SciFact index in every node's config/latte/, and `latte serve` on a
# private copy of that index. SciFactBench then bulk-indexes the 5 183 documents' token vectors from
# latte's encoding cache (~/.cache/latte/encoded; encoded there first when missing: slow) into an
# index of 3 shards and 1 replica, force-merges it, and sends the 300 test queries to both sides over
# HTTP, one at a time and alternating which side goes first, in colbert and xtr mode: it prints
# nDCG@10 of each side, p50/p95 client latency and their ratio. Exit status non-zero when colbert's
# nDCG@10 differs by more than 0.002 or a step fails. Every process it started is stopped on exit.
#
# Not run by CI (42 min for colbert alone on 2 busy cores). Build first, then run from the repository root:
#   mvn -B -pl opensearch -am verify -Dlatte.cluster.skip=true -Dlatte.cluster.prep.skip=false && ./latte build
#   opensearch/scifact-bench.sh [DATASET_DIR]          # default ../shared/datasets/scifact
# Environment: LATTE_SCIFACT_INDEX (the single-node index, default /work/idx/scifact-format; only
# read), LATTE_OS_HEAP (each node's heap, default 1g), LATTE_BENCH_MODES (default colbert,xtr),
# LATTE_BENCH_ROUNDS (timed passes over the queries, default 2), LATTE_BENCH_PORT (latte serve,
# default 18090), LATTE_SERVE_JAVA_OPTS (latte serve's JVM options, default -Xmx1g: the index is
# off-heap), LATTE_OS_HTTP_BASE / LATTE_OS_TRANSPORT_BASE (default 19400 / 19500, away from
# cluster-test.sh's, so both can run at once), LATTE_OS_KEEP (keep the work folder).
set -uo pipefail

SAY_PREFIX=scifact-bench
export LATTE_OS_HTTP_BASE="${LATTE_OS_HTTP_BASE:-19400}" LATTE_OS_TRANSPORT_BASE="${LATTE_OS_TRANSPORT_BASE:-19500}"
# shellcheck source=cluster-lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cluster-lib.sh"

DATASET="${1:-$ROOT/../shared/datasets/scifact}"
SOURCE_INDEX="${LATTE_SCIFACT_INDEX:-/work/idx/scifact-format}"
HEAP="${LATTE_OS_HEAP:-1g}"
LATTE_PORT="${LATTE_BENCH_PORT:-18090}"
LATTE_URL="http://127.0.0.1:$LATTE_PORT"

# SciFactBench streams the encoded corpus from the cache file: one bulk request in memory at a time.
cluster_prereqs 1g
[ -f "$DATASET/corpus.jsonl" ] || [ -f "$DATASET/corpus.jsonl.gz" ] || fail_setup "no BEIR dataset at $DATASET"
[ -f "$SOURCE_INDEX/latte-meta.json" ] || fail_setup "no latte index at $SOURCE_INDEX (LATTE_SCIFACT_INDEX)"
[ -f "$ROOT/server/target/.latte-build-stamp" ] || fail_setup "latte is not built (./latte build)"
cluster_workdir latte-scifact

# 1. Single-node latte: `latte serve` on a copy (the server may write to its index; the source stays as it is).
cp -r "$SOURCE_INDEX" "$WORK/latte-index" || fail_setup "cannot copy $SOURCE_INDEX"
CODEBOOK="$WORK/latte-index/$(sed -n 's/.*"file" *: *"\([^"]*\)".*/\1/p' "$SOURCE_INDEX/latte-meta.json" | head -n 1)"
[ -f "$CODEBOOK" ] || fail_setup "no codebook file in $SOURCE_INDEX"
say "single node: latte serve --index $WORK/latte-index --port $LATTE_PORT (codebook $(sha256sum "$CODEBOOK" | cut -c1-16)…)"
LATTE_JAVA_OPTS="${LATTE_SERVE_JAVA_OPTS:--Xmx1g}" "$ROOT/latte" serve --index "$WORK/latte-index" --port "$LATTE_PORT" > "$WORK/latte-serve.log" 2>&1 &
PIDS+=($!)

# 2. The cluster, each node with the same codebook file.
cluster_install
cluster_start latte-scifact-bench "$CODEBOOK" scifact.cb "$HEAP"
if ! wait_http "$LATTE_URL/health/ready" 600 '"UP"'; then
  tail -n 20 "$WORK/latte-serve.log"
  fail_setup "latte serve did not get ready"
fi

# 3. Load, query both sides, compare.
"$JAVA_BIN" "${JVM_FLAGS[@]}" -cp "$CP" io.latte.opensearch.SciFactBench "$DATASET" "$URL1" "$LATTE_URL" scifact.cb \
  "${LATTE_BENCH_MODES:-colbert,xtr}" "${LATTE_BENCH_ROUNDS:-2}"
RC=$?
curl -s "$URL1/_cat/shards/scifact?h=shard,prirep,state,docs,store,node" | sort | sed 's/^/  shard /'
curl -s "$URL1/_cat/segments/scifact?h=shard,prirep,segment,docs.count,size" | sort | sed 's/^/  segment /'
if [ "$RC" = 0 ]; then
  say "done ($SECONDS s); node heap $HEAP"
else
  say "FAILED (exit $RC, $SECONDS s)"
fi
exit "$RC"
