#!/usr/bin/env bash
# Prints the home directory of a Node that satisfies .nvmrc, fetching one if the PATH's is too old.
# The project needs Node 24 LTS; machines with an older `node` get the official build from the npm
# registry (the node-<os>-<arch> packages that `npm install node` itself uses), unpacked into the
# git-ignored infra/.stack/dist, the same way Maven fetches Kafka there. Prints nothing when the
# PATH's node is new enough: then there is nothing to add to the PATH.
# Usage: infra/toolchain/node.sh [--env]   (--env prints shell exports to eval instead of the home)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wanted="$(tr -d ' \nv' < "$root/.nvmrc")"
wanted_major="${wanted%%.*}"
mode="${1:-}"

current_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if command -v node > /dev/null && [ "$(current_major node)" -ge "$wanted_major" ]; then
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "node.sh: no Node $wanted build for $(uname -s) $(uname -m); install Node $wanted_major yourself" >&2; exit 1 ;;
esac

home="$root/infra/.stack/dist/node-v$wanted-$platform"
if [ ! -x "$home/bin/node" ]; then
  command -v npm > /dev/null || { echo "node.sh: need npm (any version) to fetch Node $wanted" >&2; exit 1; }
  echo "node.sh: $(node --version 2>/dev/null || echo 'no node') on the PATH is older than Node $wanted_major;" \
    "fetching node-$platform@$wanted from the npm registry into ${home#"$root"/} (once)" >&2
  staging="$(mktemp -d)"
  trap 'rm -rf "$staging"' EXIT
  (cd "$staging" && npm pack --silent "node-$platform@$wanted" > /dev/null) ||
    { echo "node.sh: the npm registry has no node-$platform@$wanted; install Node $wanted_major yourself" >&2; exit 1; }
  mkdir -p "$staging/unpacked"
  tar -xzf "$staging"/node-"$platform"-*.tgz -C "$staging/unpacked" --strip-components=1
  "$staging/unpacked/bin/node" --version > /dev/null
  rm -rf "$home" && mkdir -p "$(dirname "$home")" && mv "$staging/unpacked" "$home"
fi

if [ "$mode" = "--env" ]; then
  printf 'export PATH=%q:"$PATH"\n' "$home/bin"
else
  echo "$home"
fi
