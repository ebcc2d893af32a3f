#!/bin/bash
# Benchmark: time from starting "java -jar lvs-wizard.jar" in a real terminal (tmux) to the first
# complete frame of the wizard (its key legend on screen), and the process's peak memory, against a
# bare java hello-world shown in the same terminal. Prints a Markdown table for BENCHMARKS.md.
# Needs a built jar (mvn package), tmux and GNU time (apt-get install tmux time).
# Usage: bash src/test/bench/wizard-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs=${1:-10}
jar=$(realpath target/lvs-wizard.jar)
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
for tool in tmux /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install tmux time" >&2; exit 2; }
done
work=$(mktemp -d)
socket="lvs-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) throws Exception { System.out.println("hello-frame"); Thread.sleep(100000); } }
JAVA
javac -d "$work" "$work/Hello.java"

now_ms() { date +%s%3N; }

# measure LABEL MARKER QUIT-KEYS COMMAND: one run; prints "milliseconds kib"
measure() {
    local marker=$1 quit=$2 command=$3 start end
    rm -f "$work/rss"
    start=$(now_ms)
    tmux -L "$socket" new-session -d -s b -x 100 -y 30 -c "$work" \
        "LANG=C.UTF-8 TERM=xterm-256color /usr/bin/time -f %M -o $work/rss $command"
    until tmux -L "$socket" capture-pane -p -t b 2>/dev/null | grep -qF -- "$marker"; do sleep 0.005; done
    end=$(now_ms)
    tmux -L "$socket" send-keys -t b "$quit"
    until [ -s "$work/rss" ]; do sleep 0.02; done
    tmux -L "$socket" kill-server 2>/dev/null || true
    echo "$((end - start)) $(tail -1 "$work/rss")"
}

# row LABEL MARKER QUIT-KEYS COMMAND: median of the runs
row() {
    local label=$1 marker=$2 quit=$3 command=$4 run
    : >"$work/results"
    for run in $(seq "$runs"); do
        : "run $run"
        measure "$marker" "$quit" "$command" >>"$work/results"
    done
    sort -n "$work/results" | awk -v label="$label" '{ ms[NR] = $1; kb[NR] = $2 }
        END { m = int((NR + 1) / 2); printf "| %s | %d ms (%d-%d) | %d MiB |\n", label, ms[m], ms[1], ms[NR], kb[m] / 1024 }'
}

echo "| what (in tmux, 100x30) | time to first complete frame: median (min-max) of $runs | peak RSS |"
echo "|---|---|---|"
row "java Hello, prints one line (floor)" "hello-frame" "C-c" "java -cp $work Hello"
row "lvs-wizard (full-screen wizard)" "Ctrl-S save" "F10" "java -jar $jar"
