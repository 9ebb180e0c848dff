#!/bin/sh
# Trunk pre-build hook: copy the sample binaries (listed in
# web/generated/vocabulary.json, which cargo xtask writes from
# crates/linklens-web/src/samples.rs) into the build, as samples/<slug>.gz.
# They are fetched by the page only when chosen.
set -eu
src="${TRUNK_SOURCE_DIR:-.}"
out="${TRUNK_STAGING_DIR:?run by trunk}/samples"
mkdir -p "$out"
node -e '
  const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const s of v.samples) console.log(s.slug, s.fixture);
' "$src/web/generated/vocabulary.json" |
while read -r slug fixture; do
  cp "$src/fixtures/bin/$fixture.gz" "$out/$slug.gz"
done
