# shellcheck shell=bash
# guest-lib.sh - helpers for the lab VM's scenarios (sourced by /init inside the guest).
#
# Output protocol (read by people and by lab-vm.sh):
#   CHECK <name> PASS|FAIL <detail>        a check that counts for the verdict
#   NEGCHECK <name> PASS|FAIL <detail>     a check inside a negative control (a FAIL is wanted)
#   NEGATIVE <name> DETECTED|MISSED        the outcome of a negative control
#   LAB_RESULT key=value ...               the numbers of a scenario
#   LAB_VERDICT PASS|FAIL                  last line: PASS iff every CHECK passed, at least one
#                                          did, and every negative control was DETECTED
#   [ns] ...                               output of a generated script run in namespace ns
#   LAB ...                                information

LAB_MODE=normal             # normal | negative
LAB_CHECKS_PASSED=0
LAB_CHECKS_FAILED=0
LAB_FAILED_NAMES=
LAB_NEG_FAILS=0             # NEGCHECK failures inside the current negative control
LAB_NEG_NAME=
LAB_NEG_DETECTED=0
LAB_NEG_MISSED=0
LAB_NEG_EXPECTED=0          # a scenario sets how many negative controls it runs
LAB_PORT_COUNT=0
LAB_SCRIPT_TIMEOUT=${LAB_SCRIPT_TIMEOUT:-120}
declare -A LAB_NS_IFS=()    # namespace -> its interfaces (besides lo)

# log MSG: an information line with the guest's uptime (bash builtins only: every process
# started costs ~0.1 s under TCG)
log() { local up _; read -r up _ < /proc/uptime; echo "LAB [${up}s] $*"; }

# nsx NS CMD...: run CMD inside network namespace NS
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

lab_poweroff() {
  sync
  poweroff -f
  sleep 5
  echo o > /proc/sysrq-trigger
  sleep 30
}

# lab_fatal MSG: the harness itself cannot go on (topology broken...): verdict FAIL, power off
lab_fatal() {
  echo "CHECK harness FAIL $*"
  dmesg | tail -30 | sed 's/^/LAB dmesg: /'
  LAB_CHECKS_FAILED=$((LAB_CHECKS_FAILED + 1))
  echo "LAB_VERDICT FAIL"
  lab_poweroff
}

# check NAME RC DETAIL...: RC 0 means PASS
check() {
  local name=$1 rc=$2 res=PASS
  shift 2
  [ "$rc" = 0 ] || res=FAIL
  if [ "$LAB_MODE" = negative ]; then
    echo "NEGCHECK $name $res $*"
    [ $res = PASS ] || LAB_NEG_FAILS=$((LAB_NEG_FAILS + 1))
  else
    echo "CHECK $name $res $*"
    if [ $res = PASS ]; then
      LAB_CHECKS_PASSED=$((LAB_CHECKS_PASSED + 1))
    else
      LAB_CHECKS_FAILED=$((LAB_CHECKS_FAILED + 1))
      LAB_FAILED_NAMES="$LAB_FAILED_NAMES $name"
    fi
  fi
}

# negative_begin NAME / negative_end: checks in between are NEGCHECKs; at least one of them
# must FAIL for the control to count as DETECTED
negative_begin() {
  LAB_MODE=negative LAB_NEG_NAME=$1 LAB_NEG_FAILS=0
  log "negative control $1: begin (failing checks are expected now)"
}
negative_end() {
  LAB_MODE=normal
  if [ "$LAB_NEG_FAILS" -gt 0 ]; then
    echo "NEGATIVE $LAB_NEG_NAME DETECTED"
    LAB_NEG_DETECTED=$((LAB_NEG_DETECTED + 1))
  else
    echo "NEGATIVE $LAB_NEG_NAME MISSED"
    LAB_NEG_MISSED=$((LAB_NEG_MISSED + 1))
  fi
}

lab_verdict() {
  echo "LAB_SUMMARY checks_passed=$LAB_CHECKS_PASSED checks_failed=$LAB_CHECKS_FAILED" \
       "negatives_detected=$LAB_NEG_DETECTED negatives_missed=$LAB_NEG_MISSED" \
       "negatives_expected=$LAB_NEG_EXPECTED${LAB_FAILED_NAMES:+ failed:$LAB_FAILED_NAMES}"
  if [ "$LAB_CHECKS_FAILED" = 0 ] && [ "$LAB_CHECKS_PASSED" -gt 0 ] &&
     [ "$LAB_NEG_MISSED" = 0 ] && [ "$LAB_NEG_DETECTED" = "$LAB_NEG_EXPECTED" ]; then
    echo "LAB_VERDICT PASS"
  else
    echo "LAB_VERDICT FAIL"
  fi
}

