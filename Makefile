# Saga Reference: one entry point for people and CI. `make dev` runs the system natively, `make test`
# passes the tests; both install what they need first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
STACK := infra/native/stack.sh
MVN := mvn -q -B -f infra/native/pom.xml

.PHONY: help install fetch build schemas-check codegen lint typecheck test test-unit test-int test-chaos dev infra-up infra-down down status rebuild-read-model

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json package.json shared/package.json infra/package.json
	@# npm ci refuses the lock written here: this registry serves only the linux builds of some optional
	@# native bindings, so the lock lacks the others. npm install still honours every locked version.
	npm install --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json fetch ## npm packages + the native stack from Maven Central

fetch: ## fetch Kafka and the schema registry into infra/.stack/dist (Maven Central)
	$(MVN) package

build: node_modules/.package-lock.json ## compile every workspace (tsc -b)
	npx tsc -b

codegen: build ## regenerate TypeScript event types from shared/schemas
	node shared/dist/schemas/codegen-cli.js
	npx tsc -b

schemas-check: build ## fail on an incompatible schema change or stale generated types
	node shared/dist/schemas/check-cli.js

lint: node_modules/.package-lock.json ## eslint + prettier
	npx eslint .
	npx prettier --check .

typecheck: node_modules/.package-lock.json ## type-check the tests too (jest only transpiles them)
	npx tsc -p tsconfig.test.json

test-unit: build ## fast unit tests, no I/O
	npx jest --selectProjects unit

test-int: install build ## integration + end-to-end tests against a private native stack on free ports
	npx jest --selectProjects integration --runInBand

test-chaos: install build ## crash test (SIGKILL each service, restart the broker, under load) and the gateway's 20,000-order restart test (minutes)
	@# In band: the services' consumer groups have fixed names, so two systems must not share the test broker.
	@set -o pipefail; npx jest --selectProjects chaos --runInBand --json --outputFile=.jest-chaos.json; status=$$?; \
	  node test/support/print-summary.js .jest-chaos.json; exit $$status

test: install build schemas-check lint typecheck ## schemas, lint, types, then unit + integration + e2e tests (CI adds test-chaos); ends with 'N passed, N failed'
	@# In band: each end-to-end file starts services whose consumer groups have fixed names on the one test broker.
	@set -o pipefail; npx jest --selectProjects unit integration --runInBand --json --outputFile=.jest-results.json; status=$$?; \
	  node test/support/print-summary.js .jest-results.json; exit $$status

dev: install build ## run the whole system natively; prints the gateway URL (Ctrl-C or `make down` stops it)
	bash infra/native/dev.sh up

infra-up: ## start Kafka + schema registry in the background and apply the topics (idempotent)
	bash $(STACK) up

infra-down: ## stop Kafka + schema registry
	bash $(STACK) down

down: ## stop everything `make dev` started
	bash infra/native/dev.sh down

rebuild-read-model: build ## with the gateway stopped (make down): the next start re-projects the topics from the beginning
	DATA_DIR="$${DATA_DIR:-infra/.stack/run/data}" node services/gateway/dist/rebuild-read-model.js

status: ## what is running
	bash $(STACK) status
