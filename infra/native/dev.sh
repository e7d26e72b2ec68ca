#!/usr/bin/env bash
# `make dev` / `make down`: the whole system natively. `up` starts broker + registry + topics + Zipkin,
# then the launcher (providers, services, gateway, workshop console under supervision) in the background,
# and waits until the gateway and the console are ready. In a terminal it then follows the logs and Ctrl-C
# stops everything; from a script (no TTY, or DEV_DETACH=1) it returns and leaves the system running.
# STORE=postgres gives each service a PostgreSQL database (the stack provisions them) and INSTANCES=N
# runs N processes of each saga service; the defaults, sqlite and 1, are the system as it always ran.
# Idempotent.
# Usage: dev.sh up|down
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GATEWAY_PORT="${GATEWAY_PORT:-8080}"
CONSOLE_PORT="${CONSOLE_PORT:-8090}"
LAUNCHER_PID="$STACK_DIR/launcher.pid"
SERVICES_LOG="$STACK_DIR/logs/services.log"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT"
export KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
export SCHEMA_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7"
export DATA_DIR="${DATA_DIR:-$STACK_DIR/data}"
# The launcher points every process's span exporter at the Zipkin that stack.sh starts.
export GATEWAY_PORT CONSOLE_PORT ZIPKIN_PORT
# The workshop console's buttons (faults, replay, orders, cancel): on for this local system only.
export CONSOLE_ACTIONS="${CONSOLE_ACTIONS:-enabled}"

wait_for_system() {
  local i
  for i in $(seq 1 240); do
    curl -sf "$GATEWAY_URL/ready" > /dev/null && curl -sf "$CONSOLE_URL/ready" > /dev/null && return 0
    pid_alive "$LAUNCHER_PID" || { tail -n 40 "$SERVICES_LOG" >&2; die "the launcher exited; see $SERVICES_LOG"; }
    sleep 0.5
  done
  die "the gateway or the console was not ready after 120 s; see $SERVICES_LOG"
}

up() {
  require_store_settings
  bash "$NATIVE_DIR/stack.sh" up
  if pid_alive "$LAUNCHER_PID"; then
    log "system already running (launcher pid $(cat "$LAUNCHER_PID"))"
  else
    [ -f "$INFRA_DIR/dist/launcher/main.js" ] || die "not built: run 'npm run build'"
    mkdir -p "$STACK_DIR/logs" "$DATA_DIR"
    # The launcher hands each service its own <SERVICE>_DATABASE_URL as DATABASE_URL.
    # shellcheck disable=SC1090
    if [ "$STORE" = postgres ]; then source "$DATABASE_URLS_FILE"; fi
    export STORE INSTANCES OPS_URLS_FILE="$STACK_DIR/ops-urls.env"
    log "starting providers, services ($INSTANCES each, STORE=$STORE), gateway and console (logs: $SERVICES_LOG)"
    nohup node "$INFRA_DIR/dist/launcher/main.js" >> "$SERVICES_LOG" 2>&1 &
    echo $! > "$LAUNCHER_PID"
  fi
  wait_for_system
  local traces=""
  if tracing_enabled; then traces="   traces: http://127.0.0.1:$ZIPKIN_PORT/zipkin/"; fi
  log "ready: gateway at $GATEWAY_URL   (try: curl -H \"Authorization: Bearer \$(make -s token)\" $GATEWAY_URL/inventory)   console: $CONSOLE_URL/$traces"
  if [ -t 1 ] && [ "${DEV_DETACH:-0}" != 1 ]; then
    log "following the logs; Ctrl-C stops everything (or run 'make down' elsewhere)"
    trap 'down; exit 0' INT TERM
    tail -n 0 -f "$SERVICES_LOG" &
    wait $!
  else
    log "running in the background; stop with 'make down'"
  fi
}

down() {
  stop_pid launcher "$LAUNCHER_PID"
  rm -f "$STACK_DIR/ops-urls.env" # a stopped system's ports must not steer `make demo` at another one
  bash "$NATIVE_DIR/stack.sh" down
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: dev.sh up|down" ;;
esac
