#!/bin/bash
# Benchmark: what the monitor costs with 10 and 10,000 real servers. In process (after warm-up):
# parsing ipvsadm -L -n, --stats and --rate listings of that size, merging them, building the
# report. Whole process: `monitor --once` with a stand-in ipvsadm on PATH that prints the same
# listings (the real one needs root and a kernel with IPVS), against `java Hello` as the floor.
# Prints Markdown tables for BENCHMARKS.md. Needs: the jar and the compiled tests
# (mvn -B package -DskipTests && mvn -B test-compile), hyperfine and GNU time.
# Usage: bash src/test/bench/monitor-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/bench/bench-lib.sh
. src/test/bench/bench-lib.sh
runs=${1:-10}
jar=${JAR:-$PWD/target/lvs-wizard.jar}            # JAR=...: another build, the same way
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
[ -d target/test-classes/lvswizard/bench ] || { echo "compile the tests first: mvn -B test-compile" >&2; exit 2; }
for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine time" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench_listings "$work/10" 10
bench_listings "$work/10000" 10000

echo "In process, after warm-up (median and range of $runs runs):"
echo
echo "| table | stage | median | range |"
echo "|---|---|---|---|"
for n in 10 10000; do
    java -cp "target/test-classes:$jar" lvswizard.bench.ListingBench "$work/$n" "$runs"
done

echo
echo "A refresh of the live monitor, in process with the launcher's flags (C1, serial collector): three"
echo "stand-in ipvsadm listings read through the real runner, parsed, merged, every row built; the"
echo "JVM's CPU time (all its threads, not the ipvsadm children); $((runs * 3)) refreshes:"
echo
echo "| table | refreshes | wall | CPU time of the JVM |"
echo "|---|---|---|---|"
for n in 10 10000; do
    PATH=$work/$n/bin:$PATH java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
        -cp "target/test-classes:$jar" lvswizard.bench.MonitorRefreshBench $((runs * 3))
done

bench_floor "$work"
rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
row() { # LABEL PATH-PREFIX COMMAND...
    local label=$1 path=$2 mean sd kb
    shift 2
    PATH=$path:$PATH hyperfine --runs "$runs" --warmup 1 --style none --export-json "$work/h.json" \
        -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    mean=$(awk -F: '/"mean"/ { gsub(/[ ,]/, "", $2); printf "%.0f", $2 * 1000; exit }' "$work/h.json")
    sd=$(awk -F: '/"stddev"/ { gsub(/[ ,]/, "", $2); printf "%.0f", $2 * 1000; exit }' "$work/h.json")
    kb=$(PATH=$path:$PATH rss "$@")
    printf '| %s | %s ± %s ms | %s MiB |\n' "$label" "$mean" "$sd" "$((kb / 1024))"
}
echo
echo "Whole process (hyperfine, $runs runs; three stand-in ipvsadm processes per snapshot):"
echo
echo "| what | wall time (mean ± sd) | peak RSS |"
echo "|---|---|---|"
row "java Hello (floor)" "" java -cp "$work" Hello
row "monitor --once, 10 real servers" "$work/10/bin" java -jar "$jar" monitor --once
row "monitor --once, 10000 real servers" "$work/10000/bin" java -jar "$jar" monitor --once
row "monitor --once --stats, 10000 real servers" "$work/10000/bin" java -jar "$jar" monitor --once --stats
launcher=(env LVS_WIZARD_JAR="$jar" sh src/deb/lvs-wizard.sh)
row "launcher: monitor --once, 10 real servers" "$work/10/bin" "${launcher[@]}" monitor --once
row "launcher: monitor --once, 10000 real servers" "$work/10000/bin" "${launcher[@]}" monitor --once
