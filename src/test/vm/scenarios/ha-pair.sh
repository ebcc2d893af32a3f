# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# ha-pair - examples/ha-dr.json: the seed's VS/DR cluster with a second director, keepalived (VRRP)
# in each director's namespace with the file generated for it (keepalived-director.conf,
# keepalived-director2.conf), the director scripts preparing each host, the real servers' scripts
# as without the pair. The master holds the VIP and balances; the client sends a request every
# 0.1 s while the master's keepalived is killed: the backup takes the VIP over (gratuitous ARP),
# the client's ARP entry moves to its MAC and requests resume; the gap and the failed requests are
# measured. Then the first director comes back and, preemption on, takes the VIP back.
#
#   client     eth0 192.168.101.253/24 and 10.10.10.1/24 (the real servers' gateway)
#   director   eth0 10.10.10.10/24 (DIP), eth1 (the VIP when master)        priority 150
#   director2  eth0 10.10.10.9/24 (DIP), eth1 (the VIP when master)         priority 100
#   rs1, rs2   eth0 10.10.10.11/24, 10.10.10.12/24, busybox httpd :80
LAB_SCRIPTS="director.sh director-director2.sh realserver-rs1.sh realserver-rs2.sh keepalived-director.conf keepalived-director2.conf"
LAB_EXTRA_MODULES=""

HA_VIP=192.168.101.168
# VRRP's master-down interval for advert_int 1 and the backup's priority 100: 3 x 1 s + (256-100)/256 s
HA_DOWN_MS=3609

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

ha_topology() {
  local rs
  lab_bridge lan0
  lab_ns client;    lab_port client eth0 lan0
  lab_ns director;  lab_port director eth0 lan0;  lab_port director eth1 lan0
  lab_ns director2; lab_port director2 eth0 lan0; lab_port director2 eth1 lan0
  lab_ns rs1;       lab_port rs1 eth0 lan0
  lab_ns rs2;       lab_port rs2 eth0 lan0
  if ! { nsx client ip addr add 192.168.101.253/24 dev eth0 && nsx client ip addr add 10.10.10.1/24 dev eth0 &&
          nsx director ip addr add 10.10.10.10/24 dev eth0 && nsx director2 ip addr add 10.10.10.9/24 dev eth0 &&
          nsx rs1 ip addr add 10.10.10.11/24 dev eth0 && nsx rs2 ip addr add 10.10.10.12/24 dev eth0; }; then
    lab_fatal "addresses"
  fi
  for rs in rs1 rs2; do
    mkdir -p "/srv/$rs" && echo "$rs" > "/srv/$rs/index.html"
    nsx "$rs" httpd -p 80 -h "/srv/$rs" || lab_fatal "httpd in $rs"
  done
  log "topology up: client director director2 rs1 rs2 on lan0"
}

# keepalived_start NS FILE: keepalived in NS with its own /run (pid files), logging to /tmp/ka-NS.log
keepalived_start() {
  local ns=$1 file=$2
  mkdir -p "/tmp/run-$ns"
  # shellcheck disable=SC2016  # expanded by the inner shell
  nsx "$ns" sh -c 'mount --bind "$1" /run && exec keepalived --dont-fork --log-console --log-detail --use-file "$2"' \
    ka "/tmp/run-$ns" "/lab/$file" >> "/tmp/ka-$ns.log" 2>&1 < /dev/null &
}

# keepalived_kill NS: SIGKILL to NS's keepalived processes (a crash: no goodbye advert)
keepalived_kill() {
  local p
  for p in $(ip netns pids "$1"); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = keepalived ] && kill -KILL "$p"
  done
}

holds_vip() { nsx "$1" ip -o addr show dev eth1 | grep -q " $HA_VIP/"; }
master_is() { holds_vip "$1" && ! holds_vip "$2"; }

# wait_until SECONDS COMMAND...: until COMMAND succeeds (0) or SECONDS pass (1)
wait_until() {
  local end=$(( $(now_ms) + $1 * 1000 ))
  shift
  until "$@"; do
    [ "$(now_ms)" -lt "$end" ] || return 1
    sleep 0.1
  done
}

fetch_one() { nsx client timeout 1 wget -q -O - "http://$HA_VIP/" 2>/dev/null | head -n 1; }

# ha_outage down|stop LABEL: fail the master (links down, or SIGTERM to its keepalived) while the
# client sends a request every 0.1 s; sets HA_FIRST_OK (ms from the failure to the first answer,
# 0: none), HA_FAILED and HA_AFTER (answers after the first), and prints a LAB_RESULT line
ha_outage() {
  local how=$1 label=$2 t0 body p
  HA_FIRST_OK=0 HA_FAILED=0 HA_AFTER=0
  t0=$(now_ms)
  if [ "$how" = down ]; then
    # the advert link first: a dead host says no goodbye (eth1 first would fault the tracked
    # instance, which then sends a priority-0 advert on eth0 and hands over at once)
    nsx director ip link set eth0 down
    nsx director ip link set eth1 down
  else
    for p in $(ip netns pids director); do
      [ "$(cat "/proc/$p/comm" 2>/dev/null)" = keepalived ] && kill -TERM "$p"
    done
  fi
  while [ $(( $(now_ms) - t0 )) -lt 20000 ]; do
    body=$(fetch_one)
    if [ -z "$body" ]; then
      HA_FAILED=$((HA_FAILED + 1))
    else
      [ "$HA_FIRST_OK" -gt 0 ] || HA_FIRST_OK=$(( $(now_ms) - t0 ))
      HA_AFTER=$((HA_AFTER + 1))
    fi
    [ "$HA_AFTER" -ge 10 ] && break
    sleep 0.1
  done
  echo "LAB_RESULT ha-failover how=$how advert_int_s=1 master_down_ms=$HA_DOWN_MS" \
       "first_answer_ms=$HA_FIRST_OK failed_requests=$HA_FAILED ($label)"
}

