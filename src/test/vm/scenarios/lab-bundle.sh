# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# lab-bundle - the exported lab bundles (lvs-wizard lab export) run on the real kernel: for each
# configuration in lab-bundles.tar, `lab.sh up`, `lab.sh test` (the traffic must be as the
# scheduler and weights predict, the VIP must resolve to the director, DR/TUN replies must bypass
# it and NAT replies must not), `lab.sh down`, and the VM's own interfaces, routes and sysctls
# must be exactly as before. Negative controls: DR on one segment without the ARP fix, NAT
# without the real servers' gateway change; `test` must fail for both. A lab left behind (up
# twice without down) is removed by the next up. "schedulers" (src/test/resources/lab/) has rr over
# three equal servers (even split), rr with a weight-0 server (quiesced), and sh (one server).
LAB_SCRIPTS="lab-bundles.tar"
LAB_EXTRA_MODULES=""

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

scenario_run() {
  local name rc d t0 t_up t_test t_down
  mkdir -p /tmp/bundles
  tar -xf /lab/lab-bundles.tar -C /tmp/bundles || lab_fatal "cannot unpack the bundles"
  # one negative control rides on each of these bundles
  LAB_NEG_EXPECTED=$(grep -cxE 'fwmark-https|nat-portmap' /tmp/bundles/order)
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
      nat-portmap)
        negative_begin nat-without-gateway
        for rs in app1 app2 app3; do ip netns exec "lvsw-$rs" ip route del default; done
        bundle_run "$name" test 6
        check lab-test-passes $? "lab.sh test without the real servers' default route via the DIP"
        negative_end
        ;;
    esac
    if [ "$name" = seed-dr ]; then
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
