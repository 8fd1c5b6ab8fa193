# Shared by cluster-test.sh and scifact-bench.sh (sourced, not run): unpack OpenSearch 3.5.0, install
# the plugin, start three nodes as separate processes on loopback, and stop every process started.
#
# The sourcing script sets SAY_PREFIX (its name, for messages) before sourcing, then calls
# cluster_prereqs, cluster_workdir, cluster_install and cluster_start. `trap cleanup EXIT` is set
# here: the node JVMs (found by their config folder) and every pid added to PIDS are stopped on
# exit, and the work folder removed unless LATTE_OS_KEEP is set.
#
# Environment: OPENSEARCH_ZIP, PLUGIN_ZIP (default: under opensearch/target), OPENSEARCH_JAVA_HOME
# (default JDK 25), LATTE_OS_USER (default latte-os; created when run as root, as OpenSearch refuses
# root), LATTE_OS_HTTP_BASE / LATTE_OS_TRANSPORT_BASE (nodes listen on base+1..3),
# LATTE_OS_START_TIMEOUT (seconds for the cluster to form).

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
SAY_PREFIX="${SAY_PREFIX:-cluster}"

declare -a PIDS=()
WORK=""
CP=""
JVM_FLAGS=()
OS_HOME=""
URL1="http://127.0.0.1:$((HTTP_BASE + 1))"

say() { echo "$SAY_PREFIX: $*"; }

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
  echo "$SAY_PREFIX: FAILED before the checks ($*)"
  exit 1
}

wait_http() { # url, seconds, jq-free predicate on the body (grep -E pattern)
  local url="$1" secs="$2" pattern="$3" body
  for _ in $(seq 1 "$secs"); do
    body="$(curl -s --max-time 5 "$url" 2>/dev/null)" && grep -Eq "$pattern" <<<"$body" && return 0
    sleep 1
  done
  return 1
}

# The built plugin, distribution, test class path, JDK and curl; sets CP and JVM_FLAGS for the
# module's test-scope Java mains. $1: -Xmx of those mains.
cluster_prereqs() {
  [ -f "$OPENSEARCH_ZIP" ] || fail_setup "no distribution at $OPENSEARCH_ZIP (mvn -pl opensearch -am verify fetches it)"
  [ -n "$PLUGIN_ZIP" ] && [ -f "$PLUGIN_ZIP" ] || fail_setup "no plugin zip in $TARGET (build the module first)"
  [ -f "$TARGET/test-classpath.txt" ] || fail_setup "no $TARGET/test-classpath.txt (run mvn verify on the module)"
  [ -x "$OS_JAVA/bin/java" ] || fail_setup "OpenSearch 3.5 needs a JDK at OPENSEARCH_JAVA_HOME (tried $OS_JAVA)"
  command -v curl >/dev/null || fail_setup "curl is needed"
  CP="$TARGET/test-classes:$TARGET/classes:$(cat "$TARGET/test-classpath.txt")"
  JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "-Xmx${1:-2g}")
}

# A fresh work folder (removed on exit unless LATTE_OS_KEEP is set). $1: mktemp's name prefix.
cluster_workdir() {
  WORK="$(mktemp -d "/tmp/${1:-latte-cluster}.XXXXXX")"
  chmod 755 "$WORK"
  say "work folder $WORK"
}

# Unpacks the distribution into $WORK and installs the plugin zip; sets OS_HOME.
cluster_install() {
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
}

# Starts three nodes (n1..n3), each with its own config, data and logs and the same codebook in
# config/latte/, as an unprivileged user when run as root, and waits until they form one cluster.
# $1: cluster name, $2: codebook file, $3: its name in config/latte/, $4: each node's heap (e.g. 512m).
cluster_start() {
  local name="$1" codebook="$2" cbname="$3" heap="$4" n node seeds
  local -a run_as=() started=()
  if [ "$(id -u)" = 0 ]; then
    id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER" \
      || fail_setup "cannot create user $OS_USER"
    run_as=(runuser -u "$OS_USER" --)
  fi
  seeds="\"127.0.0.1:$((TRANSPORT_BASE + 1))\", \"127.0.0.1:$((TRANSPORT_BASE + 2))\", \"127.0.0.1:$((TRANSPORT_BASE + 3))\""
  for n in 1 2 3; do
    node="$WORK/n$n"
    mkdir -p "$node/data" "$node/logs"
    cp -r "$OS_HOME/config" "$node/config"
    mkdir -p "$node/config/latte"
    cp "$codebook" "$node/config/latte/$cbname"
    cat > "$node/config/opensearch.yml" <<EOF
cluster.name: $name
node.name: n$n
path.data: $node/data
path.logs: $node/logs
network.host: 127.0.0.1
http.port: $((HTTP_BASE + n))
transport.port: $((TRANSPORT_BASE + n))
discovery.seed_hosts: [$seeds]
cluster.initial_cluster_manager_nodes: ["n1", "n2", "n3"]
cluster.routing.allocation.disk.threshold_enabled: false
http.max_content_length: 200mb
EOF
  done
  if [ "${#run_as[@]}" -gt 0 ]; then chown -R "$OS_USER" "$WORK"; fi
  for n in 1 2 3; do
    node="$WORK/n$n"
    env OPENSEARCH_JAVA_HOME="$OS_JAVA" OPENSEARCH_PATH_CONF="$node/config" OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
      "${run_as[@]}" "$OS_HOME/bin/opensearch" > "$node/stdout.log" 2>&1 &
    PIDS+=($!)
    started+=($!)
  done
  say "started nodes (pids ${started[*]}, heap $heap each), waiting up to ${START_TIMEOUT}s for a 3-node cluster"
  if ! wait_http "$URL1/_cluster/health" "$START_TIMEOUT" '"number_of_nodes":3'; then
    for n in 1 2 3; do tail -n 20 "$WORK/n$n/stdout.log"; done
    fail_setup "the cluster did not form within ${START_TIMEOUT}s"
  fi
  curl -s "$URL1/_cat/nodes?h=name,version,node.role" | sed 's/^/  node /'
  curl -s "$URL1/_cat/plugins" | sed 's/^/  plugin /'
}
