# One image for every Node process in the repo (topic-init, the providers, the services, the gateway):
# compose picks the process with `command`, e.g. `node infra/dist/apply-topics.js`. Built from the repo
# root. Classic-builder syntax only (no RUN --mount, no COPY --chmod), so Debian's docker-compose 1.29
# builds it as well as `docker compose` v2 with BuildKit.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Only the lock file and the workspaces' package.json files, found rather than listed, so that a new
# workspace needs no edit here. COPY --from is cached by content: the installs below rerun only when a
# manifest changes, not on every source edit.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o -name package.json -print | xargs cp --parents -t /manifests \
 && cp package-lock.json /manifests/

# Compiles the TypeScript with the dev dependencies, then gathers what runs: every workspace's dist/,
# the Avro schemas (shared/dist reads them at run time), shared's tracing entry (@saga/shared/tracing,
# which every main.ts loads first), the inventory's seed catalog and the workshop console's page (static
# files, no build step).
# better-sqlite3 ships prebuilt N-API binaries inside its npm package, so no stage needs a compiler.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -b \
 && mkdir /out \
 && find . -name node_modules -prune -o -type d -name dist -prune -print | xargs cp -r --parents -t /out \
 && cp -r --parents shared/schemas /out \
 && cp --parents shared/tracing.js /out \
 && cp --parents services/inventory/catalog.json /out \
 && cp -r --parents workshop/console/page /out

# Production dependencies only: no TypeScript, jest or eslint in the final image.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# NODE_OPTIONS: as in the Makefile, silence only kafkajs' harmless negative-timer warning under Node 24.
ENV NODE_ENV=production NODE_OPTIONS=--disable-warning=TimeoutNegativeWarning
WORKDIR /app
# A fresh named volume takes the owner of the directory it is mounted on; were /data missing here, it
# would be root's, and the services (running as node) could not create their SQLite files in it.
RUN mkdir /data && chown node:node /data && mkdir /tls && chown node:node /tls
COPY --from=prod-deps /app ./
COPY --from=build /out ./
USER node
# The official image's entrypoint execs this, so node is PID 1 and receives SIGTERM itself; every
# process here handles it (drain, commit, disconnect). Compose overrides it per service.
CMD ["node", "services/gateway/dist/main.js"]
