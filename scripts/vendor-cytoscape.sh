#!/usr/bin/env bash
# Vendor the explorer's graph library: cytoscape.js from the npm registry
# (https://www.npmjs.com/package/cytoscape, MIT licence), at the version pinned here. The minified
# build and its licence are compiled into guanxi (src/serve.rs), so the explorer works offline.
set -euo pipefail
cd "$(dirname "$0")/.."
version=3.35.0
dest=assets/vendor/cytoscape-$version
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cytoscape@$version" >/dev/null && tar xzf "cytoscape-$version.tgz")
mkdir -p "$dest"
cp "$tmp/package/dist/cytoscape.min.js" "$tmp/package/LICENSE" "$dest/"
echo "vendored cytoscape $version into $dest"
