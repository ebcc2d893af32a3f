#!/bin/bash
# Benchmark: two builds side by side on a shared machine. Each run times the floor (a bare
# "java -cp DIR Hello"), then the older build, then the newer one, for validate, generate (into a
# fresh directory) and monitor --once (a stand-in ipvsadm printing listings of that size) with N
# real servers, all through the Debian launcher (src/deb/lvs-wizard.sh: C1, serial collector, no
# perf data). The three of a run are timed back to back, so that a load that comes and goes
# weighs on both builds alike. Wall time, CPU time (user + system, the children's included: GNU
# time's) and peak RSS; medians of RUNS. Needs GNU time.
# Usage: bash src/test/bench/before-after.sh OLD.jar NEW.jar [RUNS] [N]   (defaults: 5, 10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
old=$(realpath "$1")
new=$(realpath "$2")
runs=${3:-5}
n=${4:-10000}
launcher=$PWD/src/deb/lvs-wizard.sh
[ -x /usr/bin/time ] || { echo "missing GNU time: apt-get install time" >&2; exit 2; }
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
run_old=("${as[@]}" env XDG_CACHE_HOME="$work/cache-old" HOME="$work" LVS_WIZARD_JAR="$old" sh "$launcher")
run_new=("${as[@]}" env XDG_CACHE_HOME="$work/cache-new" HOME="$work" LVS_WIZARD_JAR="$new" sh "$launcher")
for which in old new; do
    if [ "$which" = old ]; then "${run_old[@]}" --version >/dev/null; else "${run_new[@]}" --version >/dev/null; fi
    sleep 1
    flock "$work/cache-$which/lvs-wizard/.lock" true
    ls "$work/cache-$which"/lvs-wizard/*.jsa >/dev/null || { echo "no class-data archive for the $which build" >&2; exit 1; }
done

printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
awk -v n="$n" 'BEGIN {
    printf "{\"version\":1,\"name\":\"bench\",\"director\":{\"dipInterface\":\"eth0\",\"dips\":[\"10.0.0.1/8\"],"
    printf "\"vipInterface\":\"eth0\",\"gateway\":\"10.0.0.254\",\"ntpServer\":\"10.0.0.1\"},\"realServers\":["
    for (i = 0; i < n; i++) printf "%s{\"name\":\"rs%d\",\"address\":\"10.%d.%d.%d/8\",\"interface\":\"eth0\",\"gateway\":\"10.0.0.254\"}", (i ? "," : ""), i, 1 + int(i / 62500), int(i / 250) % 250, 1 + i % 250
    printf "],\"services\":[{\"protocol\":\"tcp\",\"vip\":\"10.0.0.100/8\",\"port\":80,\"scheduler\":\"wlc\",\"backends\":["
    for (i = 0; i < n; i++) printf "%s{\"realServer\":\"rs%d\",\"weight\":%d,\"forwarding\":\"dr\"}", (i ? "," : ""), i, 1 + i % 3
    printf "]}]}\n"
}' >"$work/cluster.json"
# what ipvsadm -L -n, --stats --exact and --rate --exact print for that service, and a stand-in that prints it
mkdir -p "$work/bin"
awk -v n="$n" -v dir="$work" 'BEGIN {
    l = dir "/list.txt"; s = dir "/stats.txt"; r = dir "/rate.txt"
    print "IP Virtual Server version 1.2.1 (size=4096)" > l
    print "Prot LocalAddress:Port Scheduler Flags" > l
    print "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn" > l
    print "TCP  10.0.0.100:80 wlc" > l
    for (f = s; f != ""; f = (f == s ? r : "")) {
        print "IP Virtual Server version 1.2.1 (size=4096)" > f
        print "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes" > f
        print "  -> RemoteAddress:Port" > f
        printf "TCP  10.0.0.100:80 %18d %8d %8d %8d %8d\n", n * 30, n * 200, 0, n * 9000, 0 > f
    }
    for (i = 0; i < n; i++) {
        a = sprintf("10.%d.%d.%d:80", 1 + int(i / 62500), int(i / 250) % 250, 1 + i % 250)
        w = 1 + i % 3
        printf "  -> %-28s Route   %-6d %-10d %-10d\n", a, w, i % 7, 20 * w > l
        printf "  -> %-28s %8d %8d %8d %8d %8d\n", a, 10 * w, 66 * w, 0, 3000 * w, 0 > s
        printf "  -> %-28s %8d %8d %8d %8d %8d\n", a, w % 2, 7 * w, 0, 300 * w, 0 > r
    }
}'
cat >"$work/bin/ipvsadm" <<SH
#!/bin/sh
case "\$*" in
    *--stats*) exec cat "$work/stats.txt" ;;
    *--rate*) exec cat "$work/rate.txt" ;;
    *) exec cat "$work/list.txt" ;;
esac
SH
chmod +x "$work/bin/ipvsadm"

# one LABEL COMMAND...: appends "SECONDS CPU-SECONDS KIB" of one run to $work/LABEL ({OUT}: a new directory)
fresh=0
one() {
    local label=$1 a args=()
    shift
    fresh=$((fresh + 1))
    for a in "$@"; do args+=("${a//\{OUT\}/$work/outs/out-$fresh}"); done
    PATH=$work/bin:$PATH /usr/bin/time -o "$work/t" -f '%e %U %S %M' "${args[@]}" >/dev/null 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >>"$work/$label"
    # kept until the end: deleting 20,000 files makes ext4 slow to create the next run's for a while
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { awk -v c="$2" '{ print $c }' "$work/$1" | median; }

commands=(validate generate monitor)
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
echo "| through the launcher, $n real servers | floor | before: wall, CPU, peak RSS | after: wall, CPU, peak RSS | wall ratio to the floor, before → after |"
echo "|---|---|---|---|---|"
for what in "${commands[@]}"; do
    f=$(column "floor-$what" 1)
    awk -v w="$what" -v f="$f" -v ow="$(column "old-$what" 1)" -v oc="$(column "old-$what" 2)" \
        -v om="$(column "old-$what" 3)" -v nw="$(column "new-$what" 1)" -v nc="$(column "new-$what" 2)" \
        -v nm="$(column "new-$what" 3)" 'BEGIN {
        printf "| %s | %.0f ms | %.2f s, %.2f s, %d MiB | %.2f s, %.2f s, %d MiB | %.1f× → %.1f× |\n",
            w, f * 1000, ow, oc, om / 1024, nw, nc, nm / 1024, ow / f, nw / f }'
done
echo
echo "(medians of $runs runs; CPU is user + system time of the process and its children)"
