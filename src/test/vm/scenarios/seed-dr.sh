# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# seed-dr - the seed configuration (LVS-DR, wlc, two real servers with weights 2 and 1), run
# inside the lab VM. Sourced by /init (guest-init.sh) after guest-lib.sh; also read by lab-vm.sh
# on the host for LAB_SCRIPTS / LAB_EXTRA_MODULES, so it only defines variables and functions.
#
# Topology, everything on ONE L2 segment (bridge lan0), as in the original how-to:
#   client    eth0  192.168.101.253/24, 192.168.101.254/24 (the director's gateway: a "router")
#                   and 10.10.10.1/24 (the real servers' gateway)
#   director  eth0  10.10.10.10/24 (DIP); eth1 with no address (director.sh adds the VIP
#                   192.168.101.168/24 there and `default via 192.168.101.254` if no default route)
#   rs1       eth0  10.10.10.11/24, busybox httpd :80 answering "rs1"   (no default route:
#   rs2       eth0  10.10.10.12/24, busybox httpd :80 answering "rs2"    the script adds it)
# rs1 starts with net.ipv4.conf.eth0.arp_announce=1 (not the default 0), so that `stop` can be
# seen to restore what was there before rather than a default.
LAB_SCRIPTS="director.sh realserver-rs1.sh realserver-rs2.sh ipvsadm.rules"
LAB_EXTRA_MODULES=""

SEED_VIP=192.168.101.168
SEED_REQUESTS=30
SEED_RS="rs1 rs2"
SEED_ALL_NS=(client director rs1 rs2)

seed_topology() {
  local rs ip
  lab_bridge lan0
  lab_ns client;   lab_port client eth0 lan0
  lab_ns director; lab_port director eth0 lan0; lab_port director eth1 lan0
  lab_ns rs1;      lab_port rs1 eth0 lan0
  lab_ns rs2;      lab_port rs2 eth0 lan0
  if ! { nsx client ip addr add 192.168.101.253/24 dev eth0 &&
          nsx client ip addr add 192.168.101.254/24 dev eth0 &&
          nsx client ip addr add 10.10.10.1/24 dev eth0 &&
          nsx director ip addr add 10.10.10.10/24 dev eth0 &&
          nsx rs1 ip addr add 10.10.10.11/24 dev eth0 &&
          nsx rs2 ip addr add 10.10.10.12/24 dev eth0; }; then
    lab_fatal "addresses"
  fi
  nsx rs1 sysctl -q -w net.ipv4.conf.eth0.arp_announce=1 >/dev/null || lab_fatal "rs1 arp_announce"
  for rs in $SEED_RS; do
    mkdir -p "/srv/$rs" && echo "$rs" > "/srv/$rs/index.html"
    nsx "$rs" httpd -p 80 -h "/srv/$rs" || lab_fatal "httpd in $rs"
  done
  for ip in 10.10.10.10 10.10.10.11 10.10.10.12; do
    nsx client ping -c 1 -W 2 "$ip" >/dev/null || lab_fatal "$ip unreachable from client"
  done
  nsx client ip neigh flush all
  log "topology up: client director(eth0,eth1) rs1 rs2 on lan0, httpd on rs1 rs2"
}

# seed_arp_line LABEL: one information line with the real servers' ARP sysctls
seed_arp_line() {
  local rs line=
  for rs in $SEED_RS; do
    line="$line $rs:$(nsx "$rs" sysctl -n net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce \
      net.ipv4.conf.eth0.arp_ignore net.ipv4.conf.eth0.arp_announce | tr '\n' '/' | sed 's:/$::')"
  done
  log "$1 arp_ignore/arp_announce (all,all,eth0,eth0):$line"
}

