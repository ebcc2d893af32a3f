# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# start-bench - how long the generated director's `start` takes against a bare `ipvsadm -R` of
# the same rules, for N = 10, 1,000 and 10,000 real servers (issue 11, "Speed": start within
# 1.2x of ipvsadm -R at 10,000, the script's own checks included). Not part of the test suite
# (it is a benchmark, and slow under emulation). Run it through the host-side wrapper, which
# generates the three clusters with the jar first:
#
#   bash src/test/bench/start-bench.sh
#
# The scripts it needs (--scripts DIR): director-N.sh and ipvsadm-N.rules, the director.sh and
# ipvsadm.rules that `lvs-wizard generate` wrote for the cluster of src/test/bench/start-bench.sh
# with N real servers (one wlc DR service, VIP 192.168.101.168/24 on eth1, DIP 10.0.0.1/8 on
# eth0, default gateway 192.168.101.254).
#
# Topology: one namespace `director` with eth0 (10.0.0.1/8, the DIP director.sh requires) and
# eth1 (no address: start adds the VIP and the default route), both ports of bridge lan0.
# For each N, three rounds, interleaved: (a) a clean table (`director.sh stop`, `ipvsadm -C`,
# not timed), then `ipvsadm -R < ipvsadm-N.rules` timed; (b) `ipvsadm -C` (not timed), then
# `bash director-N.sh start` timed (all of it: preflight, checks, VIP, route, the rules, the
# gratuitous ARP, the listing it prints). Times are taken inside the namespace with bash's
# EPOCHREALTIME around the one command (no `ip netns exec` in them).
# Prints LAB_RESULT start n=N restore_ms=MEDIAN start_ms=MEDIAN ratio=START/RESTORE, plus the
# three runs of each. Checks: every run exits 0, all six runs leave the same table
# (`ipvsadm -S -n | sort | md5sum`, N+1 lines), and the last stop empties it. Then, at the
# largest N, one more start under `bash -x` with a timestamp per traced line: LAB_RESULT
# profile lines name the script lines where the time goes (LAB_RESULT profile-step ...).
LAB_SCRIPTS="director-10.sh ipvsadm-10.rules director-1000.sh ipvsadm-1000.rules director-10000.sh ipvsadm-10000.rules"
LAB_EXTRA_MODULES=""

START_BENCH_SIZES="10 1000 10000"
START_BENCH_ROUNDS=3

# sb_timed OUT CMD...: run CMD (a command line for bash -c, $1... = the rest) in the director
# namespace, its output to OUT; prints "RC MS" (elapsed milliseconds of CMD alone)
sb_timed() {
  local out=$1
  shift
  # shellcheck disable=SC2016  # expands in the namespace's bash
  timeout 900 ip netns exec director bash -c '
    out=$1; cmd=$2; shift 2
    s=$EPOCHREALTIME
    eval "$cmd" > "$out" 2>&1 < /dev/null
    rc=$?
    e=$EPOCHREALTIME
    echo "$rc $(( (${e/./} - ${s/./}) / 1000 ))"' sb_timed "$out" "$@"
}

# sb_table: digest and line count of the director's IPVS table (order-free)
sb_table() {
  # shellcheck disable=SC2016  # expands in the namespace's bash
  nsx director bash -c 'ipvsadm -S -n | sort > /tmp/sb-table; echo "$(md5sum < /tmp/sb-table | cut -c1-12) $(wc -l < /tmp/sb-table)"'
}

# sb_clean N: the director stopped (its journal undone) and the table empty, not timed
sb_clean() {
  nsx director bash "/lab/director-$1.sh" stop > /tmp/sb-stop.out 2>&1 < /dev/null
  nsx director ipvsadm -C
}

sb_median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# sb_profile N: one more start of director-N.sh under bash -x, every traced line stamped with
# EPOCHREALTIME; the time until the next traced line is charged to the line (function:LINENO of
# director-N.sh, and the command's first word). Prints the total and the heaviest lines.
sb_profile() {
  local n=$1 rc
  sb_clean "$n"
  # PS4 is not taken from the environment when bash runs as root: set it in the shell that sources the script
  # shellcheck disable=SC2016
  timeout 900 ip netns exec director bash -c \
    'PS4='\''+ $EPOCHREALTIME ${FUNCNAME[0]:-main}:$LINENO '\''; set -x; . "$0" start; : end' "/lab/director-$n.sh" \
    > /tmp/sb-profile.out 2> /tmp/sb-profile.trace < /dev/null
  rc=$?
  log "profile: director-$n.sh start under bash -x: exit $rc, $(wc -l < /tmp/sb-profile.trace) trace lines"
  awk -v n="$n" '
    $1 ~ /^\++$/ && $2 ~ /^[0-9]+\.[0-9]+$/ {
      t = $2; sub(/\./, "", t); t += 0
      if (have) { d = t - pt; if (!(pk in sum)) keys++; sum[pk] += d; cnt[pk]++; total += d }
      w = $4; sub(/=.*/, "=", w); have = 1; pt = t; pk = $3 "," w
      if (!(pk in txt)) { c = $0; sub(/^\++ [^ ]+ [^ ]+ /, "", c); gsub(/[ \t]+/, " ", c); txt[pk] = substr(c, 1, 90) }
    }
    END {
      printf "LAB_RESULT profile n=%d traced_ms=%d lines=%d\n", n, total / 1000, keys
      for (k in sum) printf "%d %s %d %s\n", sum[k], k, cnt[k], txt[k] | "sort -rn | head -12 > /tmp/sb-top"
      close("sort -rn | head -12 > /tmp/sb-top")
      while ((getline l < "/tmp/sb-top") > 0) {
        split(l, f, " "); c = l; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", c)
        printf "LAB_RESULT profile-step n=%d line=%s ms=%d times=%d cmd=%s\n", n, f[2], f[1] / 1000, f[3], c
      }
    }' /tmp/sb-profile.trace
  sb_clean "$n"
}

