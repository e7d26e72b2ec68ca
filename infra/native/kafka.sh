#!/usr/bin/env bash
# Starts/stops one combined KRaft broker+controller from the Maven-fetched jars.
# Usage: kafka.sh start|stop|status   (ports and data dir from env, see lib.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_DIR="$STACK_DIR/kafka"
PID_FILE="$STACK_DIR/kafka.pid"
CONFIG="$KAFKA_DIR/server.properties"

# The client listener (CLIENT) takes SASL/SCRAM-SHA-512 over TLS (SASL_SSL: a certificate from the local
# CA that tls.sh makes in $TLS_DIR, which clients trust through KAFKA_SSL_CA_LOCATION) and authorises every request against the ACLs
# that apply-topics.js generates from the topology; the principals and their passwords are in
# shared/src/kafka/principals.ts, spelled for bash in lib.sh (PRINCIPALS, password_of).
# REGISTRY is a PLAINTEXT listener on loopback for the schema registry alone (Apicurio's Kafka client in
# the compose image cannot do SASL); whoever connects there is User:ANONYMOUS, whose ACLs cover only the
# registry's own topics and groups. CONTROLLER takes SASL/PLAIN (KRaft cannot use SCRAM there), as the
# super user `controller`; single node, so inter-broker traffic stays on this host too.
write_config() {
  mkdir -p "$KAFKA_DIR/data" "$STACK_DIR/logs"
  local admin_password controller_password
  admin_password="$(password_of admin)"
  controller_password="$(password_of controller)"
  # Single node: every replication factor and min ISR must be 1, or group/transaction coordinators
  # never become available. No rebalance delay, so tests and workshops see consumers join at once.
  cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=CLIENT://$KAFKA_HOST:$KAFKA_PORT,REGISTRY://127.0.0.1:$KAFKA_REGISTRY_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=CLIENT://$KAFKA_HOST:$KAFKA_PORT,REGISTRY://127.0.0.1:$KAFKA_REGISTRY_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CLIENT:SASL_SSL,REGISTRY:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=CLIENT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller_password" user_controller="$controller_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS_DIR/broker.p12
ssl.keystore.password=$KAFKA_TLS_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$TLS_DIR/ca.pem
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

# KRaft keeps SCRAM users in its metadata: they are written when the storage is formatted.
scram_users() {
  local name
  for name in $PRINCIPALS; do printf -- "--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n" "$name" "$(password_of "$name")"; done
}

start() {
  require_dist
  if pid_alive "$PID_FILE"; then log "kafka already running (pid $(cat "$PID_FILE")) on $KAFKA_HOST:$KAFKA_PORT"; return 0; fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set KAFKA_PORT)"
  mkdir -p "$STACK_DIR/logs"
  bash "$NATIVE_DIR/tls.sh" "$TLS_DIR" > "$STACK_DIR/logs/kafka-tls.log" 2>&1 || die "making the TLS certificates failed: see $STACK_DIR/logs/kafka-tls.log"
  write_config
  local cp="$KAFKA_HOME/libs/*"
  local log4j="-Dlog4j2.configurationFile=$NATIVE_DIR/log4j2.yaml -Dkafka.logs.dir=$STACK_DIR/logs"
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    log "formatting KRaft storage in $KAFKA_DIR/data, with the SCRAM users $PRINCIPALS"
    local users; mapfile -t users < <(scram_users)
    # shellcheck disable=SC2086
    java $log4j -cp "$cp" kafka.tools.StorageTool format --config "$CONFIG" \
      --cluster-id "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" --ignore-formatted "${users[@]}" \
      >> "$STACK_DIR/logs/kafka-format.log" 2>&1 || die "storage format failed: see $STACK_DIR/logs/kafka-format.log"
    touch "$KAFKA_DIR/.scram-users"
  elif [ ! -f "$KAFKA_DIR/.scram-users" ]; then
    die "$KAFKA_DIR/data was formatted before Kafka had users: its broker would refuse every client. Remove $KAFKA_DIR (its topics go) and start again"
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
