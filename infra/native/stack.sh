#!/usr/bin/env bash
# The native stack: Kafka + schema registry as local Java processes, then the topics.
# Usage: stack.sh up|down|status   (idempotent; ports and STACK_DIR from env, see lib.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
export SCHEMA_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7"
WAIT="node $INFRA_DIR/dist/wait-for-stack.js"

up() {
  [ -f "$INFRA_DIR/dist/wait-for-stack.js" ] || die "infra not built: run 'npm run build'"
  local started=$SECONDS
  bash "$NATIVE_DIR/kafka.sh" start
  $WAIT kafka || die "kafka did not become ready: see $STACK_DIR/logs/kafka.out"
  bash "$NATIVE_DIR/registry.sh" start
  $WAIT registry || die "schema registry did not become ready: see $STACK_DIR/logs/registry.out"
  node "$INFRA_DIR/dist/apply-topics.js" || die "applying topics failed"
  log "stack up in $((SECONDS - started)) s: kafka $KAFKA_BROKERS, registry $SCHEMA_REGISTRY_URL, logs in $STACK_DIR/logs"
}

down() {
  bash "$NATIVE_DIR/registry.sh" stop
  bash "$NATIVE_DIR/kafka.sh" stop
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) bash "$NATIVE_DIR/kafka.sh" status; bash "$NATIVE_DIR/registry.sh" status ;;
  *) die "usage: stack.sh up|down|status" ;;
esac
