# One image for every process in the repo (topic-init now, the services later): compose picks the
# process with `command`, e.g. `node infra/dist/apply-topics.js`. Built from the repo root.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Only the lock file and the workspaces' package.json files, found rather than listed, so that a new
# workspace needs no edit here. COPY --from is cached by content: `npm ci` below reruns only when a
# manifest changes, not on every source edit.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o -name package.json -print | xargs cp --parents -t /manifests \
 && cp package-lock.json /manifests/

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests ./
# npm install, not npm ci: see the Makefile's install target for why the lock is partial.
RUN npm install --no-audit --no-fund
COPY . .
# Gather what runs: every workspace's dist/ and the Avro schemas, which shared/dist reads at run time.
RUN npx tsc -b \
 && mkdir /out \
 && find . -name node_modules -prune -o -type d -name dist -prune -print | xargs cp -r --parents -t /out \
 && cp -r --parents shared/schemas /out \
 && cp --parents services/inventory/catalog.json /out

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /out ./
USER node
