# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# lab-bundle - the exported lab bundles (lvs-wizard lab export) run on the real kernel: for each
# configuration in lab-bundles.tar, `lab.sh up`, `lab.sh test` (the traffic must be as the
# scheduler and weights predict, the VIP must resolve to the director, DR/TUN replies must bypass
# it and NAT replies must not), `lab.sh down`, and the VM's own interfaces, routes and sysctls
# must be exactly as before. Negative controls: DR on one segment without the ARP fix, NAT
# without the real servers' gateway change; `test` must fail for both. A lab left behind (up
# twice without down) is removed by the next up. "schedulers" (src/test/resources/lab/) has rr over
# three equal servers (even split), rr with a weight-0 server (quiesced), and sh (one server).
# The pairs of directors (ha-dr, ha-nat) run `lab.sh failover` (links down; keepalived stopped),
# then `lab.sh test` through whichever director is master; negative control: ha-dr without the
# connection sync daemon loses the connection opened before the failover.
LAB_SCRIPTS="lab-bundles.tar"
LAB_EXTRA_MODULES="ip6_gre"

# host_state FILE: what the lab must not change in the VM's own namespace. Loading a tunnel module
# (ipip for TUN) makes the kernel add its fallback device (tunl0, down) to every namespace; that
# is the kernel's doing, not the lab's, so those devices are left out.
host_state() {
  { ip -o link show | sed 's/^[0-9]*: //; s/ link\/.*//' \
      | grep -Ev '^(tunl0|sit0|ip6tnl0|gre0|gretap0|erspan0|ip6gre0|ip_vti0|ip6_vti0)@'
    ip route show; ip -6 route show
    sysctl net.ipv4.ip_forward net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce \
      net.ipv4.conf.all.rp_filter; } > "$1" 2>&1
}

