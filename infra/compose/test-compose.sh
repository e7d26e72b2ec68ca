#!/usr/bin/env bash
# `make test-compose`: the compose stack for real. Builds and starts docker-compose.yml, waits until every
# service with a healthcheck is healthy (and topic-init has exited 0), runs the smoke suite against it
# (`make test-e2e`), prints how long each step took, and always removes containers and volumes after.
# Works with `docker compose` (v2) and Debian's `docker-compose` 1.29. It runs under its own project
# name, so a compose stack of yours keeps its volumes; it needs the host ports in .env to be free.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

HEALTH_TIMEOUT_S="${HEALTH_TIMEOUT_S:-300}"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-saga-reference-test}"
set -a && source .env && set +a # the host ports, as compose reads them

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
say() { printf '[test-compose] %s\n' "$*"; }
timings=()
step() { # step NAME COMMAND...: runs and times one step
  local name="$1" started=$SECONDS
  shift
  "$@"
  timings+=("$(printf '%-26s %4d s' "$name" $((SECONDS - started)))")
}

for port in "$KAFKA_PORT" "$REGISTRY_PORT" "$GATEWAY_PORT" "$PAYMENT_PROVIDER_PORT" "$CARRIER_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    say "port $port is in use (make down, or docker compose down, or change it in .env)"
    exit 1
  fi
done

finish() {
  local status=$?
  step "down -v" "${compose[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
  say "timings (${compose[*]}):"
  printf '  %s\n' "${timings[@]}"
  say "$([ "$status" = 0 ] && echo passed || echo "failed ($status)") in $SECONDS s"
}
trap finish EXIT

# Prints the services whose state is not yet what the system needs, or fails on one that can never get
# there: unhealthy, or exited when it should run (only topic-init is meant to exit, with status 0).
not_ready() {
  local id name health state code
  for id in $("${compose[@]}" ps -q); do
    IFS='|' read -r name state health code < <(docker inspect --format \
      '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.ExitCode}}' "$id")
    if [ "$name" = topic-init ]; then
      [ "$state" = exited ] && [ "$code" != 0 ] && { echo "FAILED:$name"; return; }
      [ "$state" = exited ] || echo "$name"
    elif [ "$health" = unhealthy ] || [ "$state" = exited ] || [ "$state" = dead ]; then
      echo "FAILED:$name"
      return
    elif [ "$health" != healthy ]; then
      echo "$name"
    fi
  done
}

wait_healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT_S)) waiting
  while :; do
    waiting="$(not_ready | tr '\n' ' ')"
    [ -z "$waiting" ] && return 0
    if [[ "$waiting" == *FAILED:* ]] || [ $SECONDS -ge $deadline ]; then
      waiting="${waiting//FAILED:/}"
      say "not healthy after $((SECONDS - deadline + HEALTH_TIMEOUT_S)) s: $waiting"
      for name in $waiting; do
        say "---- logs of $name"
        "${compose[@]}" logs --tail 60 "$name" || true
      done
      return 1
    fi
    sleep 2
  done
}

say "project $COMPOSE_PROJECT_NAME with ${compose[*]}"
step "build" "${compose[@]}" build
# v1 `up -d` itself waits for depends_on conditions and fails on an unhealthy dependency; keep going
# either way so the wait below reports which service and shows its logs.
step "up -d" "${compose[@]}" up -d || true
step "all healthy" wait_healthy
step "smoke suite (test-e2e)" env \
  GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" \
  PAYMENT_PROVIDER_URL="http://127.0.0.1:$PAYMENT_PROVIDER_PORT" \
  CARRIER_URL="http://127.0.0.1:$CARRIER_PORT" \
  make --no-print-directory test-e2e
