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
# OPENSEARCH_ZIP and PLUGIN_ZIP set; by hand after `mvn -pl opensearch -am verify -Dlatte.cluster.skip=true`:
#   opensearch/cluster-test.sh
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
TARGET="$HERE/target"
OS_VERSION=3.5.0
OPENSEARCH_ZIP="${OPENSEARCH_ZIP:-$TARGET/opensearch-dist/opensearch-$OS_VERSION.zip}"
PLUGIN_ZIP="${PLUGIN_ZIP:-$(ls "$TARGET"/latte-opensearch-*.zip 2>/dev/null | head -n 1)}"
# OpenSearch 3.5 runs on JDK 21+; JDK 25 is what it was verified with here, else the JDK running Maven.
OS_JAVA="${OPENSEARCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$OS_JAVA/bin/java" ] || OS_JAVA="${JAVA_HOME:-$OS_JAVA}"
JAVA_BIN="${JAVA_HOME:-$OS_JAVA}/bin/java"
OS_USER="${LATTE_OS_USER:-latte-os}"
HTTP_BASE="${LATTE_OS_HTTP_BASE:-19200}"       # nodes listen on HTTP_BASE+1..3 and TRANSPORT_BASE+1..3
TRANSPORT_BASE="${LATTE_OS_TRANSPORT_BASE:-19300}"
START_TIMEOUT="${LATTE_OS_START_TIMEOUT:-420}"  # seconds for three nodes to form a cluster (2 busy cores: slow)

declare -a PIDS=()
CHECKS_OK=0
CHECKS_FAILED=0
WORK=""

say() { echo "cluster-test: $*"; }

# Pids of the processes whose command line contains $1 (by /proc, so procps is not needed).
pids_matching() {
  local d
  for d in /proc/[0-9]*; do
    { tr '\0' ' ' < "$d/cmdline"; } 2>/dev/null | grep -qF -- "$1" && echo "${d#/proc/}"
  done
}

cleanup() {
  local pid
  # The node JVMs are children of the launchers we started (runuser, bin/opensearch): found by their
  # own config folder, which only they name.
  if [ -n "$WORK" ]; then
    for pid in $(pids_matching "-Dopensearch.path.conf=$WORK/n"); do PIDS+=("$pid"); done
  fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ -n "$WORK" ] && [ -z "${LATTE_OS_KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail_setup() {
  say "setup failed: $*"
  echo "cluster-test: FAILED before the checks ($*)"
  exit 1
}

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

wait_http() { # url, seconds, jq-free predicate on the body (grep -E pattern)
  local url="$1" secs="$2" pattern="$3" body
  for _ in $(seq 1 "$secs"); do
    body="$(curl -s --max-time 5 "$url" 2>/dev/null)" && grep -Eq "$pattern" <<<"$body" && return 0
    sleep 1
  done
  return 1
}

[ -f "$OPENSEARCH_ZIP" ] || fail_setup "no distribution at $OPENSEARCH_ZIP (mvn -pl opensearch -am verify fetches it)"
[ -n "$PLUGIN_ZIP" ] && [ -f "$PLUGIN_ZIP" ] || fail_setup "no plugin zip in $TARGET (build the module first)"
[ -f "$TARGET/test-classpath.txt" ] || fail_setup "no $TARGET/test-classpath.txt (run mvn verify on the module)"
[ -x "$OS_JAVA/bin/java" ] || fail_setup "OpenSearch 3.5 needs a JDK at OPENSEARCH_JAVA_HOME (tried $OS_JAVA)"
command -v curl >/dev/null || fail_setup "curl is needed"
CP="$TARGET/test-classes:$TARGET/classes:$(cat "$TARGET/test-classpath.txt")"
JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx2g)

WORK="$(mktemp -d /tmp/latte-cluster.XXXXXX)"
chmod 755 "$WORK"
say "work folder $WORK"

