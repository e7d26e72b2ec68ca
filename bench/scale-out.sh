#!/usr/bin/env bash
# `make bench STORE=postgres INSTANCES=n` (bench.sh hands over to this): the saga on PostgreSQL with 1, 2, … n
# instances of each saga service. Each count gets a system of its own, started as `make dev STORE=postgres
# INSTANCES=k` does but in a fresh $STACK_DIR/bench-instances-k, so that no count inherits another's topic
# data, database rows or table bloat: a new broker, registry and PostgreSQL cluster each time. The saga part
# of the bench measures it (the bare relay does not change with instances; plain `make bench` runs it), then
# it is stopped. Last, the table goes into docs/benchmarks.md (bench-instances block) and
# docs/benchmarks/instances.json, and the last line printed is one JSON object with a row per count.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/native/lib.sh"
require_store_settings

# Its own cluster only: its processes are sampled by POSTGRES_PORT, and every count starts from none.
[ -z "${POSTGRES_ADMIN_URL:-}${DATABASE_URL:-}" ] ||
  die "the scale-out bench runs a PostgreSQL of its own per count: unset POSTGRES_ADMIN_URL and DATABASE_URL"
curl -sf "$GATEWAY_URL/ready" > /dev/null &&
  die "the scale-out bench starts a fresh system per instance count: stop the one on port $GATEWAY_PORT first (make down)"
export STORE POSTGRES_PORT
# Shorter than plain `make bench`: enough to find each count's capacity and cost in under ~4 min a count.
# Past saturation a higher rate is skipped, as in the main bench.
export BENCH_RATES="${BENCH_RATES:-10,20,40,80,160}"
export BENCH_BURST_ORDERS="${BENCH_BURST_ORDERS:-1000}"

MAX_INSTANCES="$INSTANCES"
BASE_DIR="$STACK_DIR"
RUNNING=""
stop_running() {
  [ -z "$RUNNING" ] || STACK_DIR="$RUNNING" bash "$NATIVE_DIR/dev.sh" down >&2
  RUNNING=""
}
trap stop_running EXIT
trap 'exit 130' INT TERM # through the EXIT trap: a stopped run leaves no system behind

figures=()
for k in $(seq 1 "$MAX_INSTANCES"); do
  started=$SECONDS
  export STACK_DIR="$BASE_DIR/bench-instances-$k" INSTANCES="$k"
  bash "$NATIVE_DIR/dev.sh" down >&2 # a system an interrupted run left behind
  rm -rf "$STACK_DIR"
  RUNNING="$STACK_DIR"
  DEV_DETACH=1 bash "$NATIVE_DIR/dev.sh" up
  log "bench, $k instance(s) of each saga service: rates $BENCH_RATES orders/s, ${BENCH_RATE_SECONDS:-15} s each, then a burst of $BENCH_BURST_ORDERS"
  node --disable-warning=TimeoutNegativeWarning "$ROOT_DIR/bench/dist/scale-out-cli.js" measure "$STACK_DIR/figures.json"
  stop_running
  figures+=("$STACK_DIR/figures.json")
  log "$k instance(s) done in $((SECONDS - started)) s (logs: $STACK_DIR/logs)"
done

node "$ROOT_DIR/bench/dist/scale-out-cli.js" report "${figures[@]}"
# Formatted as `make lint` expects, silently, so that the JSON line stays the last one printed.
files=()
[ -n "$BENCH_OUT_DIR" ] && files+=("$BENCH_OUT_DIR/instances.json")
[ -n "$BENCH_DOC" ] && files+=("$BENCH_DOC")
[ ${#files[@]} -eq 0 ] || "$ROOT_DIR/node_modules/.bin/prettier" --log-level silent --write "${files[@]}"