scenario_run() {
  local ns rc d1mac d2mac vipmac resp bad m n1 n2 nf
  ha_topology
  log "phase a: the real servers' scripts, the directors' scripts (the host prepared, no VIP), keepalived"
  for ns in rs1 rs2; do
    lab_run "$ns" "realserver-$ns.sh" start
    rc=$?
    check "ha-start-$ns" $rc "realserver-$ns.sh start: exit $rc"
  done
  lab_run director director.sh start
  rc=$?
  check ha-start-director $rc "director.sh start: exit $rc"
  lab_run director2 director-director2.sh start
  rc=$?
  check ha-start-director2 $rc "director-director2.sh start: exit $rc"
  ! holds_vip director && ! holds_vip director2
  check ha-scripts-leave-the-vip $? "neither script added the VIP (keepalived's)"
  keepalived_start director keepalived-director.conf
  keepalived_start director2 keepalived-director2.conf
  wait_until 15 master_is director director2
  check ha-first-is-master $? "director holds $HA_VIP, director2 does not"
  for ns in director director2; do
    tail -n 25 "/tmp/ka-$ns.log" | sed "s/^/  ka-$ns: /"
  done
  sleep 2
  master_is director director2
  check ha-backup-stays-backup $? "2 s later: still director alone ($(nsx director2 ip -o addr show dev eth1 | grep -c inet) addresses on director2's eth1)"
  nsx director2 ipvsadm -S -n | grep -q -- "-A -t $HA_VIP:80"
  check ha-backup-has-the-services $? "director2's keepalived keeps the virtual servers too: $(nsx director2 ipvsadm -S -n | tr '\n' ';')"

  log "phase b: traffic through the master"
  fetch client 30 "http://$HA_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers); nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$n1" = 20 ] && [ "$n2" = 10 ] && [ "$nf" = 0 ]
  check ha-split $? "rs1=$n1 rs2=$n2 failed=$nf (expected 20/10, weights 2/1)"
  d1mac=$(mac_of director eth1); d2mac=$(mac_of director2 eth1)
  vipmac=$(neigh_mac client "$HA_VIP")
  [ "$vipmac" = "$d1mac" ]
  check ha-client-arp-master $? "client: $HA_VIP at ${vipmac:-none}; director eth1 $d1mac, director2 eth1 $d2mac"
  resp=$(arp_responders client eth0 "$HA_VIP" | tr '\n' ' ')
  bad=
  for m in $resp; do [ "$m" = "$d1mac" ] || [ "$m" = "$(mac_of director eth0)" ] || bad="$bad $m"; done
  [ -n "$resp" ] && [ -z "$bad" ]
  check ha-only-master-answers-arp $? "ARP replies for $HA_VIP from: ${resp:-nobody}(not the master:${bad:- none})"

  log "phase c: the master fails (both its links down, as a dead host) while the client sends a request every 0.1 s"
  ha_outage down "links down"
  holds_vip director2
  check ha-backup-takes-the-vip $? "director2 holds $HA_VIP (the cut-off director keeps its own, unheard)"
  vipmac=$(neigh_mac client "$HA_VIP")
  [ "$vipmac" = "$d2mac" ]
  check ha-client-arp-moves $? "client: $HA_VIP now at ${vipmac:-none} (director2 eth1 $d2mac)"
  [ "$HA_FIRST_OK" -gt 0 ] && [ "$HA_AFTER" -ge 10 ]
  check ha-requests-resume $? "$HA_AFTER answered after the failover; $HA_FAILED failed"
  [ "$HA_FIRST_OK" -gt 0 ] && [ "$HA_FIRST_OK" -le $(( HA_DOWN_MS + 3000 )) ]
  check ha-failover-in-bound $? "first answer $HA_FIRST_OK ms after the master died (master down interval $HA_DOWN_MS ms + 3000 ms for emulation)"
  fetch client 30 "http://$HA_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers); nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$((n1 + n2))" = 30 ] && [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ]
  check ha-backup-balances $? "through director2: rs1=$n1 rs2=$n2 failed=$nf"
  nsx director ip link set eth0 up && nsx director ip link set eth1 up
  wait_until 15 master_is director director2
  check ha-preempt-after-links $? "links up again: director (priority 150, preempt) holds $HA_VIP again"

  log "phase c2: the master's keepalived stopped (SIGTERM: it gives the VIPs up and says so)"
  sleep 1
  ha_outage stop "keepalived stopped"
  master_is director2 director
  check ha-graceful-handover $? "director2 holds $HA_VIP, director gave it up; first answer $HA_FIRST_OK ms after the stop, $HA_FAILED failed"

  log "phase d: the first director's keepalived comes back and, preemption on, takes the VIP back"
  keepalived_start director keepalived-director.conf
  wait_until 15 master_is director director2
  check ha-preempt $? "director holds $HA_VIP again, director2 does not"
  sleep 1
  vipmac=$(neigh_mac client "$HA_VIP")
  fetch client 10 "http://$HA_VIP/" > /tmp/answers
  nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$nf" = 0 ] && [ "$vipmac" = "$d1mac" ]
  check ha-back-on-the-first $? "10 requests, $nf failed; client: $HA_VIP at ${vipmac:-none}"
  grep -h "Entering\|Transition\|notify" /tmp/ka-director.log /tmp/ka-director2.log | tail -12 | sed 's/^/  ka: /'
  keepalived_kill director
  keepalived_kill director2
}
