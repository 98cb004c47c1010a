#!/usr/bin/env bash
# Generate decks for the sample corpus and every development text (clean and PDF-wrapped)
# into OUT/<name>/, so two builds' outputs can be compared with `diff -r`.
#
#   bench/gen_decks.sh OUT [BINARY]     default binary: target/release/tiankong
#
# Builds nothing. The database and data folders point into a temporary folder, so the
# user's own are never touched.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/gen_decks.sh OUT [BINARY]}"
bin="${2:-$repo/target/release/tiankong}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # name source
    mkdir -p "$work/$1/data"
    XDG_DATA_HOME="$work/$1/data" TIANKONG_DB="$work/$1/data/tiankong.db" \
        "$bin" generate "$2" --out "$out/$1" >"$work/$1/log" 2>&1 \
        || { echo "gen_decks.sh: generate failed on $2:" >&2; cat "$work/$1/log" >&2; exit 1; }
}

rm -rf "$out"
mkdir -p "$out"
run sample "$repo/corpus/study-texts-2020-2024.txt"
for d in "$repo"/tests/fixtures/eval/dev/*/; do
    slug="$(basename "$d")"
    run "$slug-clean" "$d/source.txt"
    run "$slug-wrapped" "$d/source.wrapped.txt"
done
