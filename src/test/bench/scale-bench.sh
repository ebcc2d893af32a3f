#!/bin/bash
# Benchmark: validate and generate at 10, 1,000, 10,000 and 50,000 real servers (one DR service),
# plus --version and the seed example, with plain "java -jar" and through the Debian launcher
# (src/deb/lvs-wizard.sh, pointed at the built jar with LVS_WIZARD_JAR). Every run of a command is
# preceded by a run of the floor (a bare "java -cp DIR Hello") in the same loop, so each ratio
# compares figures taken under the same load. Wall time from bash's clock, peak RSS from GNU time.
# generate always writes into a directory that has never existed: deleting 20,000 files right
# before a timed run makes ext4 slow to create files for a while, which is not the program's cost.
# Prints the machine and a Markdown table for BENCHMARKS.md.
# Needs: a built jar (mvn -B package -DskipTests) and GNU time (apt-get install time).
# Usage: bash src/test/bench/scale-bench.sh [RUNS] [SIZES...]   (defaults: 3, 10 1000 10000 50000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/bench/bench-lib.sh
. src/test/bench/bench-lib.sh
runs=${1:-3}
shift || true
sizes=("${@:-10 1000 10000 50000}")
read -r -a sizes <<<"${sizes[*]}"
jar=${JAR:-$PWD/target/lvs-wizard.jar}            # JAR=... LAUNCHER=...: another build, the same way
launcher=${LAUNCHER:-$PWD/src/deb/lvs-wizard.sh}
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "missing GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the launcher's class-data archive for this jar, built now rather than during a timed run (as root
# in /var/cache/lvs-wizard, a user's in ~/.cache/lvs-wizard)
if [ "$(id -u)" = 0 ]; then cache=/var/cache/lvs-wizard; else cache=${XDG_CACHE_HOME:-$HOME/.cache}/lvs-wizard; fi
LVS_WIZARD_JAR=$jar sh "$launcher" --version >/dev/null
sleep 0.5
[ ! -d "$cache" ] || ! command -v flock >/dev/null || flock "$cache/.lock" true
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

bench_floor "$work"
cp examples/seed-dr.json "$work/seed.json"
for n in "${sizes[@]}"; do bench_cluster "$n" >"$work/rs$n.json"; done

# one COMMAND...: prints "SECONDS KIB" of one run (its output discarded; a failure stops the script)
one() {
    bench_time "$work/t" "$@" || { cat "$work/t.err" >&2; exit 1; }
    awk '{ print $1, $4 }' "$work/t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fresh=0
row() { # LABEL COMMAND... ({OUT} in the command becomes a new directory each run)
    local label=$1 i floor_s=() cmd_s=() kib=() args=() out a
    shift
    for ((i = 0; i < runs; i++)); do
        read -r s k <<<"$(one java -cp "$work" Hello)"
        floor_s+=("$s")
        fresh=$((fresh + 1))
        out="$work/out-$fresh"
        args=()
        for a in "$@"; do args+=("${a//\{OUT\}/$out}"); done
        read -r s k <<<"$(one "${args[@]}")"
        cmd_s+=("$s")
        kib+=("$k")
    done
    local f c m
    f=$(printf '%s\n' "${floor_s[@]}" | median)
    c=$(printf '%s\n' "${cmd_s[@]}" | median)
    m=$(printf '%s\n' "${kib[@]}" | sort -n | tail -1)
    awk -v l="$label" -v f="$f" -v c="$c" -v m="$m" -v lo="$(printf '%s\n' "${cmd_s[@]}" | sort -n | head -1)" \
        -v hi="$(printf '%s\n' "${cmd_s[@]}" | sort -n | tail -1)" \
        'BEGIN { printf "| %s | %.3f s (%.3f-%.3f) | %.0f ms | %.1f× | %d MiB |\n", l, c, lo, hi, f * 1000, c / f, m / 1024 }'
}

echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
# shellcheck disable=SC1091 # the running system's own file
echo "$(. /etc/os-release && echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1), $(df -T "$work" | awk 'NR == 2 { print $2 }') under $(dirname "$work"), $(date -u +%F), load before: $load_before"
echo
echo "| what | wall: median (min-max) of $runs | floor in the same runs | ratio | peak RSS |"
echo "|---|---|---|---|---|"
for how in plain launcher; do
    if [ "$how" = plain ]; then run=(java -jar "$jar"); else run=(env LVS_WIZARD_JAR="$jar" sh "$launcher"); fi
    row "$how: --version" "${run[@]}" --version
    row "$how: validate, seed example" "${run[@]}" validate --config "$work/seed.json"
    row "$how: generate, seed example" "${run[@]}" generate --config "$work/seed.json" --out "{OUT}"
    for n in "${sizes[@]}"; do
        row "$how: validate, $n real servers" "${run[@]}" validate --config "$work/rs$n.json"
        row "$how: generate, $n real servers, fresh directory" "${run[@]}" generate --config "$work/rs$n.json" --out "{OUT}"
    done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
