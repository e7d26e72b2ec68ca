#!/usr/bin/env bash
# Shared helpers for the native stack scripts: paths, ports, pid files, waiting on ports.
set -euo pipefail

NATIVE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_DIR="$(dirname "$NATIVE_DIR")"
ROOT_DIR="$(dirname "$INFRA_DIR")"

KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$NATIVE_DIR/pom.xml")"
APICURIO_VERSION="$(sed -n 's:.*<apicurio.version>\(.*\)</apicurio.version>.*:\1:p' "$NATIVE_DIR/pom.xml")"
POSTGRES_VERSION="$(sed -n 's:.*<postgres.version>\(.*\)</postgres.version>.*:\1:p' "$NATIVE_DIR/pom.xml")"
ZIPKIN_VERSION="$(sed -n 's:.*<zipkin.version>\(.*\)</zipkin.version>.*:\1:p' "$NATIVE_DIR/pom.xml")"
DIST_DIR="$INFRA_DIR/.stack/dist"
KAFKA_HOME="$DIST_DIR/kafka-$KAFKA_VERSION"
APICURIO_HOME="$DIST_DIR/apicurio-$APICURIO_VERSION"
POSTGRES_HOME="$DIST_DIR/postgres-$POSTGRES_VERSION"
ZIPKIN_JAR="$DIST_DIR/zipkin-$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"

# Everything a running stack writes (data, logs, pid files) lives under STACK_DIR, so tests can run
# a private stack in a temp folder on free ports beside a developer's `make dev` stack.
STACK_DIR="${STACK_DIR:-$INFRA_DIR/.stack/run}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# The schema registry's own listener (PLAINTEXT, loopback only; see kafka.sh).
KAFKA_REGISTRY_PORT="${KAFKA_REGISTRY_PORT:-9094}"
REGISTRY_PORT="${REGISTRY_PORT:-8081}"
REGISTRY_MANAGEMENT_PORT="${REGISTRY_MANAGEMENT_PORT:-8091}"
# Not 5432: a machine's own PostgreSQL usually holds it (this one's does).
POSTGRES_PORT="${POSTGRES_PORT:-5433}"
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
# Where the services keep their state: sqlite (a file each in DATA_DIR) or postgres (a database each,
# provisioned into $DATABASE_URLS_FILE); and how many processes each saga service runs (INSTANCES).
STORE="${STORE:-sqlite}"
INSTANCES="${INSTANCES:-1}"
DATABASE_URLS_FILE="$STACK_DIR/database-urls.env"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
REGISTRY_HEAP_OPTS="${REGISTRY_HEAP_OPTS:--Xms128m -Xmx512m}"
ZIPKIN_HEAP_OPTS="${ZIPKIN_HEAP_OPTS:--Xms64m -Xmx128m}"
# Zipkin keeps spans in memory and drops the oldest traces past this many: its default, 500,000, ran a
# 128 MB heap out of memory under 150,000 test spans; 20,000 kept it at about 300 MB RSS under 100,000.
ZIPKIN_MAX_SPANS="${ZIPKIN_MAX_SPANS:-20000}"

# Kafka's principals and their passwords, as shared/src/kafka/principals.ts lists them (a test compares):
# KAFKA_PASSWORD_<NAME>, or else a LOCAL DEVELOPMENT DEFAULT, dev-only-<name>-password. `controller` is
# the broker's own, on its controller listener.
PRINCIPALS="admin gateway order inventory payment shipping console"
password_of() { local var="KAFKA_PASSWORD_${1^^}"; echo "${!var:-dev-only-$1-password}"; }

# The local CA and the broker's certificate (tls.sh); clients trust $TLS_DIR/ca.pem.
TLS_DIR="$STACK_DIR/tls"
KAFKA_TLS_PASSWORD="${KAFKA_TLS_PASSWORD:-dev-only-keystore-password}"
export KAFKA_TLS_PASSWORD
export KAFKA_SSL_CA_LOCATION="$TLS_DIR/ca.pem"

# The stack's tooling (topics, ACLs, readiness, bench) acts as the admin principal, a super user.
export_admin_credentials() {
  export KAFKA_SASL_MECHANISM=scram-sha-512 KAFKA_SASL_USERNAME=admin
  KAFKA_SASL_PASSWORD="$(password_of admin)"
  export KAFKA_SASL_PASSWORD
}

log() { printf '[stack] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# pid_alive FILE: true when FILE names a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# stop_pid NAME FILE [SIGNAL]: SIGNAL (default TERM), wait up to 30 s for a clean shutdown, then SIGKILL.
stop_pid() {
  local name="$1" file="$2" signal="${3:-TERM}" pid i
  if ! pid_alive "$file"; then rm -f "$file"; return 0; fi
  pid="$(cat "$file")"
  log "stopping $name (pid $pid)"
  kill -"$signal" "$pid" 2>/dev/null || true
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in 30 s; killing"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

# Apicurio Registry 3.3 is compiled for Java 21+, the broker runs on the default Java 17.
# REGISTRY_JAVA overrides; otherwise the newest JDK >= 21 under /usr/lib/jvm is used.
find_registry_java() {
  if [ -n "${REGISTRY_JAVA:-}" ]; then echo "$REGISTRY_JAVA"; return; fi
  local candidate major best="" best_major=0
  for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ] && { best="$candidate"; best_major="$major"; }
  done
  [ -n "$best" ] || die "the schema registry needs Java 21 or newer; none found (set REGISTRY_JAVA)"
  echo "$best"
}

# Fails before anything starts, naming the variable; the launcher checks the same again (launcher/config.ts).
require_store_settings() {
  case "$STORE" in sqlite | postgres) ;; *) die "STORE=$STORE: expected sqlite or postgres" ;; esac
  [[ "$INSTANCES" =~ ^[1-9]$ ]] || die "INSTANCES=$INSTANCES: expected an integer from 1 to 9"
  [ "$INSTANCES" = 1 ] || [ "$STORE" = postgres ] ||
    die "INSTANCES=$INSTANCES needs STORE=postgres: the processes of one service must share its state, and a SQLite file belongs to one process"
}

# OTEL_SDK_DISABLED=true (the OpenTelemetry SDK's own switch) turns tracing off in every process, and with
# it the viewer: the stack then starts no Zipkin.
tracing_enabled() { local disabled="${OTEL_SDK_DISABLED:-}"; [ "${disabled,,}" != true ]; }

require_zipkin_dist() {
  [ -f "$ZIPKIN_JAR" ] || die "zipkin not fetched: run 'make fetch' (mvn -f infra/native/pom.xml package)"
}

require_dist() {
  [ -d "$KAFKA_HOME/libs" ] && [ -f "$APICURIO_HOME/quarkus-run.jar" ] ||
    die "native stack not fetched: run 'make fetch' (mvn -f infra/native/pom.xml package)"
}