scenario_run() {
  local n r rc ms tab ref ok restores starts rest_med start_med a b out
  lab_bridge lan0
  lab_ns director
  lab_port director eth0 lan0
  lab_port director eth1 lan0
  nsx director ip addr add 10.0.0.1/8 dev eth0 || lab_fatal "DIP 10.0.0.1/8 on eth0"
  nsx director modprobe ip_vs || lab_fatal "modprobe ip_vs"
  nsx director modprobe ip_vs_wlc || lab_fatal "modprobe ip_vs_wlc"
  log "director: eth0 10.0.0.1/8, eth1 without address, on lan0; $(nproc) CPU, loadavg $(cat /proc/loadavg)"
  for n in $START_BENCH_SIZES; do
    restores=() starts=() ref='' ok=0
    for ((r = 1; r <= START_BENCH_ROUNDS; r++)); do
      # (a) a bare ipvsadm -R of the generated rules, on a clean table
      sb_clean "$n"
      # shellcheck disable=SC2016  # $1 expands in sb_timed's bash
      read -r rc ms <<< "$(sb_timed /tmp/sb-restore.out 'ipvsadm -R < "$1"' "/lab/ipvsadm-$n.rules")"
      tab=$(sb_table)
      [ "$rc" = 0 ] || { ok=1; sed 's/^/  restore: /' /tmp/sb-restore.out | head -5; }
      restores+=("$ms")
      [ -n "$ref" ] || ref=$tab
      [ "$tab" = "$ref" ] || ok=1
      log "n=$n round $r: ipvsadm -R exit $rc, ${ms} ms, table $tab"
      # (b) the generated director's start, on a clean table
      nsx director ipvsadm -C
      # shellcheck disable=SC2016  # $1 expands in sb_timed's bash
      read -r rc ms <<< "$(sb_timed /tmp/sb-start.out 'bash "$1" start' "/lab/director-$n.sh")"
      tab=$(sb_table)
      [ "$rc" = 0 ] || { ok=1; sed 's/^/  start: /' /tmp/sb-start.out | head -20; }
      starts+=("$ms")
      [ "$tab" = "$ref" ] || ok=1
      log "n=$n round $r: director-$n.sh start exit $rc, ${ms} ms, table $tab, output $(wc -l < /tmp/sb-start.out) lines: $(grep -v '^ *->\|^TCP\|^UDP\|^IP Virtual\|^Prot' /tmp/sb-start.out | tr '\n' ' ' | cut -c1-200)"
    done
    [ "$ok" = 0 ] && [ "${ref#* }" = $((n + 1)) ]
    check "same-table-$n" $? "ipvsadm -R and director-$n.sh start exit 0 and leave the same table in all $START_BENCH_ROUNDS rounds: $ref (digest, lines; expected $((n + 1)) lines)"
    sb_clean "$n"
    tab=$(sb_table)
    [ "${tab#* }" = 0 ] && ! nsx director ip -o addr show dev eth1 | grep -q 192.168.101.168
    check "stop-cleans-$n" $? "after director-$n.sh stop: table $tab, VIP on eth1: $(nsx director ip -o addr show dev eth1 | grep -c 192.168.101.168)"
    rest_med=$(sb_median "${restores[@]}")
    start_med=$(sb_median "${starts[@]}")
    a=$(IFS=,; echo "${restores[*]}")
    b=$(IFS=,; echo "${starts[*]}")
    out=$(awk -v s="$start_med" -v r="$rest_med" 'BEGIN { printf "%.2f", (r > 0 ? s / r : 0) }')
    echo "LAB_RESULT start n=$n restore_ms=$rest_med start_ms=$start_med ratio=$out restore_runs=$a start_runs=$b"
  done
  # where the time goes at the largest N
  sb_profile "${START_BENCH_SIZES##* }"
}
