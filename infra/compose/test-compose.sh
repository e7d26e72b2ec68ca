#!/usr/bin/env bash
# `make test-compose`: the compose stack for real. Builds and starts docker-compose.yml, waits until every
# service with a healthcheck is healthy (and the one-shots, tls-init, topic-init and db-init, have exited 0), runs the smoke suite against it
# (`make test-e2e`), prints how long each step took, and always removes containers and volumes after.
# On a failure it names the service that failed, prints `compose ps` and the logs of every service that
# is not healthy or has restarted. Works with `docker compose` (v2) and Debian's `docker-compose` 1.29.
# It runs under its own project name, so a compose stack of yours keeps its volumes; it needs the host
# ports in .env to be free. CI runs it (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

HEALTH_TIMEOUT_S="${HEALTH_TIMEOUT_S:-300}"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-saga-reference-test}"
set -a && source .env && set +a # the host ports, as compose reads them

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
say() { printf '[test-compose] %s\n' "$*"; }
timings=()
step() { # step NAME COMMAND...: runs and times one step, failed or not
  local name="$1" started=$SECONDS status=0
  shift
  "$@" || status=$?
  timings+=("$(printf '%-26s %4d s%s' "$name" $((SECONDS - started)) "$([ "$status" = 0 ] || echo '  FAILED')")")
  return "$status"
}

for port in "$KAFKA_PORT" "$REGISTRY_PORT" "$GATEWAY_PORT" "$CONSOLE_PORT" "$PAYMENT_PROVIDER_PORT" "$CARRIER_PORT" "$ZIPKIN_PORT"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    say "port $port is in use (make down, or docker compose down, or change it in .env)"
    exit 1
  fi
done

# The smoke suite writes .jest-stack.json, which CI adds to its totals: a run that fails before the suite
# must not leave an earlier run's results behind to be read as this one's.
rm -f .jest-stack.json
up_log="$(mktemp)"

# One line per container of the project: service, state, health ("-" without a healthcheck), exit code
# and restarts. By label rather than `compose ps`, whose listing differs between v1 and v2.
states() {
  local id
  for id in $(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"); do
    docker inspect --format '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}}
      {{- if .State.Health}} {{.State.Health.Status}}{{else}} -{{end}} {{.State.ExitCode}} {{.RestartCount}}' "$id"
  done
}

# The services whose state is not yet what the system needs, prefixed FAILED: when one can never get
# there: unhealthy, restarting or exited when it should run (only the one-shots (tls-init, topic-init, db-init) exit, with status 0).
ONE_SHOTS=' tls-init topic-init db-init '
one_shot() { [[ "$ONE_SHOTS" == *" $1 "* ]]; }

not_ready() {
  local name state health code restarts
  while read -r name state health code restarts; do
    if one_shot "$name"; then
      if [ "$state" = exited ] && [ "$code" != 0 ]; then echo "FAILED:$name"; elif [ "$state" != exited ]; then echo "$name"; fi
    elif [ "$health" = unhealthy ] || [[ "$state" =~ ^(exited|dead|restarting)$ ]]; then
      echo "FAILED:$name"
    elif [ "$health" != healthy ]; then
      echo "$name"
    fi
  done < <(states)
}

# Which service `up` gave up on, what state each service is in, and the logs of every one that is not
# healthy or has restarted (its logs keep the runs before the restart, so the crash is there too).
diagnose() {
  local id name state health code restarts
  # v1 names the dependency it found unhealthy by container id only ("Container "3f2a…" is unhealthy").
  grep -oE 'Container "[0-9a-f]+"' "$up_log" | grep -oE '[0-9a-f]{6,}' | sort -u | while read -r id; do
    say "up gave up on container $id: service $(docker inspect --format \
      '{{index .Config.Labels "com.docker.compose.service"}}' "$id" 2> /dev/null || echo '(removed)')"
  done
  say "---- ${compose[*]} ps"
  "${compose[@]}" ps -a || true
  while read -r name state health code restarts; do
    if [ "$restarts" != 0 ] || { one_shot "$name" && [ "$code" != 0 ]; } \
      || { ! one_shot "$name" && [ "$health" != healthy ]; }; then
      say "---- logs of $name: $state$([ "$state" = running ] || echo " (exit code $code)"), health $health, $restarts restart(s)"
      "${compose[@]}" logs --no-color --tail 100 "$name" || true
    fi
  done < <(states)
}

finish() {
  local status=$?
  [ "$status" = 0 ] || diagnose || true # errexit is off inside it: a failing look must not skip down -v
  step "down -v" "${compose[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
  rm -f "$up_log"
  say "timings (${compose[*]}):"
  printf '  %s\n' "${timings[@]}"
  say "$([ "$status" = 0 ] && echo passed || echo "failed ($status)") in $SECONDS s"
}
trap finish EXIT

# v1 `up -d` itself waits for the depends_on conditions, and gives up when it sees a dependency
# unhealthy, even for the moment a crashed container takes to restart; it then leaves the dependants
# uncreated, so its failure is the test's failure.
up() { "${compose[@]}" up -d 2>&1 | tee "$up_log"; }

wait_healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT_S)) waiting
  while :; do
    waiting="$(not_ready | tr '\n' ' ')"
    [ -z "$waiting" ] && return 0
    if [[ "$waiting" == *FAILED:* ]] || [ $SECONDS -ge $deadline ]; then
      say "not healthy after $((SECONDS - deadline + HEALTH_TIMEOUT_S)) s: ${waiting//FAILED:/}"
      return 1
    fi
    sleep 2
  done
}

say "project $COMPOSE_PROJECT_NAME with ${compose[*]}"
step "build" "${compose[@]}" build
step "up -d" up
step "all healthy" wait_healthy
step "smoke suite (test-e2e)" env \
  GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" \
  PAYMENT_PROVIDER_URL="http://127.0.0.1:$PAYMENT_PROVIDER_PORT" \
  CARRIER_URL="http://127.0.0.1:$CARRIER_PORT" \
  ZIPKIN_URL="http://127.0.0.1:$ZIPKIN_PORT" \
  make --no-print-directory test-e2e
