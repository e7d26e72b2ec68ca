#!/usr/bin/env bash
# Starts/stops the Zipkin server, the trace viewer every process sends its spans to, from the Maven-fetched
# exec jar: API and UI on 127.0.0.1:$ZIPKIN_PORT (/zipkin/), spans in memory only, so a restart forgets them.
# `wait` returns once /health answers (stack.sh starts it first and waits last, while Kafka boots).
# Usage: zipkin.sh start|wait|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PID_FILE="$STACK_DIR/zipkin.pid"
LOG_FILE="$STACK_DIR/logs/zipkin.out"

start() {
  require_zipkin_dist
  if pid_alive "$PID_FILE"; then log "zipkin already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$ZIPKIN_PORT"; return 0; fi
  port_open 127.0.0.1 "$ZIPKIN_PORT" && die "port $ZIPKIN_PORT is taken by another process (set ZIPKIN_PORT)"
  mkdir -p "$STACK_DIR/logs"
  log "starting zipkin $ZIPKIN_VERSION on 127.0.0.1:$ZIPKIN_PORT"
  (
    export STORAGE_TYPE=mem MEM_MAX_SPANS="$ZIPKIN_MAX_SPANS" QUERY_PORT="$ZIPKIN_PORT"
    # The server listens on every interface by default; the rest of the native stack keeps to loopback.
    # Setting one field of the server's port list replaces the whole entry, so all three are given.
    # shellcheck disable=SC2086
    nohup java $ZIPKIN_HEAP_OPTS -jar "$ZIPKIN_JAR" --armeria.ports[0].ip=127.0.0.1 \
      --armeria.ports[0].port="$ZIPKIN_PORT" --armeria.ports[0].protocols=http >> "$LOG_FILE" 2>&1 &
    echo $! > "$PID_FILE"
  )
}

wait_until_ready() {
  local deadline=$((SECONDS + 120))
  while [ $SECONDS -lt $deadline ]; do
    curl -sf --max-time 2 "http://127.0.0.1:$ZIPKIN_PORT/health" > /dev/null && return 0
    pid_alive "$PID_FILE" || { tail -n 20 "$LOG_FILE" >&2; die "zipkin exited; see $LOG_FILE"; }
    sleep 0.2
  done
  die "zipkin did not answer /health in 120 s; see $LOG_FILE"
}

case "${1:-}" in
  start) start ;;
  wait) wait_until_ready ;;
  stop) stop_pid zipkin "$PID_FILE" ;;
  status) pid_alive "$PID_FILE" && echo "zipkin running (pid $(cat "$PID_FILE"))" || { echo "zipkin stopped"; exit 3; } ;;
  *) die "usage: zipkin.sh start|wait|stop|status" ;;
esac
