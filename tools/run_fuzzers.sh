#!/bin/sh
# Runs each libFuzzer target for N seconds from a seed corpus made of the test data. A finding fails
# the run and is copied to tests/data/fuzz/<target>/ so that the unit tests replay it from then on.
# Usage: tools/run_fuzzers.sh BUILD_DIR SECONDS
set -eu
BUILD="$1"
SECONDS_EACH="$2"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$BUILD/fuzz-work"
status=0

seed() { # target -> seed corpus directory
    dir="$WORK/$1/corpus"
    mkdir -p "$dir"
    case "$1" in
    fuzz_scenario_json)
        cp "$ROOT"/tests/data/scenarios/*.json "$ROOT"/tests/data/*.json "$dir"/ 2>/dev/null || true
        cp "$ROOT"/tests/data/fuzz/scenario/* "$dir"/ 2>/dev/null || true ;;
    fuzz_query)
        i=0
        while IFS= read -r line; do
            case "$line" in \#*|"") continue ;; esac
            i=$((i + 1))
            printf '%s' "${line#*	}" > "$dir/link-$i"
        done < "$ROOT/tests/data/links.txt"
        cp "$ROOT"/tests/data/fuzz/query/* "$dir"/ 2>/dev/null || true ;;
    esac
    echo "$dir"
}

for target in fuzz_scenario_json fuzz_query; do
    corpus=$(seed "$target")
    case "$target" in fuzz_scenario_json) kind=scenario ;; *) kind=query ;; esac
    artifacts="$WORK/$target/artifacts"
    mkdir -p "$artifacts"
    echo "== $target for ${SECONDS_EACH}s"
    if ! "$BUILD/tests/fuzz/$target" -max_total_time="$SECONDS_EACH" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" 2>"$WORK/$target/log"; then
        status=1
        for finding in "$artifacts"/*; do
            [ -f "$finding" ] || continue
            cp "$finding" "$ROOT/tests/data/fuzz/$kind/"
            echo "finding: $finding (copied to tests/data/fuzz/$kind/)"
        done
        grep -E "ERROR|fuzz check failed|SUMMARY" "$WORK/$target/log" | head -5
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$WORK/$target/log" | sed "s/^/$target: /"
    tail -1 "$WORK/$target/log" | grep -E "^(Done|#)" | sed "s/^/$target: /" || true
done
exit $status