# 1. The sample collection's vectors, codebook and single-node colbert results.
"$JAVA_BIN" "${JVM_FLAGS[@]}" -cp "$CP" io.latte.opensearch.SamplePrep "$ROOT/eval/src/main/resources/sample" "$WORK/prep" \
  > "$WORK/prep.log" 2>&1 || { tail -n 30 "$WORK/prep.log"; fail_setup "SamplePrep failed"; }
tail -n 1 "$WORK/prep.log"

# 2. OpenSearch with the plugin installed.
OS_HOME="$WORK/opensearch-$OS_VERSION"
if command -v unzip >/dev/null; then
  unzip -q "$OPENSEARCH_ZIP" -d "$WORK" || fail_setup "cannot unzip $OPENSEARCH_ZIP"
else # the JDK's jar tool does not keep the executable bits
  (cd "$WORK" && "$OS_JAVA/bin/jar" xf "$OPENSEARCH_ZIP") || fail_setup "cannot unpack $OPENSEARCH_ZIP"
  chmod +x "$OS_HOME"/bin/*
fi
export OPENSEARCH_JAVA_HOME="$OS_JAVA"
"$OS_HOME/bin/opensearch-plugin" install --batch "file://$PLUGIN_ZIP" > "$WORK/plugin-install.log" 2>&1 \
  || { cat "$WORK/plugin-install.log"; fail_setup "plugin install failed"; }
say "installed $(basename "$PLUGIN_ZIP")"

# 3. Three nodes, each with its own config, data and logs, and the same codebook in config/latte/.
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER" \
    || fail_setup "cannot create user $OS_USER"
  RUN_AS=(runuser -u "$OS_USER" --)
fi
SEEDS="\"127.0.0.1:$((TRANSPORT_BASE + 1))\", \"127.0.0.1:$((TRANSPORT_BASE + 2))\", \"127.0.0.1:$((TRANSPORT_BASE + 3))\""
for n in 1 2 3; do
  NODE="$WORK/n$n"
  mkdir -p "$NODE/data" "$NODE/logs"
  cp -r "$OS_HOME/config" "$NODE/config"
  mkdir -p "$NODE/config/latte"
  cp "$WORK/prep/sample.cb" "$NODE/config/latte/sample.cb"
  cat > "$NODE/config/opensearch.yml" <<EOF
cluster.name: latte-cluster-test
node.name: n$n
path.data: $NODE/data
path.logs: $NODE/logs
network.host: 127.0.0.1
http.port: $((HTTP_BASE + n))
transport.port: $((TRANSPORT_BASE + n))
discovery.seed_hosts: [$SEEDS]
cluster.initial_cluster_manager_nodes: ["n1", "n2", "n3"]
cluster.routing.allocation.disk.threshold_enabled: false
http.max_content_length: 200mb
EOF
done
if [ "${#RUN_AS[@]}" -gt 0 ]; then chown -R "$OS_USER" "$WORK"; fi
for n in 1 2 3; do
  NODE="$WORK/n$n"
  env OPENSEARCH_JAVA_HOME="$OS_JAVA" OPENSEARCH_PATH_CONF="$NODE/config" OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" \
    "${RUN_AS[@]}" "$OS_HOME/bin/opensearch" > "$NODE/stdout.log" 2>&1 &
  PIDS+=($!)
done
say "started nodes (pids ${PIDS[*]}), waiting up to ${START_TIMEOUT}s for a 3-node cluster"
URL1="http://127.0.0.1:$((HTTP_BASE + 1))"
if ! wait_http "$URL1/_cluster/health" "$START_TIMEOUT" '"number_of_nodes":3'; then
  for n in 1 2 3; do tail -n 20 "$WORK/n$n/stdout.log"; done
  fail_setup "the cluster did not form within ${START_TIMEOUT}s"
fi
curl -s "$URL1/_cat/nodes?h=name,version,node.role" | sed 's/^/  node /'
curl -s "$URL1/_cat/plugins" | sed 's/^/  plugin /'

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