lab_tools_info() {
  local t paths=() names=(bash ip ipvsadm ifconfig route modprobe sysctl iptables timeout awk sed grep id httpd wget arping)
  for t in "${names[@]}"; do t=$(type -P "$t"); paths+=("${t:-/MISSING}"); done
  paste -d= <(printf '%s\n' "${names[@]}") <(readlink -f "${paths[@]}" | sed 's|.*/busybox$|busybox|') |
    tr '\n' ' ' | sed 's/^/LAB tools: /'
  echo
  log "iptables: $(iptables -V 2>&1); mangle table: $(iptables -t mangle -S 2>&1 | tr '\n' ' ')"
}

# ------------------------------------------------------------------------------- topology
# lab_bridge NAME: an L2 segment (a bridge in the VM's root namespace)
lab_bridge() {
  ip link add "$1" type bridge || lab_fatal "bridge $1"
  ip link set "$1" up
}

# lab_ns NS: a namespace with lo up; IPv6 DAD off (addresses are usable at once, and snapshots
# of `ip addr` never catch a "tentative" flag)
lab_ns() {
  ip netns add "$1" || lab_fatal "netns $1"
  nsx "$1" ip link set lo up
  nsx "$1" sysctl -q -w net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0 >/dev/null
  LAB_NS_IFS[$1]=
}

# lab_port NS IFACE BRIDGE: a veth pair, IFACE inside NS, the other end a port of BRIDGE.
# MACs are fixed (02:1a:00:00:NN:01, NN = port number) so logs compare across runs.
lab_port() {
  local ns=$1 ifc=$2 br=$3 host mac
  LAB_PORT_COUNT=$((LAB_PORT_COUNT + 1))
  host=v${LAB_PORT_COUNT}-${ns:0:6}-${ifc:0:4}
  mac=$(printf '02:1a:00:00:%02x:01' "$LAB_PORT_COUNT")
  ip link add "$host" type veth peer name "$ifc" netns "$ns" || lab_fatal "veth $ns/$ifc"
  nsx "$ns" ip link set "$ifc" address "$mac"
  ip link set "$host" master "$br" up
  nsx "$ns" ip link set "$ifc" up
  LAB_NS_IFS[$ns]="${LAB_NS_IFS[$ns]} $ifc"
}

# mac_of NS IFACE
mac_of() { nsx "$1" cat "/sys/class/net/$2/address"; }

# ------------------------------------------------------------------------------- scripts
# lab_run NS SCRIPT ARG: run /lab/SCRIPT ARG with bash in NS (bounded), its output prefixed
# with [NS]; returns the script's exit code
lab_run() {
  local ns=$1 script=$2 arg=$3 out rc
  out=/tmp/lab-run.out
  timeout "$LAB_SCRIPT_TIMEOUT" ip netns exec "$ns" bash "/lab/$script" "$arg" > "$out" 2>&1 < /dev/null
  rc=$?
  sed "s/^/[$ns] /" "$out"
  echo "[$ns] ($script $arg: exit $rc)"
  return $rc
}

# ------------------------------------------------------------------------------- snapshots
# snapshot LABEL NS...: /tmp/snap/LABEL/NS.{addr,route,sysctl,ipvs}
#   addr   `ip -o addr` (lifetimes, link-local IPv6 and DAD flags dropped)
#   route  `ip route`, `ip -6 route`, `ip rule`, `ip -6 rule`
#   sysctl ip_forward and net.ipv4.conf.{all,default,lo,<ns interfaces>}.{arp_ignore,arp_announce,rp_filter}
#   ipvs   `ipvsadm -S -n`, only once ip_vs is loaded (ipvsadm would load it itself otherwise)
snapshot() {
  local label=$1 ns d keys k p
  shift
  d=/tmp/snap/$label
  mkdir -p "$d"
  for ns in "$@"; do
    keys="net.ipv4.ip_forward net.ipv6.conf.all.forwarding"
    for k in all default lo ${LAB_NS_IFS[$ns]}; do
      for p in arp_ignore arp_announce rp_filter; do keys="$keys net.ipv4.conf.$k.$p"; done
    done
    # one `ip netns exec` per namespace: each costs noticeable time under TCG
    # shellcheck disable=SC2016,SC2086
    nsx "$ns" bash -c '
      f=$1; shift
      ip -o addr show | sed -e "s/\\\\ .*//" -e "s/ tentative//; s/ optimistic//" |
        grep -v " inet6 fe80::" > "$f.addr"
      { ip route show; ip -6 route show; ip rule show; ip -6 rule show; } > "$f.route" 2>&1
      sysctl "$@" > "$f.sysctl" 2>&1
      if [ -e /proc/net/ip_vs ]; then ipvsadm -S -n; fi > "$f.ipvs" 2>&1
    ' snapshot "$d/$ns" $keys
  done
}

