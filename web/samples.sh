#!/bin/sh
# Trunk pre-build hook: copy the sample binaries (fixtures named in
# crates/linklens-web/src/samples.rs) into the build, as samples/<slug>.gz.
# They are fetched by the page only when chosen.
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk}/samples"
mkdir -p "$out"
bin="${TRUNK_SOURCE_DIR:-.}/fixtures/bin"
sed -n 's/.*Sample { slug: "\([^"]*\)", fixture: "\([^"]*\)".*/\1 \2/p' "${TRUNK_SOURCE_DIR:-.}/crates/linklens-web/src/samples.rs" |
while read -r slug fixture; do
  cp "$bin/$fixture.gz" "$out/$slug.gz"
done
