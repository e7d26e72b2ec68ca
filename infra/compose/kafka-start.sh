#!/usr/bin/env bash
# The kafka container's command: formats its data folder with the SCRAM users first, then runs the image's
# own entrypoint, whose format (on CLUSTER_ID, with --ignore-formatted) then leaves the folder as it is.
# KRaft keeps SCRAM users in its metadata, and the image has no setting to add them (natively:
# infra/native/kafka.sh). SCRAM_USERS and SCRAM_PASSWORD_<NAME> come from docker-compose.yml; they are
# not KAFKA_* variables, which the image would copy into server.properties.
set -euo pipefail
data=/var/lib/kafka/data
if [ ! -f "$data/meta.properties" ]; then
  props="$(mktemp)"
  # Only what the format reads: the node, its quorum and where its log lives.
  cat > "$props" <<PROPS
process.roles=broker,controller
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$KAFKA_CONTROLLER_QUORUM_VOTERS
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://:19092,CONTROLLER://:9093
log.dirs=$data
PROPS
  users=()
  for name in $SCRAM_USERS; do
    var="SCRAM_PASSWORD_${name^^}"
    users+=(--add-scram "SCRAM-SHA-512=[name=$name,password=${!var}]")
  done
  echo "formatting $data with the SCRAM users $SCRAM_USERS"
  /opt/kafka/bin/kafka-storage.sh format --config "$props" --cluster-id "$CLUSTER_ID" --ignore-formatted "${users[@]}"
  rm -f "$props"
fi
exec /etc/kafka/docker/run
