#!/bin/sh
# Anki's own backend (the `anki` PyPI package) imports tiankong's Anki export of the shipped
# decks, and every card blanks what tiankong's card blanks (bench/anki_check.py).
# The venv is kept in target/anki-venv (ANKI_VENV to move it); the first run downloads anki.
set -eu
cd "$(dirname "$0")/.."
venv=${ANKI_VENV:-target/anki-venv}
if ! "$venv/bin/python" -c "import anki" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet anki
fi
# The debug binary: `cargo test` has built it already in CI; speed is not what is checked.
cargo build --quiet
exec "$venv/bin/python" bench/anki_check.py --bin target/debug/tiankong --decks decks "$@"
