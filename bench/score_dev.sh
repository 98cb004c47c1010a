#!/usr/bin/env bash
# Score a tiankong binary on the development set (texts nobody tuned the generator to).
#
#   bench/score_dev.sh [--dir SET_DIR] [BINARY] [SLUG...]     default binary: target/release/tiankong
#
# Builds nothing. For each SET_DIR/<slug>/ (default SET_DIR: tests/fixtures/eval/dev; the
# held-out set is tests/fixtures/eval/holdout; all slugs unless SLUGs are given) it runs
# `BINARY generate` on the clean text (source.txt) and on the PDF-wrapped copy
# (source.wrapped.txt), each into a fresh temporary folder, and scores the decks with
# tests/fixtures/eval/score_lists.py against <slug>/gold.jsonl (the wrapped copy against
# <slug>/gold.wrapped.jsonl: the same labels at the wrapped copy's line numbers, made by wrap.py). Prints one JSON line per
# (text, form): {"text": SLUG, "form": "clean"|"wrapped", ...the scorer's fields}, or with
# "error" when generate fails. The database and data folders point into the temporary folder,
# so the user's own are never touched. Exits non-zero when any run failed.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
dev="$repo/tests/fixtures/eval/dev"
if [ "${1:-}" = "--dir" ]; then
    if [ -z "${2:-}" ] || [ ! -d "$2" ]; then
        echo "score_dev.sh: --dir needs a folder of <slug>/gold.jsonl texts" >&2
        exit 2
    fi
    dev="$(cd "$2" && pwd)"
    shift 2
fi
bin="${1:-$repo/target/release/tiankong}"
shift || true
scorer="$repo/tests/fixtures/eval/score_lists.py"

if [ ! -x "$bin" ]; then
    echo "score_dev.sh: no executable tiankong at $bin (build it: cargo build --release)" >&2
    exit 2
fi

slugs=("$@")
if [ ${#slugs[@]} -eq 0 ]; then
    for g in "$dev"/*/gold.jsonl; do
        slugs+=("$(basename "$(dirname "$g")")")
    done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
for slug in "${slugs[@]}"; do
    for form in clean wrapped; do
        src="$dev/$slug/source.txt"
        [ "$form" = wrapped ] && src="$dev/$slug/source.wrapped.txt"
        run="$work/$slug-$form"
        mkdir -p "$run/data"
        if ! XDG_DATA_HOME="$run/data" TIANKONG_DB="$run/data/tiankong.db" \
            "$bin" generate "$src" --out "$run/decks" >"$run/log" 2>&1; then
            python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "form": sys.argv[2], "error": open(sys.argv[3], encoding="utf-8", errors="replace").read()[-500:]}, ensure_ascii=False))' \
                "$slug" "$form" "$run/log"
            failed=1
            continue
        fi
        # The wrapped copy is scored against the gold with its line numbers (wrap.py).
        gold="$dev/$slug/gold.jsonl"
        [ "$form" = wrapped ] && [ -f "$dev/$slug/gold.wrapped.jsonl" ] && gold="$dev/$slug/gold.wrapped.jsonl"
        score="$(python3 "$scorer" "$gold" "$run/decks")"
        python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "form": sys.argv[2], **json.loads(sys.argv[3])}, ensure_ascii=False))' \
            "$slug" "$form" "$score"
    done
done
exit "$failed"
