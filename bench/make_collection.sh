#!/bin/sh
# Build a benchmark collection: 50 000 cards in 100 decks and 500 000 reviews.
#   bench/make_collection.sh [PATH]   (default: $CARGO_TARGET_DIR/tiankong-bench/collection.db)
# `cargo bench --bench store` builds the default one by itself when it is missing.
set -eu
cd "$(dirname "$0")/.."
out="${1:-${CARGO_TARGET_DIR:-target}/tiankong-bench/collection.db}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
mkdir -p "$(dirname "$out")"
TIANKONG_MAKE_COLLECTION="$out" cargo bench --bench store
echo "$out"
