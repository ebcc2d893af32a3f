#!/bin/bash
# Benchmark: the stages of "generate" in process, after warm-up, for 1,000 and 10,000 real
# servers. Prints a Markdown table for BENCHMARKS.md. Needs: a built jar (mvn package) and the
# compiled tests (mvn test-compile).
# Usage: bash src/test/bench/generate-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs=${1:-10}
jar=target/lvs-wizard.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# cluster N: a DR cluster with N real servers on 10.0.0.0/16 in one wlc service
cluster() {
    awk -v n="$1" 'BEGIN {
        printf "{\"version\":1,\"name\":\"bench\",\"director\":{\"dipInterface\":\"eth0\",\"dips\":[\"10.0.0.1/16\"],"
        printf "\"vipInterface\":\"eth0\",\"gateway\":\"10.0.0.254\",\"ntpServer\":\"10.0.0.1\"},\"realServers\":["
        for (i = 0; i < n; i++) printf "%s{\"name\":\"rs%d\",\"address\":\"10.0.%d.%d/16\",\"interface\":\"eth0\",\"gateway\":\"10.0.0.254\"}", (i ? "," : ""), i, 1 + int(i / 250), 1 + i % 250
        printf "],\"services\":[{\"protocol\":\"tcp\",\"vip\":\"10.0.0.100/16\",\"port\":80,\"scheduler\":\"wlc\",\"backends\":["
        for (i = 0; i < n; i++) printf "%s{\"realServer\":\"rs%d\",\"weight\":%d,\"forwarding\":\"dr\"}", (i ? "," : ""), i, 1 + i % 3
        printf "]}]}\n"
    }'
}

for n in 1000 10000; do cluster "$n" >"$work/rs$n.json"; done

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
