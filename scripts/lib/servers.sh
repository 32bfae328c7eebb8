# What every throwaway server the tests start needs: a free port and a wait for readiness that
# notices a server dying. Sourced by hardhat-node.sh, postgres.sh and spark-cluster.sh.

# free_port START -> the first port from START upwards that nothing on 127.0.0.1 listens on
free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# wait_until_ready NAME PID LOG WHAT COMMAND... -> polls COMMAND every 0.5 s until it succeeds;
# fails with LOG's tail when process PID exits first, or after 60 s saying what did not happen (WHAT)
wait_until_ready() {
  local name="$1" pid="$2" log="$3" what="$4" waited=0
  shift 4
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name: process $pid exited while starting; its log ($log):" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    if [ "$waited" -ge 120 ]; then
      echo "$name: $what within 60 s" >&2
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}
