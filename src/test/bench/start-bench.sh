#!/bin/bash
# Benchmark (by hand, not part of the test suite): the generated director's `start` against a bare
# `ipvsadm -R` of the same rules on a real kernel IPVS (issue 11, "Speed": within 1.2x at 10,000
# real servers, the script's own checks included). Generates, with the built jar, one DR cluster
# per N = 10, 1,000 and 10,000 real servers (one wlc service, VIP 192.168.101.168/24 on the
# director's eth1, DIP 10.0.0.1/8 on eth0, real servers on 10.0.0.0/8), keeps each director.sh
# and ipvsadm.rules as director-N.sh and ipvsadm-N.rules, and boots the lab VM once with the
# scenario start-bench (src/test/vm/scenarios/start-bench.sh: three interleaved rounds per N,
# medians, table equality checked, then a bash -x profile of the largest start).
# Prints the VM's console, then its LAB_RESULT lines and the load average before and after.
# Usage: bash src/test/bench/start-bench.sh [--work DIR]
#   --work DIR  keep the VM's work files (console.log, initramfs) in DIR
# Env:  JAR         the jar to generate with (default target/lvs-wizard.jar: mvn -B package -DskipTests)
#       VM_TIMEOUT  seconds before the VM is killed (default here 1500: TCG emulation is slow)
# Needs: what src/test/vm/lab-vm.sh needs (root, or its packages installed); about 5-10 minutes
#        on 2 cores. Exit: lab-vm.sh's (0 when every check passed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
jar=${JAR:-$PWD/target/lvs-wizard.jar}
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
work_args=()
case ${1:-} in
    --work) work_args=(--work "${2:?--work needs a directory}") ;;
    '') ;;
    *) sed -n '/^# Usage:/,/^# Needs:/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cluster N: a DR cluster with N real servers in one wlc service; the director's interfaces are
# those of the scenario's director namespace (eth0 with the DIP, eth1 for the VIP)
cluster() {
    awk -v n="$1" 'BEGIN {
        printf "{\"version\":1,\"name\":\"bench\",\"director\":{\"name\":\"director\",\"dipInterface\":\"eth0\",\"dips\":[\"10.0.0.1/8\"],"
        printf "\"vipInterface\":\"eth1\",\"gateway\":\"192.168.101.254\",\"ntpServer\":\"10.0.0.1\"},\"realServers\":["
        for (i = 0; i < n; i++) printf "%s{\"name\":\"rs%d\",\"address\":\"10.%d.%d.%d/8\",\"interface\":\"eth0\",\"gateway\":\"10.0.0.254\"}", (i ? "," : ""), i, 1 + int(i / 62500), int(i / 250) % 250, 1 + i % 250
        printf "],\"services\":[{\"name\":\"web\",\"protocol\":\"tcp\",\"vip\":\"192.168.101.168/24\",\"port\":80,\"scheduler\":\"wlc\",\"backends\":["
        for (i = 0; i < n; i++) printf "%s{\"realServer\":\"rs%d\",\"weight\":%d,\"forwarding\":\"dr\"}", (i ? "," : ""), i, 1 + i % 3
        printf "]}]}\n"
    }'
}

mkdir "$tmp/scripts"
for n in 10 1000 10000; do
    cluster "$n" >"$tmp/rs$n.json"
    java -jar "$jar" generate --config "$tmp/rs$n.json" --out "$tmp/out$n" >/dev/null
    cp "$tmp/out$n/director.sh" "$tmp/scripts/director-$n.sh"
    cp "$tmp/out$n/ipvsadm.rules" "$tmp/scripts/ipvsadm-$n.rules"
    rm -rf "$tmp/out$n"                  # 2N files of real servers the scenario does not need
done
echo "generated: $(cd "$tmp/scripts" && wc -l ./* | sed '$d' | awk '{ printf "%s%s (%d lines)", sep, $2, $1; sep = ", " }' | sed 's|\./||g')"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rc=0
VM_TIMEOUT=${VM_TIMEOUT:-1500} bash src/test/vm/lab-vm.sh --scenario start-bench --scripts "$tmp/scripts" \
    "${work_args[@]}" 2>&1 | tee "$tmp/console" || rc=$?
echo
grep -a '^LAB_RESULT \|^CHECK \|^LAB_VERDICT ' "$tmp/console" || true
echo "load before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$rc"
