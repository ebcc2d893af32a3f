#!/bin/bash
# Benchmark: time from starting lvs-wizard without arguments in a real terminal (tmux, 100x30) to
# its first complete frame (the start screen's last line on screen), with plain "java -jar" and
# through the Debian launcher (src/deb/lvs-wizard.sh, pointed at the built jar with LVS_WIZARD_JAR,
# its class-data archive built before the first timed run), each run beside a run of the floor (a
# bare "java -cp DIR Hello" shown in the same terminal) in the same loop. Peak RSS (GNU time) is the
# whole session's: the start screen, the how-to's example, Ctrl-N through all seven steps, F10.
# As root the launcher keeps its archive in /var/cache/lvs-wizard (a user's in ~/.cache/lvs-wizard).
# Prints the machine and a Markdown table for BENCHMARKS.md.
# Needs a built jar (mvn -B package -DskipTests), tmux, GNU time and flock (apt-get install tmux time).
# Usage: bash src/test/bench/wizard-bench.sh [RUNS]
# (JAR=... LAUNCHER=... measure another build, e.g. an older commit's, the same way)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
runs=${1:-10}
jar=${JAR:-$PWD/target/lvs-wizard.jar}
launcher=${LAUNCHER:-$PWD/src/deb/lvs-wizard.sh}
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
for tool in tmux /usr/bin/time flock; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install tmux time" >&2; exit 2; }
done
work=$(mktemp -d)
socket="lvs-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) throws Exception { System.out.println("hello-frame"); Thread.sleep(100000); } }
JAVA
javac -d "$work" "$work/Hello.java"
first_frame="nothing is written until you save."

# the launcher's archive for this jar, built now rather than during a timed run
if [ "$(id -u)" = 0 ]; then cache=/var/cache/lvs-wizard; else cache=${XDG_CACHE_HOME:-$HOME/.cache}/lvs-wizard; fi
LVS_WIZARD_JAR=$jar sh "$launcher" --version >/dev/null
sleep 0.5
[ ! -d "$cache" ] || flock "$cache/.lock" true

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
now_ms() { date +%s%3N; }
screen() { tmux -L "$socket" capture-pane -p -t b 2>/dev/null; }
wait_for() { # TEXT: polls every 5 ms; gives up after 60 s
    local tries=0
    until screen | grep -qF -- "$1"; do
        tries=$((tries + 1))
        [ "$tries" -lt 12000 ] || { echo "never on screen: $1" >&2; screen >&2; exit 1; }
        sleep 0.005
    done
}

# measure SESSION COMMAND: one run; prints "milliseconds kib". SESSION: hello (Ctrl-C once shown) or
# wizard (the example through every step, then F10)
measure() {
    local session=$1 command=$2 start end step
    rm -f "$work/rss"
    start=$(now_ms)
    tmux -L "$socket" new-session -d -s b -x 100 -y 30 -c "$work" \
        "LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=$work/config LVS_WIZARD_JAR=$jar /usr/bin/time -f %M -o $work/rss $command"
    tmux -L "$socket" set -s escape-time 0
    if [ "$session" = hello ]; then
        wait_for hello-frame
        end=$(now_ms)
        tmux -L "$socket" send-keys -t b C-c
    else
        wait_for "$first_frame"
        end=$(now_ms)
        for key in Down Down Down Enter; do tmux -L "$socket" send-keys -t b "$key"; sleep 0.1; done
        for step in Services Director "Real servers" Review Preview Generate; do
            wait_for "^N next"
            tmux -L "$socket" send-keys -t b C-n
            wait_for "$step  ·"
        done
        tmux -L "$socket" send-keys -t b F10
    fi
    until [ -s "$work/rss" ]; do sleep 0.02; done
    tmux -L "$socket" kill-server 2>/dev/null || true
    echo "$((end - start)) $(tail -1 "$work/rss")"
}

: >"$work/floor"
: >"$work/plain"
: >"$work/launcher"
for run in $(seq "$runs"); do
    : "run $run"
    measure hello "java -cp $work Hello" >>"$work/floor"
    measure wizard "java -jar $jar" >>"$work/plain"
    measure hello "java -cp $work Hello" >>"$work/floor"
    measure wizard "sh $launcher" >>"$work/launcher"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
floor=$(cut -d' ' -f1 "$work/floor" | median)
row() { # LABEL FILE
    local ms kib
    ms=$(cut -d' ' -f1 "$2" | median)
    kib=$(cut -d' ' -f2 "$2" | sort -n | tail -1)
    awk -v l="$1" -v ms="$ms" -v lo="$(cut -d' ' -f1 "$2" | sort -n | head -1)" -v hi="$(cut -d' ' -f1 "$2" | sort -n | tail -1)" \
        -v f="$floor" -v k="$kib" 'BEGIN { printf "| %s | %d ms (%d-%d) | %.1f× | %d MiB |\n", l, ms, lo, hi, ms / f, k / 1024 }'
}
echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(java -version 2>&1 | head -1), tmux $(tmux -V | cut -d' ' -f2), $(date -u +%F), load before: $load_before"
echo
echo "| what (in tmux, 100x30) | first complete frame: median (min-max) of $runs | ratio to the floor | peak RSS |"
echo "|---|---|---|---|"
row "floor: java Hello, prints one line ($((runs * 2)) runs)" "$work/floor"
row "plain: java -jar, start screen; RSS: whole session" "$work/plain"
row "launcher: start screen; RSS: whole session" "$work/launcher"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