# seed_traffic_checks: the traffic, ARP and IPVS checks (run normally, and again in the
# negative control). Sets SEED_RESULT.
seed_traffic_checks() {
  local n1 n2 nf vipmac dmac0 dmac1 rsmacs resp bad m conns inpkts outpkts
  dmac0=$(mac_of director eth0); dmac1=$(mac_of director eth1)
  rsmacs="rs1=$(mac_of rs1 eth0),rs2=$(mac_of rs2 eth0)"
  nsx director ipvsadm -Z >/dev/null 2>&1          # counters from 0 (a no-op the first time)

  # d. traffic
  fetch client "$SEED_REQUESTS" "http://$SEED_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers); nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$((n1 + n2))" = "$SEED_REQUESTS" ] && [ "$nf" = 0 ]
  check answered $? "$((n1 + n2))/$SEED_REQUESTS answered (failed or other: $nf)"
  [ "$n1" = 20 ] && [ "$n2" = 10 ]
  check split $? "rs1=$n1 rs2=$n2 (expected rs1=20 rs2=10: wlc, weights 2/1, sequential requests)"

  # e. ARP: the client must have resolved the VIP to the director, and only the director answers
  vipmac=$(neigh_mac client "$SEED_VIP")
  [ -n "$vipmac" ] && { [ "$vipmac" = "$dmac0" ] || [ "$vipmac" = "$dmac1" ]; }
  check arp-director $? "client: $SEED_VIP is at ${vipmac:-none}; director eth0=$dmac0 eth1=$dmac1; $rsmacs"
  resp=$(arp_responders client eth0 "$SEED_VIP" | tr '\n' ' ')
  bad=
  for m in $resp; do [ "$m" = "$dmac0" ] || [ "$m" = "$dmac1" ] || bad="$bad $m"; done
  [ -n "$resp" ] && [ -z "$bad" ]
  check arp-only-director $? "ARP replies for $SEED_VIP from: ${resp:-nobody}(not the director:${bad:- none})"

  # f. IPVS saw every connection, inbound packets only (DR: replies bypass the director)
  sleep 3                                          # the stats estimator runs every 2 s
  read -r conns inpkts outpkts <<< "$(ipvs_stats director)"
  [ "$conns" = "$SEED_REQUESTS" ] && [ "$inpkts" -gt 0 ] && [ "$outpkts" = 0 ]
  check ipvs-scheduled $? "conns=$conns (expected $SEED_REQUESTS) inpkts=$inpkts (>0) outpkts=$outpkts (0)"
  SEED_RESULT="rs1=$n1 rs2=$n2 fail=$nf conns=$conns inpkts=$inpkts outpkts=$outpkts vip_mac=${vipmac:-none} director_macs=eth0=$dmac0,eth1=$dmac1 rs_macs=$rsmacs arp_responders=$(echo "$resp" | tr -s ' ' ',' | sed 's/,$//')"
}

seed_script() { case $1 in director) echo director.sh ;; *) echo "realserver-$1.sh" ;; esac; }

