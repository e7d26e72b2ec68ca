# Saga Reference: one entry point for people and CI. `make dev` runs the system natively, `make test`
# passes the tests; both install what they need first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
STACK := infra/native/stack.sh
MVN := mvn -q -B -f infra/native/pom.xml
AVRO_READER_MVN := mvn -q -B -f infra/avro-reader/pom.xml
ASYNCAPI_HTML := npx --yes -p @asyncapi/generator@2.8.4 -p @asyncapi/html-template@3.5.6

# Node 24 (.nvmrc) for everything make runs: the PATH's node when it is new enough, otherwise the
# official build fetched once from the npm registry into infra/.stack/dist (infra/toolchain/node.sh).
NODE_HOME := $(shell bash infra/toolchain/node.sh)
ifneq ($(.SHELLSTATUS),0)
$(error could not get Node $(shell cat .nvmrc): see the message above)
endif
ifneq ($(NODE_HOME),)
export PATH := $(NODE_HOME)/bin:$(PATH)
endif
# kafkajs (maintenance mode) schedules `throttledUntil - Date.now()` with throttledUntil = -1 when a broker
# never throttled; Node 24 warns on every such negative timer, which fires after 1 ms as before. Only
# that warning is silenced; the Dockerfile sets the same for the compose stack.
export NODE_OPTIONS := --disable-warning=TimeoutNegativeWarning $(NODE_OPTIONS)

.PHONY: help install fetch build token schemas-check codegen docs lint typecheck test test-unit test-component test-int test-chaos test-e2e test-compose demo bench dev infra-up infra-down down status rebuild-read-model kafka-client-config

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json package.json $(wildcard */package.json services/*/package.json workshop/*/package.json) .nvmrc
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json fetch ## npm packages + the native stack from Maven Central

fetch: ## fetch Kafka, the schema registry, PostgreSQL, Zipkin and Apache Avro's Java reader into infra/.stack/dist (Maven Central)
	$(MVN) package
	$(AVRO_READER_MVN) package

build: node_modules/.package-lock.json ## compile every workspace (tsc -b)
	npx tsc -b

# Build output goes to stderr, so `TOKEN=$$(make -s token ROLE=customer SUB=c-1)` captures the token alone.
token: ## print a bearer token from the DEVELOPMENT issuer: make -s token ROLE=customer|operator SUB=c-1 [TTL=seconds]
	@$(MAKE) --no-print-directory build >&2
	@node shared/dist/auth/token-cli.js $(or $(ROLE),customer) $(or $(SUB),c-1) $(TTL)

codegen: build ## regenerate TypeScript event types from shared/schemas
	node shared/dist/schemas/codegen-cli.js
	npx tsc -b

schemas-check: build ## fail on an incompatible schema change or stale generated types
	node shared/dist/schemas/check-cli.js

docs: build ## write the contracts into docs/: openapi.json (gateway), asyncapi.yaml (topics) and asyncapi/ (HTML)
	node services/gateway/dist/openapi/write-cli.js docs/openapi.json
	node infra/dist/asyncapi/write-asyncapi.js docs/asyncapi.yaml
	@# The HTML: AsyncAPI generator 2.8 (3.x needs Node 24) with its html-template, fetched by npx on first
	@# use and cached, so their ~900 packages stay out of the project's lock. Their install scripts are
	@# skipped: the only one that matters, puppeteer's, downloads a browser for the PDF option, unused here.
	@# The generator looks for a global npm (requireg); the Node that node.sh fetches is the bare binary, so
	@# point it at the folder holding the npm on the PATH.
	NODE_PATH="$$(dirname "$$(dirname "$$(dirname "$$(readlink -f "$$(command -v npm)")")")")" \
	PUPPETEER_SKIP_DOWNLOAD=1 npm_config_ignore_scripts=true $(ASYNCAPI_HTML) -c \
	  'ag docs/asyncapi.yaml "$$(dirname "$$(dirname "$$(command -v ag)")")/@asyncapi/html-template" -o docs/asyncapi -p singleFile=false -p sidebarOrganization=byTags --force-write --disable-warning'

