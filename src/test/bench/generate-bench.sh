#!/bin/bash
# Benchmark: the stages of "generate" in process, after warm-up, for 1,000 and 10,000 real
# servers. Prints a Markdown table for BENCHMARKS.md. Needs: a built jar (mvn package) and the
# compiled tests (mvn test-compile).
# Usage: bash src/test/bench/generate-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/bench/bench-lib.sh
. src/test/bench/bench-lib.sh
runs=${1:-10}
jar=target/lvs-wizard.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 1000 10000; do bench_cluster "$n" >"$work/rs$n.json"; done

# The whole-process figures (wall time, peak RSS, each beside a floor run, fresh output
# directories) are scale-bench.sh's: this script's earlier table deleted 20,004 files before each
# timed run, and ext4 creates files slowly right after a mass delete, which measured the disk.
echo "In process, after warm-up (median and range of $runs runs; JVM start-up not counted):"
echo
echo "| config | stage | median | range |"
echo "|---|---|---|---|"
[ -d target/test-classes/lvswizard/bench ] || { echo "compile the tests first: mvn -B test-compile" >&2; exit 2; }
for n in 1000 10000; do
    java -cp "target/test-classes:$jar" lvswizard.bench.InProcessBench "$work/rs$n.json" "$runs"
done