scenario_run() {
  local ns rc d rs rcs bad s vipmac holder
  LAB_NEG_EXPECTED=1
  seed_topology

  # a. the state before anything ran
  log "phase a: record state"
  snapshot before "${SEED_ALL_NS[@]}"
  snapshot_show before "${SEED_ALL_NS[@]}"
  seed_arp_line "before:"

  # a2. the distribution's ipvsadm service restored ipvsadm.rules at boot: the director's start
  # refuses the services it did not create and names the saved table as their likely source
  nsx director ipvsadm -R < /lab/ipvsadm.rules
  cp /lab/ipvsadm.rules /etc/ipvsadm.rules
  lab_run director director.sh start > /tmp/saved.out 2>&1
  rc=$?
  sed 's/^/  /' /tmp/saved.out
  [ $rc = 1 ] && grep -q '/etc/ipvsadm.rules exists' /tmp/saved.out
  check start-names-saved-table $? "director.sh start with the table loaded from /etc/ipvsadm.rules: exit $rc"
  rm -f /etc/ipvsadm.rules
  nsx director ipvsadm -C

  # a3. a start while another start or stop of the same script runs waits for it: killed after
  # 1 s of waiting it has changed nothing
  mkdir -p /run/lvs-wizard/seed-dr
  flock /run/lvs-wizard/seed-dr/realserver-rs1.lock sleep 3 &
  holder=$!
  sleep 0.3
  timeout 1 ip netns exec rs1 bash /lab/realserver-rs1.sh start > /tmp/locked.out 2>&1
  rc=$?
  ! nsx rs1 ip -o addr show dev lo | grep -q "$SEED_VIP"
  check start-waits-for-lock $(( $? + (rc == 124 ? 0 : 1) )) "realserver-rs1.sh start while the lock is held: exit $rc (124: still waiting), VIP on lo: $(nsx rs1 ip -o addr show dev lo | grep -c "$SEED_VIP")"
  wait "$holder"

  # b. start: real servers first, then the director. The client still believes the VIP is at a
  # MAC of the director this one replaces: the gratuitous ARP of start must correct it at once.
  log "phase b: start"
  nsx client ip neigh replace "$SEED_VIP" lladdr 02:00:00:00:01:68 dev eth0 nud reachable
  for ns in rs1 rs2 director; do
    s=$(seed_script "$ns")
    lab_run "$ns" "$s" start
    rc=$?
    check "start-$ns" $rc "$s start: exit $rc"
  done
  # the announcements go out in the background: the first within moments of start's end (the
  # entry says "reachable": without them it would keep the old MAC for many seconds)
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    vipmac=$(neigh_mac client "$SEED_VIP")
    [ "$vipmac" = "$(mac_of director eth1)" ] && break
    sleep 0.2
  done
  [ "$vipmac" = "$(mac_of director eth1)" ]
  check start-announces-vip $? "client's entry for $SEED_VIP within 2 s of start: ${vipmac:-none} (director eth1 $(mac_of director eth1); it was 02:00:00:00:01:68)"
  log "modules now: $(cut -d' ' -f1 /proc/modules | grep -E '^(ip_vs|nf_)' | tr '\n' ' ')"
  log "director: $(nsx director ipvsadm -S -n | tr '\n' ';')"
  seed_arp_line "after start:"

  # c. status of each while running: 0
  for ns in rs1 rs2 director; do
    s=$(seed_script "$ns")
    lab_run "$ns" "$s" status
    rc=$?
    [ $rc = 0 ]; check "status-running-$ns" $? "$s status: exit $rc (expected 0)"
  done
  # the VIP's interface down: every address and rule is still there, but no traffic flows
  local routes
  routes=$(nsx director ip route show dev eth1)
  nsx director ip link set eth1 down
  lab_run director director.sh status > /tmp/status.out 2>&1
  rc=$?
  sed 's/^/  /' /tmp/status.out
  [ $rc = 2 ] && grep -q 'interface eth1 is down' /tmp/status.out
  check status-link-down $? "director.sh status with eth1 down: exit $rc (expected 2, naming eth1)"
  nsx director ip link set eth1 up
  # a link going down takes its routes with it: put back what was there
  while read -r route; do
    # shellcheck disable=SC2086  # a route's words
    [ -n "$route" ] && nsx director ip route replace $route dev eth1
  done <<< "$routes"

  # d.-f. traffic, ARP, IPVS
  log "phase d-f: traffic, ARP, IPVS"
  seed_traffic_checks
  echo "LAB_RESULT $SEED_RESULT"

  # g. a second start changes nothing
  log "phase g: second start"
  snapshot started "${SEED_ALL_NS[@]}"
  snapshot_show started "${SEED_ALL_NS[@]}"
  rcs='' bad=0
  for ns in rs1 rs2 director; do
    s=$(seed_script "$ns")
    lab_run "$ns" "$s" start
    rc=$?
    rcs="$rcs $ns=$rc"
    [ $rc = 0 ] || bad=1
  done
  snapshot restarted "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff started restarted $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  [ -z "$d" ] && [ $bad = 0 ]
  check second-start $? "exit codes:$rcs; changes: ${d:-none}"

  # h. negative control: the real servers without the ARP fix must be caught
  negative_begin arp-fix-removed
  for rs in $SEED_RS; do
    nsx "$rs" sysctl -q -w net.ipv4.conf.all.arp_ignore=0 net.ipv4.conf.eth0.arp_ignore=0 \
      net.ipv4.conf.lo.arp_ignore=0 net.ipv4.conf.all.arp_announce=0 \
      net.ipv4.conf.eth0.arp_announce=0 net.ipv4.conf.lo.arp_announce=0 >/dev/null
  done
  seed_arp_line "negative control:"
  nsx client ip neigh flush all
  seed_traffic_checks
  echo "LAB_RESULT_NEGATIVE $SEED_RESULT"
  negative_end
  # put back by hand what `start` had set, so that stop's restore is checked from that state
  for rs in $SEED_RS; do apply_sysctl_snapshot started "$rs"; done
  nsx client ip neigh flush all
  seed_arp_line "fix re-applied:"

  # i. stop: the director first, then the real servers; everything is as before start
  log "phase i: stop"
  for ns in director rs2 rs1; do
    s=$(seed_script "$ns")
    lab_run "$ns" "$s" stop
    rc=$?
    check "stop-$ns" $rc "$s stop: exit $rc"
  done
  snapshot stopped "${SEED_ALL_NS[@]}"
  seed_arp_line "after stop:"
  d=$(snap_diff before stopped sysctl "${SEED_ALL_NS[@]}")
  check stop-restores-sysctls $? "rs1 eth0.arp_announce=$(nsx rs1 sysctl -n net.ipv4.conf.eth0.arp_announce) (was 1); changes: ${d:-none}"
  d=$(grep -l "inet $SEED_VIP/" /tmp/snap/stopped/*.addr | sed 's|.*/||; s|\.addr$||' | tr '\n' ' ')
  [ -z "$d" ]; check stop-removes-vip $? "namespaces still holding $SEED_VIP: ${d:-none}"
  d=$(snap_diff before stopped addr "${SEED_ALL_NS[@]}")
  check stop-restores-addrs $? "changes: ${d:-none}"
  d=$(tr '\n' ';' < /tmp/snap/stopped/director.ipvs)
  [ -z "$d" ]; check stop-removes-rules $? "ipvsadm -S -n in director: ${d:-(empty)}"
  d=$(snap_diff before stopped route "${SEED_ALL_NS[@]}")
  check stop-restores-routes $? "changes: ${d:-none}"
  for ns in rs1 rs2 director; do
    s=$(seed_script "$ns")
    lab_run "$ns" "$s" status
    rc=$?
    [ $rc = 3 ]; check "status-stopped-$ns" $? "$s status: exit $rc (expected 3)"
  done
}
