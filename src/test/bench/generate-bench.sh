#!/bin/bash
# Benchmark: wall time and peak memory of "generate" for the seed example and for 10, 1,000 and
# 10,000 real servers, against a bare "java" hello-world as the floor. Prints a Markdown table
# for BENCHMARKS.md. Needs: a built jar (mvn package), hyperfine and GNU time (apt-get install
# hyperfine time), and the compiled tests (mvn test-compile) for the in-process table.
# Usage: bash src/test/bench/generate-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs=${1:-10}
jar=target/lvs-wizard.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine time" >&2; exit 2; }
done
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

cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work" "$work/Hello.java"
cp examples/seed-dr.json "$work/seed.json"
for n in 10 1000 10000; do cluster "$n" >"$work/rs$n.json"; done

rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
row() { # LABEL COMMAND... (every run starts from an empty output directory)
    local label=$1 mean sd kb
    shift
    hyperfine --runs "$runs" --warmup 1 --style none --prepare "rm -rf $work/o" --export-json "$work/h.json" \
        -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    rm -rf "$work/o"
    mean=$(awk -F: '/"mean"/ { gsub(/[ ,]/, "", $2); printf "%.0f", $2 * 1000; exit }' "$work/h.json")
    sd=$(awk -F: '/"stddev"/ { gsub(/[ ,]/, "", $2); printf "%.0f", $2 * 1000; exit }' "$work/h.json")
    kb=$(rss "$@")
    printf '| %s | %s ± %s ms | %s MiB |\n' "$label" "$mean" "$sd" "$((kb / 1024))"
}

echo "| what | wall time (mean ± sd, $runs runs) | peak RSS |"
echo "|---|---|---|"
row "java Hello (floor)" java -cp "$work" Hello
row "lvs-wizard --version" java -jar "$jar" --version
row "validate, seed example" java -jar "$jar" validate --config "$work/seed.json"
row "generate, seed example" java -jar "$jar" generate --config "$work/seed.json" --out "$work/o"
for n in 10 1000 10000; do
    row "generate, $n real servers" java -jar "$jar" generate --config "$work/rs$n.json" --out "$work/o"
done
row "validate, 10000 real servers" java -jar "$jar" validate --config "$work/rs10000.json"
java -jar "$jar" generate --config "$work/rs10000.json" --out "$work/same" >/dev/null 2>&1
hyperfine --runs "$runs" --style none --export-json "$work/h.json" \
    -- "java -jar $jar generate --config $work/rs10000.json --out $work/same" >/dev/null 2>&1
printf '| %s | %s ms | |\n' "generate again, 10000 real servers, files unchanged" \
    "$(awk -F: '/"mean"/ { gsub(/[ ,]/, "", $2); printf "%.0f", $2 * 1000; exit }' "$work/h.json")"

echo
echo "In process, after warm-up (median and range of $runs runs; JVM start-up not counted):"
echo
echo "| config | stage | median | range |"
echo "|---|---|---|---|"
[ -d target/test-classes/lvswizard/bench ] || { echo "compile the tests first: mvn -B test-compile" >&2; exit 2; }
for n in 1000 10000; do
    java -cp "target/test-classes:$jar" lvswizard.bench.InProcessBench "$work/rs$n.json" "$runs"
done
