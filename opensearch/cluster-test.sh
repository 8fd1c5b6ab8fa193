#!/usr/bin/env bash
# The latte OpenSearch plugin on a real 3-node cluster (OpenSearch 3.5.0, three processes on loopback).
#
# Unpacks the distribution, installs the plugin, starts three nodes as an unprivileged user (created
# when run as root: OpenSearch refuses root), indexes the sample collection with precomputed token
# vectors into an index of 3 shards and 1 replica, and checks (ClusterCheck): every sample query's top
# 10 equals single-node `latte search --mode colbert` with the same codebook, unfiltered, filtered
# and inside a bool; bad input gets a 400; after a SIGKILL of a data node the replicas answer the
# same; deleted documents never return. The last line sums up; the exit status is non-zero when any
# check failed. Every process it started is stopped on exit.
#
# Run by `mvn verify` in this module (the integration-test phase, after the plugin zip is built), with
# OPENSEARCH_ZIP and PLUGIN_ZIP set; by hand after
# `mvn -B -pl opensearch -am verify -Dlatte.cluster.skip=true -Dlatte.cluster.prep.skip=false`:
#   opensearch/cluster-test.sh
set -uo pipefail

SAY_PREFIX=cluster-test
# shellcheck source=cluster-lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/cluster-lib.sh"
CHECKS_OK=0
CHECKS_FAILED=0

# Runs ClusterCheck phase $2 against $1 and counts its CHECK lines.
run_checks() {
  local url="$1"; shift
  local out
  out="$("$JAVA_BIN" "${JVM_FLAGS[@]}" -cp "$CP" io.latte.opensearch.ClusterCheck "$WORK/prep" "$url" "$@" 2>&1)"
  echo "$out"
  CHECKS_OK=$((CHECKS_OK + $(grep -c '^CHECK .*: ok' <<<"$out")))
  CHECKS_FAILED=$((CHECKS_FAILED + $(grep -c '^CHECK .*: FAIL' <<<"$out")))
  if ! grep -q '^CHECK ' <<<"$out"; then CHECKS_FAILED=$((CHECKS_FAILED + 1)); say "phase $* printed no checks"; fi
}

cluster_prereqs 2g
cluster_workdir latte-cluster

# 1. The sample collection's vectors, codebook and single-node colbert results.
"$JAVA_BIN" "${JVM_FLAGS[@]}" -cp "$CP" io.latte.opensearch.SamplePrep "$ROOT/eval/src/main/resources/sample" "$WORK/prep" \
  > "$WORK/prep.log" 2>&1 || { tail -n 30 "$WORK/prep.log"; fail_setup "SamplePrep failed"; }
tail -n 1 "$WORK/prep.log"

# 2. OpenSearch with the plugin installed; 3. three nodes, the sample's codebook in config/latte/.
cluster_install
cluster_start latte-cluster-test "$WORK/prep/sample.cb" sample.cb "${LATTE_OS_HEAP:-512m}"

# 4. Index, compare with single-node latte, bad input.
run_checks "$URL1" load
run_checks "$URL1" results
run_checks "$URL1" badinput
curl -s "$URL1/_cat/shards/sample?h=shard,prirep,state,node" | sort | sed 's/^/  shard /'

# 5. SIGKILL a data node that is not the cluster manager; the replicas answer.
MANAGER="$(curl -s "$URL1/_cat/cluster_manager?h=node" | tr -d '[:space:]')"
VICTIM=3; [ "$MANAGER" = "n3" ] && VICTIM=2
ALIVE=1; [ "$VICTIM" = 1 ] && ALIVE=2
# The node's java process is the child of the launcher (runuser / bin/opensearch exec java).
VPID="$(pids_matching "-Dopensearch.path.conf=$WORK/n$VICTIM/config" | head -n 1)"
[ -n "$VPID" ] || fail_setup "no JVM found for n$VICTIM"
say "cluster manager $MANAGER; kill -9 n$VICTIM (pid $VPID)"
kill -9 "$VPID"
URLA="http://127.0.0.1:$((HTTP_BASE + ALIVE))"
wait_http "$URLA/_cluster/health" 120 '"number_of_nodes":2' || say "the cluster still lists 3 nodes"
wait_http "$URLA/_cluster/health/sample" 120 '"active_primary_shards":3' || say "not every primary is active yet"
curl -s "$URLA/_cat/shards/sample?h=shard,prirep,state,node" | sort | sed 's/^/  shard /'
run_checks "$URLA" results after-kill
run_checks "$URLA" deletes

TOTAL=$((CHECKS_OK + CHECKS_FAILED))
if [ "$CHECKS_FAILED" = 0 ]; then
  echo "cluster-test: PASSED $CHECKS_OK/$TOTAL checks on a 3-node OpenSearch $OS_VERSION cluster (3 shards, 1 replica): top 10 of every sample query = single-node latte colbert, filter, bool, 400 on bad input, same results after kill -9 of a data node, deleted documents never return ($SECONDS s)"
  exit 0
fi
echo "cluster-test: FAILED $CHECKS_FAILED of $TOTAL checks (see CHECK lines above)"
exit 1
