#!/usr/bin/env bash
# `make bench`: uses the system answering on GATEWAY_PORT, or starts one the way `make dev` does, then
# runs the bench (bench/src) with the same port variables. Writes docs/benchmarks/latest.{json,md}
# and the table in docs/benchmarks.md (BENCH_DOC); the last line printed is the summary as one JSON object.
# With STORE=postgres it runs bench/scale-out.sh instead.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/native/lib.sh"

export GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT"
export KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT" KAFKA_PORT REGISTRY_PORT
export SCHEMA_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7"
# The bench's own clients (relay stages, collector) are tooling: the admin principal.
export_admin_credentials
export BENCH_OUT_DIR="${BENCH_OUT_DIR-$ROOT_DIR/docs/benchmarks}"
export BENCH_DOC="${BENCH_DOC-$ROOT_DIR/docs/benchmarks.md}"
# STORE=postgres: the scale-out comparison, on a fresh system per instance count, instead.
[ "$STORE" != postgres ] || exec bash "$ROOT_DIR/bench/scale-out.sh"

# BENCH_PROFILE=1: the bench starts the system itself with every Node process under --cpu-prof, stops it
# afterwards (the profiles are written on exit) and summarises them into profile.md beside latest.md.
PROFILE_DIR="$STACK_DIR/profiles"
if [ -n "${BENCH_PROFILE:-}" ]; then
  curl -sf "$GATEWAY_URL/ready" > /dev/null &&
    die "BENCH_PROFILE=1 profiles a system the bench starts itself: stop the running one first (make down)"
  rm -rf "$PROFILE_DIR" && mkdir -p "$PROFILE_DIR"
  NODE_OPTIONS="${NODE_OPTIONS:-} --cpu-prof --cpu-prof-dir=$PROFILE_DIR" DEV_DETACH=1 bash "$NATIVE_DIR/dev.sh" up
elif curl -sf "$GATEWAY_URL/ready" > /dev/null; then
  log "using the system already running at $GATEWAY_URL"
else
  DEV_DETACH=1 bash "$NATIVE_DIR/dev.sh" up
fi
log "bench: rates ${BENCH_RATES:-10,50,200,500,1000} orders/s, ${BENCH_RATE_SECONDS:-15} s each, then a burst and the bare relay (several minutes)"
# kafkajs 2.2 trips a harmless timer warning on Node 24; the bench prints figures, not that.
node --disable-warning=TimeoutNegativeWarning "$ROOT_DIR/bench/dist/main.js"
# The files are written as JSON.stringify and unaligned tables; prettier formats them as `make lint`
# expects. Silent, so that the summary stays the last line printed.
files=()
[ -n "$BENCH_OUT_DIR" ] && files+=("$BENCH_OUT_DIR/latest.md" "$BENCH_OUT_DIR/latest.json")
[ -n "$BENCH_DOC" ] && files+=("$BENCH_DOC")
[ ${#files[@]} -eq 0 ] || "$ROOT_DIR/node_modules/.bin/prettier" --log-level silent --write "${files[@]}"
if [ -n "${BENCH_PROFILE:-}" ]; then
  bash "$NATIVE_DIR/dev.sh" down >&2
  profile_md="${BENCH_OUT_DIR:-$STACK_DIR}/profile.md"
  node "$ROOT_DIR/bench/dist/profile-cli.js" "$PROFILE_DIR" "$profile_md" >&2
  "$ROOT_DIR/node_modules/.bin/prettier" --log-level silent --write "$profile_md"
fi
