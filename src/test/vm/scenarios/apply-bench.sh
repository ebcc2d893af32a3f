# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# apply-bench - how long the kernel takes to get N real servers' rules: one ipvsadm process per
# rule (the seed how-to's way: ipvsadm -A, then ipvsadm -a per real server) against one
# ipvsadm -R reading the same rules (lvs-wizard's way), for N = 10, 1,000 and 10,000. Not part
# of the test suite (it is a benchmark, and slow under emulation):
#
#   bash src/test/vm/lab-vm.sh --scenario apply-bench --scripts /tmp
#
# Prints LAB_RESULT apply n=N per_rule_ms=... restore_ms=... rules=... per line; both ways must
# leave the same table (checked), else the numbers would compare different work.
LAB_SCRIPTS=""
LAB_EXTRA_MODULES=""

# rules N: the ipvsadm -R lines of one wlc service with N DR real servers on 10.0.0.0/16
bench_rules() {
  awk -v n="$1" 'BEGIN {
    print "-A -t 10.0.0.100:80 -s wlc"
    for (i = 0; i < n; i++) printf "-a -t 10.0.0.100:80 -r 10.0.%d.%d:80 -g -w %d\n", 1 + int(i / 250), 1 + i % 250, 1 + i % 3
  }'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

scenario_run() {
  local n t0 t1 per restore a b
  lab_ns director
  nsx director modprobe ip_vs
  nsx director modprobe ip_vs_wlc
  for n in 10 1000 10000; do
    bench_rules "$n" > "/tmp/rules-$n"
    nsx director ipvsadm -C
    t0=$(now_ms)
    # the seed's way: one process per line, as its init script does
    # shellcheck disable=SC2016  # $line expands in the namespace's bash
    nsx director bash -c 'while read -r line; do ipvsadm $line || exit 1; done' < "/tmp/rules-$n"
    t1=$(now_ms)
    per=$((t1 - t0))
    a=$(nsx director ipvsadm -S -n | md5sum)
    nsx director ipvsadm -C
    t0=$(now_ms)
    nsx director ipvsadm -R < "/tmp/rules-$n"
    t1=$(now_ms)
    restore=$((t1 - t0))
    b=$(nsx director ipvsadm -S -n | md5sum)
    [ "$a" = "$b" ] && [ "$(nsx director ipvsadm -S -n | wc -l)" = $((n + 1)) ]
    check "same-table-$n" $? "both ways leave the same $((n + 1)) rules"
    echo "LAB_RESULT apply n=$n per_rule_ms=$per restore_ms=$restore rules=$((n + 1))"
  done
  nsx director ipvsadm -C
}
