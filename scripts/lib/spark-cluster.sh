# Starts a standalone Spark cluster (one master, workers) on 127.0.0.1 from the Maven jars in
# spark/target/lib (no Spark download), and stops it by PID. Source it, then:
#   spark_cluster_prepare DIR  -> DIR/home/jars: symlinks to Spark's jars (the SPARK_HOME the
#                                 workers launch executors from); logs and work dirs under DIR
#   spark_master_start         -> exports SPARK_MASTER_URL (spark://127.0.0.1:PORT), SPARK_MASTER_PID
#   spark_worker_start CORES   -> one more worker; its PID is appended to SPARK_WORKER_PIDS
#   spark_worker_kill PID      -> SIGKILL a worker and its executors (a crash), by their PIDs
#   spark_cluster_stop         -> stops the workers, their executors and the master, by PID
# Requires spark/target/lib (mvn -pl spark -am package).

SPARK_CLUSTER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=spark-env.sh
source "$SPARK_CLUSTER_ROOT/scripts/lib/spark-env.sh"
# shellcheck source=servers.sh
source "$SPARK_CLUSTER_ROOT/scripts/lib/servers.sh"
SPARK_WORKER_PIDS=()

spark_cluster_prepare() {
  SPARK_CLUSTER_DIR="$1"
  local lib="$SPARK_CLUSTER_ROOT/spark/target/lib" jar name
  [ -d "$lib" ] || { echo "spark-cluster: $lib is missing (mvn -pl spark -am package)" >&2; return 1; }
  rm -rf "$SPARK_CLUSTER_DIR"
  mkdir -p "$SPARK_CLUSTER_DIR/home/jars" "$SPARK_CLUSTER_DIR/logs"
  # Spark's and the third-party jars; the project's own jars reach executors through SparkConf.setJars.
  for jar in "$lib"/*.jar; do
    name="$(basename "$jar")"
    case "$name" in volvault-*|strategy-*|greeks-*) continue ;; esac
    ln -s "$jar" "$SPARK_CLUSTER_DIR/home/jars/$name"
  done
  export SPARK_HOME="$SPARK_CLUSTER_DIR/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
}

# Run in the background only: exec makes the background subshell the JVM, so $! is the JVM's PID.
spark_java() {
  exec java "${SPARK_JVM_OPTS[@]}" -Xmx512m -cp "$SPARK_HOME/jars/*" "$@"
}

# Waits until LOGFILE contains PATTERN (the process PID must stay alive); 60 s at most.
spark_wait_for_log() {
  local pid="$1" log="$2" pattern="$3"
  wait_until_ready spark-cluster "$pid" "$log" "'$pattern' did not appear in $log" grep -qs "$pattern" "$log"
}

spark_master_start() {
  local port webui log="$SPARK_CLUSTER_DIR/logs/master.log"
  port="$(free_port 7077)"
  webui="$(free_port 18080)"
  spark_java org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$webui" \
    >"$log" 2>&1 &
  SPARK_MASTER_PID=$!
  SPARK_MASTER_URL="spark://127.0.0.1:$port"
  export SPARK_MASTER_PID SPARK_MASTER_URL
  spark_wait_for_log "$SPARK_MASTER_PID" "$log" "I have been elected leader"
}

spark_worker_start() {
  local cores="$1" n="${#SPARK_WORKER_PIDS[@]}" before
  local log="$SPARK_CLUSTER_DIR/logs/worker-$n.log" mlog="$SPARK_CLUSTER_DIR/logs/master.log"
  before="$(grep -c "Registering worker" "$mlog" || true)"
  mkdir -p "$SPARK_CLUSTER_DIR/work-$n"
  spark_java org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" --memory 1g \
    --webui-port 0 --work-dir "$SPARK_CLUSTER_DIR/work-$n" "$SPARK_MASTER_URL" >"$log" 2>&1 &
  SPARK_WORKER_PIDS+=("$!")
  spark_wait_for_log "$!" "$log" "Successfully registered with master"
  [ "$(grep -c "Registering worker" "$mlog")" -gt "$before" ]
}

# PIDs of the executor JVMs a worker launched (its child processes).
spark_executor_pids() {
  ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' || true
}

spark_worker_kill() {
  local pid="$1" e
  local executors
  executors="$(spark_executor_pids "$pid")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for e in $executors; do kill -9 "$e" 2>/dev/null || true; done
}

spark_cluster_stop() {
  local pid e
  for pid in "${SPARK_WORKER_PIDS[@]}"; do
    for e in $(spark_executor_pids "$pid"); do kill "$e" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SPARK_WORKER_PIDS=()
  if [ -n "${SPARK_MASTER_PID:-}" ]; then
    kill "$SPARK_MASTER_PID" 2>/dev/null || true
    wait "$SPARK_MASTER_PID" 2>/dev/null || true
    unset SPARK_MASTER_PID
  fi
}
