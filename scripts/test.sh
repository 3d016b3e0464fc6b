#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs them.
#   - libclang (RocksDB's bindings are generated with bindgen at build time)
#   - networkx (the GraphML export is read back by a real GraphML reader)
#   - oxigraph's server (`guanxi push` is tested against a real SPARQL store)
#   - chromium (the explorer of `guanxi serve` is tested in a real headless browser)
#   - Virtuoso (two shards loaded into a real triple store answer the shipped queries as one store)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so'; then
  echo "test.sh: installing libclang-dev (needed to build RocksDB's bindings)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq libclang-dev >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq libclang-dev >/dev/null; fi
fi
if ! python3 -c 'import networkx' 2>/dev/null || ! command -v oxigraph >/dev/null; then
  echo "test.sh: installing networkx and oxigraph (pip)" >&2
  python3 -m pip install --quiet --disable-pip-version-check networkx oxigraph==0.5.13 \
    || python3 -m pip install --quiet --disable-pip-version-check --user networkx oxigraph==0.5.13
  export PATH="$HOME/.local/bin:$PATH"
fi

if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "test.sh: installing chromium (the explorer is tested in a real browser)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
  echo "test.sh: installing virtuoso-opensource-7 (shards are checked against a real triple store)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7 >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7 >/dev/null; fi
fi

cargo test --release "$@"