lint: node_modules/.package-lock.json ## eslint, prettier, and the relative links of README.md and docs/*.md
	npx eslint .
	npx prettier --check .
	@# remark-validate-links: each relative link's file exists and each #anchor names a heading there (GitHub's
	@# slugs), offline. repository:false: it needs no git remote, and checks no external URL.
	npx remark --frail --quiet --no-stdout --use 'remark-validate-links=repository:false' README.md docs/*.md

typecheck: node_modules/.package-lock.json ## type-check the tests too (jest only transpiles them)
	npx tsc -p tsconfig.test.json

test-unit: build ## pure logic in memory: no database, server or broker (seconds)
	npx jest --selectProjects unit

test-component: build ## one component in process with real SQLite files and loopback HTTP; no broker (seconds)
	npx jest --selectProjects component

test-int: install build ## integration + end-to-end tests against a private native stack on free ports
	npx jest --selectProjects integration --runInBand

test-chaos: install build ## crash test (SIGKILL each service, restart the broker, under load) and the gateway's 20,000-order restart test (minutes)
	@# In band: the services' consumer groups have fixed names, so two systems must not share the test broker.
	@set -o pipefail; npx jest --selectProjects chaos --runInBand --forceExit --json --outputFile=.jest-chaos.json; status=$$?; \
	  node test/support/print-summary.js .jest-chaos.json; exit $$status

test: install build schemas-check lint typecheck ## schemas, lint, types, then unit + integration + e2e tests (CI adds test-chaos); ends with 'N passed, N failed'
	@# In band: each end-to-end file starts services whose consumer groups have fixed names on the one test broker.
	@# --forceExit: a handle left open after a failure (jest names it) must not hold CI until its time limit, as it once did.
	@set -o pipefail; npx jest --selectProjects unit component integration --runInBand --forceExit --json --outputFile=.jest-results.json; status=$$?; \
	  node test/support/print-summary.js .jest-results.json; exit $$status

test-e2e: build ## smoke suite against a running stack: GATEWAY_URL, PAYMENT_PROVIDER_URL, CARRIER_URL (default: native ports)
	@set -o pipefail; npx jest --selectProjects stack --runInBand --json --outputFile=.jest-stack.json; status=$$?; \
	  node test/support/print-summary.js .jest-stack.json; exit $$status

test-compose: build ## docker compose up --build, wait for every healthcheck, run test-e2e against it, then down -v
	bash infra/compose/test-compose.sh

# The tooling's Kafka principal (a super user) for the targets that touch Kafka from outside the system:
# KAFKA_PASSWORD_ADMIN, or its local development default (shared/src/kafka/principals.ts).
# The broker's certificate is signed by the local CA that the stack made (infra/native/tls.sh).
KAFKA_CA := $${KAFKA_SSL_CA_LOCATION:-$${STACK_DIR:-$(CURDIR)/infra/.stack/run}/tls/ca.pem}
ADMIN_KAFKA := KAFKA_SASL_USERNAME=admin KAFKA_SASL_PASSWORD="$${KAFKA_PASSWORD_ADMIN:-dev-only-admin-password}" \
  KAFKA_SSL_CA_LOCATION="$(KAFKA_CA)"

demo: build ## workshop scenarios against the running system: `make demo` lists them; make demo SCENARIO=happy-path [PACE=1]
	@# Every instance's ops port, as the running `make dev` wrote them (INSTANCES > 1); else the defaults.
	@ops="$${STACK_DIR:-infra/.stack/run}/ops-urls.env"; if [ -f "$$ops" ]; then . "$$ops"; fi; \
	  $(ADMIN_KAFKA) node workshop/scenarios/dist/main.js $(SCENARIO) $(if $(PACE),--pace)

bench: install build ## saga at fixed arrival rates + a burst vs a bare kafkajs relay; starts the system if needed (minutes); STORE=postgres INSTANCES=n compares 1..n instances
	@STORE=$(STORE) INSTANCES=$(INSTANCES) bash bench/bench.sh

# `make dev STORE=postgres INSTANCES=3`: each service's state in a PostgreSQL database of its own (the native
# one unless POSTGRES_ADMIN_URL names a cluster), and three processes of each saga service.
STORE ?= sqlite
INSTANCES ?= 1
dev: install build ## run the whole system natively; prints the gateway URL (Ctrl-C or `make down` stops it); STORE=sqlite|postgres INSTANCES=1..9
	STORE=$(STORE) INSTANCES=$(INSTANCES) bash infra/native/dev.sh up

infra-up: ## start Kafka + schema registry (+ Zipkin unless OTEL_SDK_DISABLED=true) in the background and apply the topics (idempotent)
	bash $(STACK) up

infra-down: ## stop Kafka + schema registry + Zipkin
	bash $(STACK) down

down: ## stop everything `make dev` started
	bash infra/native/dev.sh down

rebuild-read-model: build ## re-project the gateway's read model from the topics: in place if the gateway runs (GATEWAY_URL), else at its next start
	DATA_DIR="$${DATA_DIR:-infra/.stack/run/data}" GATEWAY_URL="$${GATEWAY_URL:-http://127.0.0.1:$${GATEWAY_PORT:-8080}}" \
	  node services/gateway/dist/rebuild-read-model.js

# Only the properties on stdout (make -s), so `make -s kafka-client-config PRINCIPAL=payment > payment.properties`.
kafka-client-config: ## print a Kafka client properties file for one principal: make -s kafka-client-config PRINCIPAL=payment [FORMAT=java]
	@[ -f infra/dist/kafka-client-config.js ] || { echo "not built: run 'make build'" >&2; exit 1; }
	@KAFKA_BROKERS="$${KAFKA_BROKERS:-127.0.0.1:$${KAFKA_PORT:-9092}}" KAFKA_SSL_CA_LOCATION="$(KAFKA_CA)" \
	  PRINCIPAL="$(PRINCIPAL)" FORMAT="$(FORMAT)" \
	  node infra/dist/kafka-client-config.js

status: ## what is running
	bash $(STACK) status
