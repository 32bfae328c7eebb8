# Starts and stops a throwaway PostgreSQL server for the keeper's shared-journal tests.
# Source it, then:
#   pg_start LOGFILE  -> installs Debian's postgresql if its binaries are missing (without starting
#                        the system service), runs initdb into a fresh temporary folder, starts the
#                        server on 127.0.0.1 at a free port from 55432 upwards, creates database
#                        "volvault", and exports PG_JDBC_URL and PG_SERVER_PID
#   pg_stop           -> stops that server by its PID and deletes its folder
# The server runs as the current user; as root (which PostgreSQL refuses) as the "postgres" user
# that Debian's package creates. It is never a system service.

pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_install() {
  pg_bin_dir >/dev/null && return 0
  echo "postgres: installing Debian's postgresql package (the server is not started as a service)"
  # policy-rc.d answering 101 keeps the package's maintainer scripts from starting the service.
  local policy=/usr/sbin/policy-rc.d had_policy=0
  [ -e "$policy" ] && had_policy=1
  if [ "$had_policy" = 0 ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  local rc=$?
  if [ "$had_policy" = 0 ]; then rm -f "$policy"; fi
  return $rc
}

# shellcheck source=servers.sh
source "$(dirname "${BASH_SOURCE[0]}")/servers.sh"

# Runs a command as the server's user: ourselves, or "postgres" when we are root.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  local log="$1" bin
  pg_install || { echo "postgres: cannot install postgresql" >&2; return 1; }
  bin="$(pg_bin_dir)"
  PG_DATA_DIR="$(mktemp -d /tmp/volvault-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DATA_DIR"; fi
  pg_as_owner "$bin/initdb" -D "$PG_DATA_DIR/data" -U volvault -A trust --no-sync >"$log" 2>&1 \
    || { echo "postgres: initdb failed; its log ($log):" >&2; tail -n 20 "$log" >&2; return 1; }
  PG_PORT="$(free_port 55432)"
  # A simple command in the background, and setpriv execs: the PID we keep is the server's own.
  local server=("$bin/postgres" -D "$PG_DATA_DIR/data" -h 127.0.0.1 -p "$PG_PORT" -k "$PG_DATA_DIR" -c fsync=off)
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "${server[@]}" >>"$log" 2>&1 &
  else
    "${server[@]}" >>"$log" 2>&1 &
  fi
  PG_SERVER_PID=$!
  wait_until_ready postgres "$PG_SERVER_PID" "$log" "no answer on 127.0.0.1:$PG_PORT" \
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { pg_stop; return 1; }
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U volvault volvault >>"$log" 2>&1 \
    || { echo "postgres: createdb failed; see $log" >&2; pg_stop; return 1; }
  PG_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/volvault?user=volvault"
  export PG_JDBC_URL PG_SERVER_PID PG_DATA_DIR
}

pg_stop() {
  [ -n "${PG_SERVER_PID:-}" ] || return 0
  # SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits).
  kill -INT "$PG_SERVER_PID" 2>/dev/null || true
  wait "$PG_SERVER_PID" 2>/dev/null || true
  unset PG_SERVER_PID
  [ -n "${PG_DATA_DIR:-}" ] && rm -rf "$PG_DATA_DIR"
  unset PG_DATA_DIR
}
