#!/bin/bash
# Benchmark: two builds side by side on a shared machine. Each run times the floor (a bare
# "java -cp DIR Hello"), then the older build, then the newer one, for validate, generate (into a
# fresh directory) and monitor --once (a stand-in ipvsadm printing listings of that size) with N
# real servers, all through the Debian launcher (src/deb/lvs-wizard.sh: C1, serial collector, no
# perf data). The three of a run are timed back to back, so that a load that comes and goes
# weighs on both builds alike. Wall time, CPU time (user + system, the children's included: GNU
# time's) and peak RSS; medians of RUNS. Needs GNU time.
# N "seed" times the how-to's example (examples/seed-dr.json) instead, with validate and generate.
# OLD_LAUNCHER=FILE: the older build's own launcher (its start-up flags); both use this tree's by default.
# Usage: bash src/test/bench/before-after.sh OLD.jar NEW.jar [RUNS] [N]   (defaults: 5, 10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=src/test/bench/bench-lib.sh
. src/test/bench/bench-lib.sh
old=$(realpath "$1")
new=$(realpath "$2")
runs=${3:-5}
n=${4:-10000}
launcher=$PWD/src/deb/lvs-wizard.sh
old_launcher=$(realpath "${OLD_LAUNCHER:-$launcher}")
[ -x /usr/bin/time ] || { echo "missing GNU time: apt-get install time" >&2; exit 2; }
for jar in "$old" "$new"; do
    # the launcher builds its archive from the class list beside the jar (mvn package puts it there)
    [ -f "${jar%/*}/lvs-wizard.classlist" ] || { echo "no lvs-wizard.classlist beside $jar: use a build's target/ jar" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each build through the launcher with its class-data archive: the launcher keeps one archive per
# user (it removes another jar's), so alternating two jars in one cache would time both without
# one while a rebuild runs. Run as root, both go through the launcher as nobody, each with its own
# cache directory, built before the first timed run.
as=()
if [ "$(id -u)" = 0 ]; then
    chmod 755 "$work"
    as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
mkdir -p "$work/cache-old" "$work/cache-new" "$work/outs"
[ ${#as[@]} -eq 0 ] || chown nobody "$work/cache-old" "$work/cache-new" "$work/outs"
run_old=("${as[@]}" env XDG_CACHE_HOME="$work/cache-old" HOME="$work" LVS_WIZARD_JAR="$old" sh "$old_launcher")
run_new=("${as[@]}" env XDG_CACHE_HOME="$work/cache-new" HOME="$work" LVS_WIZARD_JAR="$new" sh "$launcher")
for which in old new; do
    if [ "$which" = old ]; then "${run_old[@]}" --version >/dev/null; else "${run_new[@]}" --version >/dev/null; fi
    sleep 1
    flock "$work/cache-$which/lvs-wizard/.lock" true
    ls "$work/cache-$which"/lvs-wizard/*.jsa >/dev/null || { echo "no class-data archive for the $which build" >&2; exit 1; }
done

bench_floor "$work"
commands=(validate generate monitor)
if [ "$n" = seed ]; then
    cp examples/seed-dr.json "$work/cluster.json"
    commands=(validate generate)
else
    bench_cluster "$n" >"$work/cluster.json"
    bench_listings "$work" "$n"
fi

# one LABEL COMMAND...: appends "SECONDS CPU-SECONDS KIB" of one run to $work/LABEL ({OUT}: a new directory)
fresh=0
one() {
    local label=$1 a args=()
    shift
    fresh=$((fresh + 1))
    for a in "$@"; do args+=("${a//\{OUT\}/$work/outs/out-$fresh}"); done
    PATH=$work/bin:$PATH bench_time "$work/t" "${args[@]}" || { cat "$work/t.err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >>"$work/$label"
    # kept until the end: deleting 20,000 files makes ext4 slow to create the next run's for a while
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { awk -v c="$2" '{ print $c }' "$work/$1" | median; }

for ((i = 0; i < runs; i++)); do
    for what in "${commands[@]}"; do
        case $what in
            validate) args=(validate --config "$work/cluster.json") ;;
            generate) args=(generate --config "$work/cluster.json" --out "{OUT}") ;;
            monitor) args=(monitor --once) ;;
        esac
        one "floor-$what" java -cp "$work" Hello
        one "old-$what" "${run_old[@]}" "${args[@]}"
        one "new-$what" "${run_new[@]}" "${args[@]}"
    done
done

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F), load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| through the launcher, $([ "$n" = seed ] && echo "the how-to's example" || echo "$n real servers") | floor | before: wall, CPU, peak RSS | after: wall, CPU, peak RSS | wall ratio to the floor, before → after |"
echo "|---|---|---|---|---|"
for what in "${commands[@]}"; do
    f=$(column "floor-$what" 1)
    awk -v w="$what" -v f="$f" -v ow="$(column "old-$what" 1)" -v oc="$(column "old-$what" 2)" \
        -v om="$(column "old-$what" 3)" -v nw="$(column "new-$what" 1)" -v nc="$(column "new-$what" 2)" \
        -v nm="$(column "new-$what" 3)" 'BEGIN {
        printf "| %s | %.0f ms | %.3f s, %.2f s, %d MiB | %.3f s, %.2f s, %d MiB | %.1f× → %.1f× |\n",
            w, f * 1000, ow, oc, om / 1024, nw, nc, nm / 1024, ow / f, nw / f }'
done
echo
echo "(medians of $runs runs; CPU is user + system time of the process and its children)"
