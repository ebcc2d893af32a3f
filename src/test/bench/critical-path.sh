#!/bin/bash
# Benchmark (by hand, not part of the test suite): the parts of `validate` and `generate` of the
# how-to's example that must run one after the other, each timed alone in a fresh JVM with the
# launcher's flags and class-data archive, against the floor (a bare "java -cp DIR Hello"):
#   start      `lvs-wizard --version` through the launcher: the script, the JVM, the archive, Entry
#   read       Jackson's first read of the example and its validation, on one thread (in a real
#              run the warm-up thread does this while the main thread builds picocli's model; the
#              command's own read waits for it: Jackson builds its deserialisers under one lock)
#   picocli    the model of the command line (one command's), after the read: in a real run it is
#              built beside the read, so it is not part of the sum
#   validate   what `validate` does after the read and the model: the configuration, the report
#   generate   the same for `generate`: the configuration, rendering and writing the files
# A command cannot take less than start + read + its own part (seconds and the ratio to the floor
# are printed with each part; medians of RUNS). Needs a built jar (mvn -B package -DskipTests).
# With "plain", every part runs as plain `java -jar` does: the JVM's default flags, no archive of
# lvs-wizard's classes (start is then `java -jar lvs-wizard.jar --version`).
# Usage: bash src/test/bench/critical-path.sh [RUNS] [plain]   (default 9, through the launcher)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/bench/bench-lib.sh
. src/test/bench/bench-lib.sh
runs=${1:-9}
mode=${2:-launcher}
jar=$PWD/target/lvs-wizard.jar
launcher=$PWD/src/deb/lvs-wizard.sh
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_floor "$work"

# The parts, timed inside one JVM each (System.nanoTime around the calls), printed as "NAME MS".
mkdir -p "$work/parts"
mkdir -p "$work/src/lvswizard/cli"
cat >"$work/src/lvswizard/cli/Parts.java" <<'JAVA'
package lvswizard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import lvswizard.config.ConfigFile;
import lvswizard.exec.ExecRunner;
import lvswizard.validation.Validator;

/** In lvs-wizard's package (on the class path after the jar) for the model of one command. */
public class Parts {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        String out = args[1];
        long start = System.nanoTime();
        Validator.check(ConfigFile.builtInExample());
        long read = System.nanoTime();
        Main.commandLine(new ExecRunner(), "generate");
        long model = System.nanoTime();
        double validate = ownPart("validate", "--config", config);
        double generate = ownPart("generate", "--config", config, "--out", out);
        System.out.printf("read %.1f%npicocli %.1f%nvalidate %.1f%ngenerate %.1f%n", (read - start) / 1e6,
                (model - read) / 1e6, validate, generate);
    }

    /** Milliseconds of the command's run less those of building its model again (classes loaded). */
    private static double ownPart(String... args) {
        long start = System.nanoTime();
        Main.commandLine(new ExecRunner(), args[0]);
        long modelled = System.nanoTime();
        int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        long done = System.nanoTime();
        if (code != 0) {
            throw new IllegalStateException(args[0] + " exited " + code);
        }
        return ((done - modelled) - (modelled - start)) / 1e6;
    }
}
JAVA
javac -cp "$jar" -d "$work/parts" "$work/src/lvswizard/cli/Parts.java"

# the launcher's archive (as this user), built once before the first timed run
flags=()
start=(env LVS_WIZARD_JAR="$jar" sh "$launcher" --version)
if [ "$mode" = plain ]; then
    start=(java -jar "$jar" --version)
else
    LVS_WIZARD_JAR=$jar sh "$launcher" --version >/dev/null
    sleep 1
    archive=
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        archive=$(LVS_WIZARD_JAR=$jar sh -x "$launcher" --version 2>&1 >/dev/null \
            | sed -n 's/.*-XX:SharedArchiveFile=\([^ ]*\) .*/\1/p' | tail -n 1)
        [ -n "$archive" ] && break
        sleep 2
    done
    [ -n "$archive" ] || { echo "the launcher built no class-data archive" >&2; exit 1; }
    flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto
        "-XX:SharedArchiveFile=$archive")
fi

for run in $(seq "$runs"); do
    bench_time "$work/floor" java -cp "$work" Hello
    bench_time "$work/start" "${start[@]}"
    rm -rf "$work/out"
    java ${flags[@]+"${flags[@]}"} -cp "$jar:$work/parts" lvswizard.cli.Parts examples/seed-dr.json "$work/out" >"$work/parts.txt"
    {
        echo "floor $(awk '{ printf "%.1f", $1 * 1000 }' "$work/floor")"
        echo "start $(awk '{ printf "%.1f", $1 * 1000 }' "$work/start")"
        cat "$work/parts.txt"
    } | sed "s/^/$run /" >>"$work/all"
done

median() { awk -v part="$1" '$2 == part { print $3 }' "$work/all" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
floor=$(median floor)
echo "$mode: medians of $runs runs; floor (java -cp DIR Hello) $floor ms"
for part in start read picocli validate generate; do
    ms=$(median "$part")
    awk -v p="$part" -v ms="$ms" -v f="$floor" 'BEGIN { printf "%-9s %6.1f ms  %4.2fx the floor\n", p, ms, ms / f }'
done
awk -v s="$(median start)" -v r="$(median read)" -v v="$(median validate)" -v g="$(median generate)" -v f="$floor" 'BEGIN {
    printf "validate cannot take less than %.0f ms (%.2fx), generate %.0f ms (%.2fx)\n", s + r + v, (s + r + v) / f, s + r + g, (s + r + g) / f
}'
