# Starts and stops a local Hardhat node (chain id 31337) for scripts that need a chain.
# Source it, then:
#   hardhat_node_start LOGFILE   -> starts on 127.0.0.1 at a free port from 8545 upwards, waits
#                                   until eth_chainId answers, exports HARDHAT_RPC_URL and
#                                   HARDHAT_NODE_PID
#   hardhat_node_stop            -> stops that node by its PID (never by name)
# Requires hardhat/node_modules (npm ci in hardhat/).

HARDHAT_NODE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=servers.sh
source "$HARDHAT_NODE_ROOT/scripts/lib/servers.sh"

rpc_chain_id() {
  curl -s --max-time 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$1" 2>/dev/null
}

hardhat_node_start() {
  local log="$1" port
  port="$(free_port 8545)"
  # exec replaces the subshell with node itself, so the PID we keep is the node's own.
  (cd "$HARDHAT_NODE_ROOT/hardhat" && exec node node_modules/hardhat/internal/cli/bootstrap.js \
      node --hostname 127.0.0.1 --port "$port") >"$log" 2>&1 &
  HARDHAT_NODE_PID=$!
  HARDHAT_RPC_URL="http://127.0.0.1:$port"
  export HARDHAT_NODE_PID HARDHAT_RPC_URL
  wait_until_ready "hardhat node" "$HARDHAT_NODE_PID" "$log" "no answer to eth_chainId at $HARDHAT_RPC_URL" \
    answers_local_chain_id "$HARDHAT_RPC_URL" || { hardhat_node_stop; return 1; }
}

answers_local_chain_id() { rpc_chain_id "$1" | grep -q '"result":"0x7a69"'; }

hardhat_node_stop() {
  [ -n "${HARDHAT_NODE_PID:-}" ] || return 0
  kill "$HARDHAT_NODE_PID" 2>/dev/null || true
  wait "$HARDHAT_NODE_PID" 2>/dev/null || true
  unset HARDHAT_NODE_PID
}
