#!/usr/bin/env bash
# Run each fuzz target for N seconds (default 30) on the stable toolchain, without sanitizers.
#
#   bench/fuzz.sh [SECONDS] [TARGET...]      targets: corpus_reader deck_parser import
#
# Installs cargo-fuzz when missing. The committed seeds in fuzz/corpus/<target>/ are only read;
# inputs libFuzzer finds go to a scratch folder under the fuzz build dir. Build dir:
# $FUZZ_TARGET_DIR, else fuzz/target (kept apart from the main target dir: the instrumented
# build uses other compiler flags). Exits non-zero on a crash and prints the input's path.
set -euo pipefail

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(corpus_reader deck_parser import)

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo/fuzz"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$repo/fuzz/target}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

cargo fuzz build --sanitizer none >&2

status=0
for t in "${targets[@]}"; do
    work="$CARGO_TARGET_DIR/fuzz-work/$t"
    log="$CARGO_TARGET_DIR/fuzz-work/$t.log"
    mkdir -p "$work"
    if cargo fuzz run --sanitizer none "$t" "$work" "corpus/$t" -- \
        -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
        runs="$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 || true)"
        execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
        cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
        echo "fuzz $t: ok, ${execs} executions in ${seconds}s (${runs:-?}; ${cov:-cov ?})"
    else
        status=1
        echo "fuzz $t: FAILED — last lines of $log:"
        tail -25 "$log"
        grep -o 'Test unit written to [^ ]*' "$log" || true
    fi
done
exit "$status"
