#!/usr/bin/env bash
# Starts/stops Apicurio Registry (Confluent-compatible API under /apis/ccompat/v7) from the
# Maven-fetched app assembly. Storage is KafkaSQL: schemas live in a compacted topic on our own
# broker, so they survive a registry restart just as Confluent's registry keeps them in `_schemas`.
# Usage: registry.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PID_FILE="$STACK_DIR/registry.pid"

start() {
  require_dist
  if pid_alive "$PID_FILE"; then log "registry already running (pid $(cat "$PID_FILE")) on 127.0.0.1:$REGISTRY_PORT"; return 0; fi
  port_open 127.0.0.1 "$REGISTRY_PORT" && die "port $REGISTRY_PORT is taken by another process (set REGISTRY_PORT)"
  local java_bin; java_bin="$(find_registry_java)"
  mkdir -p "$STACK_DIR/logs" "$STACK_DIR/registry"
  log "starting apicurio registry $APICURIO_VERSION on 127.0.0.1:$REGISTRY_PORT"
  (
    cd "$STACK_DIR/registry"
    export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$REGISTRY_PORT"
    export QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$REGISTRY_MANAGEMENT_PORT"
    export APICURIO_STORAGE_KIND=kafkasql
    # Its own PLAINTEXT listener on loopback, where its ACLs reach only its own topics (kafka.sh).
    export APICURIO_KAFKASQL_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_REGISTRY_PORT"
    export APICURIO_KAFKASQL_TOPIC=_apicurio-kafkasql-journal
    export APICURIO_KAFKASQL_SNAPSHOTS_TOPIC=_apicurio-kafkasql-snapshots
    # Its events topic (apicurio.events.kafka.topic, default `registry-events`), named like its others:
    # the registry's ACLs grant it these topics only.
    export APICURIO_EVENTS_KAFKA_TOPIC=_apicurio-registry-events
    # The ccompat API answers with global ids (like Confluent) rather than content ids.
    export APICURIO_CCOMPAT_LEGACY_ID_MODE_ENABLED=true
    export QUARKUS_LOG_CONSOLE_JSON=false QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=WARN
    # shellcheck disable=SC2086
    nohup "$java_bin" $REGISTRY_HEAP_OPTS -XX:+UseG1GC -jar "$APICURIO_HOME/quarkus-run.jar" \
      >> "$STACK_DIR/logs/registry.out" 2>&1 &
    echo $! > "$PID_FILE"
  )
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid registry "$PID_FILE" ;;
  status) pid_alive "$PID_FILE" && echo "registry running (pid $(cat "$PID_FILE"))" || { echo "registry stopped"; exit 3; } ;;
  *) die "usage: registry.sh start|stop|status" ;;
esac