# bundle_run NAME ACTION...: lab.sh of bundle NAME, output prefixed [NAME]
bundle_run() {
  local name=$1 rc
  shift
  timeout 300 bash "/tmp/bundles/$name/lab.sh" "$@" > /tmp/bundle.out 2>&1 < /dev/null
  rc=$?
  sed "s/^/[$name] /" /tmp/bundle.out
  return $rc
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- keepalived (the bundles of configurations with health checks run it in the director) ------
# web_stop NS / web_start NS NAME PORT...: a real server's web servers die / come back
web_stop() {
  local pids
  pids=$(ip netns pids "$1" | tr '\n' ' ')
  # shellcheck disable=SC2086  # a list of pids
  [ -z "$pids" ] || kill $pids
  sleep 0.3
}
web_start() {
  local ns=$1 name=$2 port
  shift 2
  for port in "$@"; do
    nsx "$ns" busybox httpd -p "$port" -h "/run/lvs-wizard-lab/www/$name"
  done
}

# member_weight NS SELECTOR... ADDRESS: the weight IPVS has for ADDRESS, or "absent"
member_weight() {
  local ns=$1 addr=${*: -1}
  nsx "$ns" ipvsadm -L -n "${@:2:$#-2}" | awk -v a="$addr" '$1 == "->" && $2 == a { w = $4 } END { print (w == "" ? "absent" : w) }'
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds (0) or SECONDS pass (1)
wait_for() {
  local end=$(( $(now_ms) + $1 * 1000 ))
  shift
  until "$@"; do
    [ "$(now_ms)" -lt "$end" ] || return 1
    sleep 0.2
  done
}
is_absent() { [ "$(member_weight lvsw-director -t 192.168.101.168:80 "$1")" = absent ]; }
is_present() { ! is_absent "$1"; }
sorry_in_use() { [ "$(member_weight lvsw-director -t 192.168.101.168:80 10.10.20.100:8080)" != absent ]; }
only_sorry() { sorry_in_use && is_absent 10.10.20.11:8080 && is_absent 10.10.20.12:8080 && is_absent 10.10.20.13:8080; }
rs1_weight_is() { [ "$(member_weight lvsw-director -f 1 10.10.10.11:0)" = "$1" ]; }
fetch_nat() { nsx lvsw-client timeout 3 wget -q -O - http://192.168.101.168/ 2>/dev/null | head -n 1; }

# nat-portmap: an HTTP check of /health every 5 s, down after 3 failed (retry 2, 5 s apart), a
# sorry server at 10.10.20.100:8080. A dead real server must stop getting requests within
# interval x retries + one interval (20 s), nothing may fail after keepalived removed it, it must
# come back when its web server does, and with every real server down the sorry server answers.
keepalived_nat() {
  local t_kill t body last_bad=0 removed='' answered=0 failed=0 app1=0 i
  bundle_run nat-portmap health
  check keepalived-health-up $? "lab.sh health with every web server running"
  grep -qE '^  app1 +10\.10\.20\.11:8080 +up \(weight 1\)' /tmp/bundle.out
  check keepalived-health-reported $? "lab.sh health names app1 up"
  web_stop lvsw-app1
  t_kill=$(now_ms)
  while [ $(( $(now_ms) - t_kill )) -lt 40000 ]; do
    t=$(now_ms)
    body=$(fetch_nat)
    if [ -z "$body" ] || [ "$body" = app1 ]; then last_bad=$t; fi
    if [ -z "$removed" ] && is_absent 10.10.20.11:8080; then removed=$(now_ms); fi
    if [ -n "$removed" ] && [ $(( $(now_ms) - removed )) -gt 3000 ]; then break; fi
    sleep 0.1
  done
  echo "LAB_RESULT keepalived-detection check=http interval_s=5 retries=3 floor_ms=10000 bound_ms=20000" \
       "last_failed_request_ms=$(( last_bad > 0 ? last_bad - t_kill : 0 ))" \
       "removed_from_ipvs_ms=$(( ${removed:-0} > 0 ? removed - t_kill : -1 ))"
  [ -n "$removed" ] && [ $(( removed - t_kill )) -le 20000 ]
  check keepalived-removes-dead-server $? "app1 left IPVS $(( ${removed:-0} - t_kill )) ms after its web server died (bound 20000)"
  [ $(( last_bad - t_kill )) -le 20000 ]
  check keepalived-no-request-to-dead-server-after-bound $? "last failed request $(( last_bad - t_kill )) ms after the death"
  for ((i = 0; i < 30; i++)); do
    body=$(fetch_nat)
    if [ -z "$body" ]; then failed=$((failed + 1)); else answered=$((answered + 1)); fi
    [ "$body" = app1 ] && app1=$((app1 + 1))
  done
  [ "$failed" = 0 ] && [ "$app1" = 0 ]
  check keepalived-others-answer-all $? "30 requests after the removal: $answered answered, $failed failed, $app1 by app1"
  bundle_run nat-portmap health
  grep -qE '^  app1 +10\.10\.20\.11:8080 +down: removed' /tmp/bundle.out
  check keepalived-health-shows-down $? "lab.sh health names app1 down"
  web_start lvsw-app1 app1 8080
  wait_for 20 is_present 10.10.20.11:8080
  check keepalived-brings-server-back $? "app1 back in IPVS after its web server started again"
  # wlc sends a returning server every new connection until its count catches up: it must get
  # requests again, and none may fail
  answered=0 failed=0 app1=0
  for ((i = 0; i < 30; i++)); do
    body=$(fetch_nat)
    if [ -z "$body" ]; then failed=$((failed + 1)); else answered=$((answered + 1)); fi
    [ "$body" = app1 ] && app1=$((app1 + 1))
  done
  [ "$failed" = 0 ] && [ "$app1" -gt 0 ]
  check keepalived-server-gets-requests-again $? "30 requests after app1 came back: $answered answered, $failed failed, $app1 by app1"
  web_stop lvsw-app1
  web_stop lvsw-app2
  web_stop lvsw-app3
  wait_for 30 only_sorry
  check keepalived-sorry-server-added $? "only the sorry server in IPVS with every real server down"
  body=$(fetch_nat)
  [ "$body" = sorry-server ]
  check keepalived-sorry-server-answers $? "with every real server down the answer is: ${body:-nothing}"
  for i in 1 2 3; do web_start "lvsw-app$i" "app$i" 8080; done
  wait_for 30 bundle_run nat-portmap health >/dev/null
  check keepalived-all-back $? "every real server back after their web servers started"
}

# fwmark-https: a TCP check of port 443 that quiesces: the failed server stays at weight 0
keepalived_quiesce() {
  local w
  web_stop lvsw-rs1
  wait_for 30 rs1_weight_is 0
  w=$(member_weight lvsw-director -f 1 10.10.10.11:0)
  check keepalived-inhibit-keeps-weight-0 $? "rs1 in fwmark 1 with its web servers dead: weight $w"
  bundle_run fwmark-https health
  grep -qE '^  rs1 +10\.10\.10\.11:0 +down: weight 0, not 1' /tmp/bundle.out
  check keepalived-health-shows-weight-0 $? "lab.sh health names rs1 at weight 0"
  web_start lvsw-rs1 rs1 80 443
  wait_for 30 rs1_weight_is 1
  check keepalived-quiesced-server-back $? "rs1 back at weight 1"
}

# pair_failover NAME HOW: lab.sh failover HOW on a pair's bundle (the gap, the long connection, the
# first director's return as configured), then lab.sh test through whichever director is master
# now: every request answered through it, NAT replies back through it (the floating gateway).
# The split is not checked there: the failover left connections in both tables, which wlc counts.
pair_failover() {
  local name=$1 how=$2 rc
  bundle_run "$name" failover "$how"
  rc=$?
  check "failover-$name" $rc "lab.sh failover $how: exit $rc"
  grep '^LAB_FAILOVER ' /tmp/bundle.out | sed "s/^LAB_FAILOVER/LAB_RESULT lab-failover bundle=$name/"
  bundle_run "$name" test > /dev/null
  grep -E '^VRRP: |answered|resolves to|replies' /tmp/bundle.out | sed "s/^/[$name] after the failover: /"
  grep -q '30 answered, 0 failed' /tmp/bundle.out && grep -q 'resolves to the director (.*): yes' /tmp/bundle.out &&
    grep -Eq 'replies (bypass the director|go back through the director) \((dr|nat)\): yes' /tmp/bundle.out
  check "test-after-failover-$name" $? "lab.sh test after the failover: every request answered through the master"
}

scenario_run() {
  local name rc d t0 t_up t_test t_down
  mkdir -p /tmp/bundles
  tar -xf /lab/lab-bundles.tar -C /tmp/bundles || lab_fatal "cannot unpack the bundles"
  # one negative control rides on each of these bundles
  LAB_NEG_EXPECTED=$(grep -cxE 'fwmark-https|nat-portmap|ha-dr' /tmp/bundles/order)
  host_state /tmp/host-before
  # the bundles to run, in order: the tar's "order" file (one name per line)
  local -a names
  mapfile -t names < /tmp/bundles/order
  for name in "${names[@]}"; do
    log "bundle $name"
    t0=$(now_ms)
    bundle_run "$name" up
    rc=$?
    t_up=$(( $(now_ms) - t0 ))
    check "up-$name" $rc "lab.sh up: exit $rc"
    t0=$(now_ms)
    bundle_run "$name" test
    rc=$?
    t_test=$(( $(now_ms) - t0 ))
    check "test-$name" $rc "lab.sh test: exit $rc, $(grep -c 'result: as configured' /tmp/bundle.out) port(s) as configured"
    case $name in
      nat-portmap) keepalived_nat ;;
      fwmark-https) keepalived_quiesce ;;
      ha-dr) pair_failover "$name" down ;;
      ha-nat) pair_failover "$name" stop ;;
    esac
    case $name in
      fwmark-https)
        negative_begin dr-without-arp-fix
        for rs in rs1 rs2; do
          ip netns exec "lvsw-$rs" sysctl -q -w net.ipv4.conf.all.arp_ignore=0 net.ipv4.conf.eth0.arp_ignore=0 \
            net.ipv4.conf.all.arp_announce=0 net.ipv4.conf.eth0.arp_announce=0
        done
        bundle_run "$name" test 10
        check lab-test-passes $? "lab.sh test without the ARP fix"
        negative_end
        ;;
      ha-dr)
        # without the sync daemon the new master does not know the connection opened before
        negative_begin failover-without-connection-sync
        sed -i '/lvs_sync_daemon/d' "/tmp/bundles/$name/scripts/"keepalived-*.conf
        bundle_run "$name" up > /dev/null
        bundle_run "$name" failover down
        check lab-failover-passes $? "lab.sh failover without lvs_sync_daemon in keepalived.conf"
        negative_end
        ;;
      nat-portmap)
        negative_begin nat-without-gateway
        for rs in app1 app2 app3; do ip netns exec "lvsw-$rs" ip route del default; done
        bundle_run "$name" test 6
        check lab-test-passes $? "lab.sh test without the real servers' default route via the DIP"
        negative_end
        ;;
    esac
    if [ "$name" = seed-dr ]; then
      # N requests other than the default: the expectations scale (20/10 of 30 are 8/4 of 12)
      bundle_run "$name" test 12
      rc=$?
      grep -Eq 'rs1 +[0-9]+ .*expected 8$' /tmp/bundle.out && grep -Eq 'rs2 +[0-9]+ .*expected 4$' /tmp/bundle.out
      check "test-n-scales-$name" $(( rc + $? )) "lab.sh test 12: exit $rc, expectations 8/4"
      bundle_run "$name" up
      rc=$?
      [ $rc = 0 ] && grep -q 'already here' /tmp/bundle.out
      check "up-again-removes-leftovers" $? "second up without down: exit $rc"
    fi
    t0=$(now_ms)
    bundle_run "$name" down
    rc=$?
    t_down=$(( $(now_ms) - t0 ))
    check "down-$name" $rc "lab.sh down: exit $rc"
    echo "LAB_RESULT lab-times bundle=$name up_ms=$t_up test_ms=$t_test down_ms=$t_down namespaces=$(grep -c '^    namespace ' "/tmp/bundles/$name/lab.sh")"
    [ -z "$(ip netns list)" ]
    check "down-leaves-no-namespace-$name" $? "namespaces left: $(ip netns list | tr '\n' ' ')"
    host_state /tmp/host-after
    d=$(diff /tmp/host-before /tmp/host-after | tr '\n' ';')
    [ -z "$d" ]
    check "host-untouched-$name" $? "changes in the VM's own namespace: ${d:-none}"
  done
}
