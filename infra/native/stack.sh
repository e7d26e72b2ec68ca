#!/usr/bin/env bash
# The native stack: Kafka + schema registry as local Java processes, then the topics; Zipkin, the trace
# viewer, unless OTEL_SDK_DISABLED=true; with STORE=postgres also PostgreSQL and the services' databases,
# whose URLs it writes to $DATABASE_URLS_FILE.
# Usage: stack.sh up|down|status   (idempotent; ports and STACK_DIR from env, see lib.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
export SCHEMA_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7"
export_admin_credentials
WAIT="node $INFRA_DIR/dist/wait-for-stack.js"

# The cluster POSTGRES_ADMIN_URL names, or else DATABASE_URL (for the whole system it can only name the
# server: each service gets a role of its own on it), or else the native one, started here.
databases() {
  local admin_url="${POSTGRES_ADMIN_URL:-${DATABASE_URL:-}}"
  if [ -z "$admin_url" ]; then
    bash "$NATIVE_DIR/postgres.sh" start
    admin_url="postgres://postgres@127.0.0.1:$POSTGRES_PORT/postgres"
  fi
  POSTGRES_ADMIN_URL="$admin_url" node "$INFRA_DIR/dist/provision-databases.js" > "$DATABASE_URLS_FILE" ||
    die "provisioning the service databases on ${admin_url#*@} failed"
  log "service databases ready on ${admin_url#*@} (their URLs: $DATABASE_URLS_FILE)"
}

up() {
  [ -f "$INFRA_DIR/dist/wait-for-stack.js" ] || die "infra not built: run 'npm run build'"
  require_store_settings
  local started=$SECONDS
  mkdir -p "$STACK_DIR"
  # Zipkin boots while the rest does, and is waited for last.
  if tracing_enabled; then bash "$NATIVE_DIR/zipkin.sh" start; fi
  if [ "$STORE" = postgres ]; then databases; fi
  bash "$NATIVE_DIR/kafka.sh" start
  $WAIT kafka || die "kafka did not become ready: see $STACK_DIR/logs/kafka.out"
  # Topics and ACLs before the registry: its access to the broker is one of the ACLs.
  node "$INFRA_DIR/dist/apply-topics.js" || die "applying topics and ACLs failed"
  bash "$NATIVE_DIR/registry.sh" start
  $WAIT registry || die "schema registry did not become ready: see $STACK_DIR/logs/registry.out"
  local traces="tracing off (OTEL_SDK_DISABLED=true)"
  if tracing_enabled; then
    bash "$NATIVE_DIR/zipkin.sh" wait
    traces="zipkin http://127.0.0.1:$ZIPKIN_PORT/zipkin/"
  fi
  log "stack up in $((SECONDS - started)) s: kafka $KAFKA_BROKERS, registry $SCHEMA_REGISTRY_URL, $traces, logs in $STACK_DIR/logs"
}

# Stops Zipkin whatever OTEL_SDK_DISABLED says now: a stack started with tracing on must stop entirely.
down() {
  bash "$NATIVE_DIR/zipkin.sh" stop
  bash "$NATIVE_DIR/registry.sh" stop
  bash "$NATIVE_DIR/kafka.sh" stop
  bash "$NATIVE_DIR/postgres.sh" stop
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status)
    bash "$NATIVE_DIR/kafka.sh" status; bash "$NATIVE_DIR/registry.sh" status
    [ ! -f "$STACK_DIR/zipkin.pid" ] || bash "$NATIVE_DIR/zipkin.sh" status
    [ ! -f "$STACK_DIR/postgres.pid" ] || bash "$NATIVE_DIR/postgres.sh" status ;;
  *) die "usage: stack.sh up|down|status" ;;
esac
