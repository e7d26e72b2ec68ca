#!/usr/bin/env bash
# Starts/stops one PostgreSQL server from the Maven-fetched binaries, for the services' databases when
# the system runs with STORE=postgres: trust auth on 127.0.0.1 only, superuser `postgres`, TCP only.
# Usage: postgres.sh start|stop|status   (POSTGRES_PORT and STACK_DIR from env, see lib.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DIR="$STACK_DIR/postgres"
PID_FILE="$STACK_DIR/postgres.pid"
LOG_FILE="$STACK_DIR/logs/postgres.log"
# The namespace's user must have a name: initdb looks its own user up in /etc/passwd.
NOBODY=65534

# The Maven artifact is a jar around one .txz (bin/, lib/, share/); it is extracted once, beside itself.
require_postgres_dist() {
  [ -x "$POSTGRES_HOME/bin/postgres" ] && return 0
  local archive="$POSTGRES_HOME/postgres-linux-x86_64.txz"
  [ -f "$archive" ] || die "PostgreSQL not fetched: run 'make fetch' (mvn -f infra/native/pom.xml package)"
  log "extracting PostgreSQL $POSTGRES_VERSION into $POSTGRES_HOME"
  tar -xJf "$archive" -C "$POSTGRES_HOME" || die "could not extract $archive"
}

# as_postgres_user CMD…: runs CMD (exec'd, so its pid is the caller's $!) as a user PostgreSQL accepts.
# initdb and postgres refuse root, since a server bug would then own the machine; this machine's sessions
# and CI run as root. A user namespace where root is `nobody` satisfies them and changes nothing on disk:
# the data folder stays root's, and its parents (a test's private 0700 temp folder) need no opening up.
# Where user namespaces are disabled (some containers), setpriv runs CMD as the real nobody, who then owns
# the data folder and must be able to reach it.
as_postgres_user() {
  if [ "$(id -u)" != 0 ]; then
    exec "$@"
  elif unshare --user --map-user="$NOBODY" --map-group="$NOBODY" true 2> /dev/null; then
    exec unshare --user --map-user="$NOBODY" --map-group="$NOBODY" "$@"
  else
    exec setpriv --reuid="$NOBODY" --regid="$NOBODY" --clear-groups "$@"
  fi
}

prepare_data_dir() {
  mkdir -p "$PG_DIR" "$STACK_DIR/logs"
  if [ "$(id -u)" = 0 ] && ! unshare --user --map-user="$NOBODY" --map-group="$NOBODY" true 2> /dev/null; then
    chown -R "$NOBODY:$NOBODY" "$PG_DIR"
    setpriv --reuid="$NOBODY" --regid="$NOBODY" --clear-groups test -w "$PG_DIR" ||
      die "user nobody cannot write $PG_DIR (a parent folder is closed to it): set STACK_DIR elsewhere"
  fi
  [ -f "$PG_DIR/data/PG_VERSION" ] && return 0
  log "initialising a PostgreSQL cluster in $PG_DIR/data"
  (as_postgres_user "$POSTGRES_HOME/bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C) >> "$STACK_DIR/logs/postgres-initdb.log" 2>&1 ||
    die "initdb failed: see $STACK_DIR/logs/postgres-initdb.log"
}

# Ready once postmaster.pid says so (what pg_ctl -w reads; the zonky build ships no pg_isready) and the
# port answers.
wait_until_ready() {
  local i
  for i in $(seq 1 600); do
    # The status is padded to a fixed width ("ready   "), so postgres can rewrite it in place.
    [[ "$(sed -n 8p "$PG_DIR/data/postmaster.pid" 2> /dev/null)" == ready* ]] &&
      port_open 127.0.0.1 "$POSTGRES_PORT" && return 0
    pid_alive "$PID_FILE" || { tail -n 20 "$LOG_FILE" >&2; die "postgres exited; see $LOG_FILE"; }
    sleep 0.1
  done
  die "postgres did not accept connections in 60 s; see $LOG_FILE"
}

start() {
  require_postgres_dist
  if pid_alive "$PID_FILE"; then log "postgres already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$POSTGRES_PORT"; return 0; fi
  port_open 127.0.0.1 "$POSTGRES_PORT" && die "port $POSTGRES_PORT is taken by another process (set POSTGRES_PORT)"
  prepare_data_dir
  log "starting postgres $POSTGRES_VERSION on 127.0.0.1:$POSTGRES_PORT"
  # No Unix socket: its folder would have to be writable by the namespace's user, and every client here
  # connects over TCP. 200 connections: each of up to 4 × INSTANCES services and the gateway keeps a pool.
  # No nohup (it cannot wrap a function): postgres handles SIGHUP itself, as a reload of its settings.
  (as_postgres_user "$POSTGRES_HOME/bin/postgres" -D "$PG_DIR/data" -p "$POSTGRES_PORT" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200) >> "$LOG_FILE" 2>&1 &
  echo $! > "$PID_FILE"
  wait_until_ready
  log "postgres ready: postgres://postgres@127.0.0.1:$POSTGRES_PORT/postgres"
}

case "${1:-}" in
  start) start ;;
  # SIGINT is PostgreSQL's fast shutdown: sessions are closed and a checkpoint written; SIGTERM (smart)
  # would wait for every client to disconnect first.
  stop) stop_pid postgres "$PID_FILE" INT ;;
  status) pid_alive "$PID_FILE" && echo "postgres running (pid $(cat "$PID_FILE"))" || { echo "postgres stopped"; exit 3; } ;;
  *) die "usage: postgres.sh start|stop|status" ;;
esac
