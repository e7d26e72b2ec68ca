#!/usr/bin/env bash
# Starts/stops one combined KRaft broker+controller from the Maven-fetched jars.
# Usage: kafka.sh start|stop|status   (ports and data dir from env, see lib.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_DIR="$STACK_DIR/kafka"
PID_FILE="$STACK_DIR/kafka.pid"
CONFIG="$KAFKA_DIR/server.properties"

write_config() {
  mkdir -p "$KAFKA_DIR/data" "$STACK_DIR/logs"
  # Single node: every replication factor and min ISR must be 1, or group/transaction coordinators
  # never become available. No rebalance delay, so tests and workshops see consumers join at once.
  cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=6
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=6
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
PROPS
}

start() {
  require_dist
  if pid_alive "$PID_FILE"; then log "kafka already running (pid $(cat "$PID_FILE")) on $KAFKA_HOST:$KAFKA_PORT"; return 0; fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set KAFKA_PORT)"
  write_config
  local cp="$KAFKA_HOME/libs/*"
  local log4j="-Dlog4j2.configurationFile=$NATIVE_DIR/log4j2.yaml -Dkafka.logs.dir=$STACK_DIR/logs"
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    log "formatting KRaft storage in $KAFKA_DIR/data"
    # shellcheck disable=SC2086
    java $log4j -cp "$cp" kafka.tools.StorageTool format --config "$CONFIG" \
      --cluster-id "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" --ignore-formatted \
      >> "$STACK_DIR/logs/kafka-format.log" 2>&1 || die "storage format failed: see $STACK_DIR/logs/kafka-format.log"
  fi
  log "starting kafka $KAFKA_VERSION on $KAFKA_HOST:$KAFKA_PORT"
  # shellcheck disable=SC2086
  nohup java $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true $log4j -cp "$cp" \
    kafka.Kafka "$CONFIG" >> "$STACK_DIR/logs/kafka.out" 2>&1 &
  echo $! > "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid kafka "$PID_FILE" ;;
  status) pid_alive "$PID_FILE" && echo "kafka running (pid $(cat "$PID_FILE"))" || { echo "kafka stopped"; exit 3; } ;;
  *) die "usage: kafka.sh start|stop|status" ;;
esac