# snapshot_show LABEL NS...: the snapshot, one information line per namespace and kind
snapshot_show() {
  local label=$1 ns files=()
  shift
  for ns in "$@"; do files+=("/tmp/snap/$label/$ns".{addr,route,sysctl,ipvs}); done
  awk -v label="$label" '
    FNR == 1 && NR > 1 && line != "" { print line; line = "" }
    FNR == 1 { n = split(FILENAME, p, "/"); split(p[n], q, "."); line = "LAB state " label " " q[1] " " q[2] ":" }
    { sub(/^[0-9]+: /, ""); sub(/^net\.ipv4\.conf\./, ""); sub(/ = /, "="); gsub(/[ \t]+/, " "); line = line " " $0 ";" }
    END { if (line != "") print line }' "${files[@]}"
}

# snap_diff A B KIND NS...: prints nothing and returns 0 when snapshots A and B agree,
# else one compact line of differences ("ns.kind: -old +new; ...") and returns 1
snap_diff() {
  local a=$1 b=$2 kind=$3 ns out='' d
  shift 3
  for ns in "$@"; do
    # unified format: the only one busybox diff knows (GNU diff is in the guest too)
    d=$(diff -U0 "/tmp/snap/$a/$ns.$kind" "/tmp/snap/$b/$ns.$kind" | sed '1,2d' | grep '^[-+]' |
        tr -s ' \t' ' ' | tr '\n' ';')
    [ -z "$d" ] || out="$out $ns.$kind: $d"
  done
  [ -z "$out" ] && return 0
  echo "${out# }" | cut -c1-600
  return 1
}

# apply_sysctl_snapshot LABEL NS: set NS's sysctls back to what snapshot LABEL recorded
apply_sysctl_snapshot() {
  # shellcheck disable=SC2046
  nsx "$2" sysctl -q -w $(sed -n 's/^\([^ ]*\) = \(.*\)$/\1=\2/p' "/tmp/snap/$1/$2.sysctl") >/dev/null
}

# ------------------------------------------------------------------------------- traffic
# fetch NS N URL: N sequential HTTP GETs from NS, one output line per request: the first line of
# the body, or FAIL. Each is bounded by `timeout 5` (busybox 1.35 `wget -T` crashes); after 3
# failures the remaining requests are counted as FAIL at once.
fetch() {
  # shellcheck disable=SC2016  # the script runs in the namespace's own bash
  nsx "$1" bash -c '
    fails=0
    for ((i = 0; i < $1; i++)); do
      if [ $fails -ge 3 ]; then echo FAIL; continue; fi
      if body=$(timeout 5 wget -q -O - "$2" 2>/dev/null) && [ -n "$body" ]; then
        head -n 1 <<< "$body"
      else
        echo FAIL; fails=$((fails + 1))
      fi
    done' fetch "$2" "$3"
}

# arp_responders NS IFACE IP: the MACs (lower case, sorted, one a line) that answered 3
# broadcast ARP requests for IP (busybox arping; -b: keep broadcasting, so every host that
# would answer does; the raw replies are logged)
arp_responders() {
  local out
  out=$(nsx "$1" arping -b -c 3 -w 4 -I "$2" "$3" 2>&1)
  echo "$out" | grep -i 'reply' | sed "s/^/LAB arping($1): /" >&2
  echo "$out" | sed -n 's/.*[Rr]eply from [^[]*\[\([0-9A-Fa-f:]*\)\].*/\1/p' | tr 'A-F' 'a-f' | sort -u
}

# neigh_mac NS IP: the lladdr of NS's neighbour entry for IP (empty when none)
neigh_mac() { nsx "$1" ip neigh show "$2" | sed -n 's/.*lladdr \([0-9a-f:]*\).*/\1/p' | head -1; }

# ipvs_stats NS: "CONNS INPKTS OUTPKTS" of the first virtual service (exact counters). The
# kernel's estimator copies per-CPU counters every 2 s: sleep before calling this.
ipvs_stats() {
  nsx "$1" ipvsadm -L -n --stats --exact 2>/dev/null |
    awk '$1=="TCP"||$1=="UDP"||$1=="FWM"||$1=="SCTP" {print $3, $4, $5; f=1; exit} END {if (!f) print "0 0 0"}'
}
