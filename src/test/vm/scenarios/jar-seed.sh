# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# jar-seed - the seed's VS/DR cluster again, but driven by lvs-wizard itself inside the VM (needs
# lab-vm.sh --jar): `lvs-wizard run ... start` on each host, `monitor --once` after the client's
# traffic, `doctor` on every host, a doctor that must catch the ARP fix removed, and `undo` that
# brings every host back to what it was before. Same topology and traffic checks as seed-dr.
# shellcheck source-path=SCRIPTDIR source=seed-dr.sh
. "$(dirname "${BASH_SOURCE[0]}")/seed-dr.sh"
LAB_SCRIPTS="seed-dr.json seed-checked.json"
LAB_EXTRA_MODULES=""

# wiz NS ARGS...: lvs-wizard in namespace NS, output prefixed [NS:wiz], returns its exit code
wiz() {
  local ns=$1 rc
  shift
  timeout 240 ip netns exec "$ns" lvs-wizard "$@" > /tmp/wiz.out 2>&1 < /dev/null
  rc=$?
  sed "s/^/[$ns:wiz] /" /tmp/wiz.out
  echo "[$ns:wiz] (lvs-wizard $*: exit $rc)"
  return $rc
}

# httpd_of NS: the pid of busybox httpd in namespace NS
httpd_of() {
  local p
  for p in $(ip netns pids "$1"); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = httpd ] && echo "$p"
  done
}

# in_table ADDR: whether the director's IPVS table has the real server ADDR
in_table() { nsx director ipvsadm -S -n | grep -q -- "-r $1 "; }

# wait_table present|absent ADDR LIMIT: seconds (to 0.1) until ADDR is present/absent, or fails after LIMIT s
wait_table() {
  local want=$1 addr=$2 limit=$3 start now
  start=$(cut -d' ' -f1 /proc/uptime)
  while :; do
    if in_table "$addr"; then [ "$want" = present ] && break; else [ "$want" = absent ] && break; fi
    now=$(cut -d' ' -f1 /proc/uptime)
    if awk -v s="$start" -v n="$now" -v l="$limit" 'BEGIN { exit !(n - s > l) }'; then
      echo "timeout"
      return 1
    fi
    sleep 0.1
  done
  now=$(cut -d' ' -f1 /proc/uptime)
  awk -v s="$start" -v n="$now" 'BEGIN { printf "%.1f\n", n - s }'
}

# phase f: the same cluster with a TCP check, its director in keepalived mode (run --format keepalived):
# keepalived started by lvs-wizard in the director's namespace, a dead real server taken out within
# interval x retries + one interval (2 s x 2 + 2 s), monitor and doctor saying so, then undo.
keepalived_phase() {
  local rc n1 n2 nf took line resp bad m ka=(--config /lab/seed-checked.json --role director --format keepalived)
  log "phase f: keepalived mode (interval 2 s, retries 2: a dead real server leaves within 6 s)"
  wiz director run "${ka[@]}" --out /tmp/out-ka --yes start
  rc=$?
  grep -q "keepalived has loaded the configuration's IPVS services (1)" /tmp/wiz.out
  check ka-start $? "run --format keepalived start: exit $rc; $(grep -c . /etc/keepalived/keepalived.conf 2>/dev/null || echo no) lines in /etc/keepalived/keepalived.conf; keepalived pids: $(pgrep -d, -x keepalived || echo none)"
  in_table 10.10.10.11:80 && in_table 10.10.10.12:80
  check ka-both-in $? "$(nsx director ipvsadm -S -n | tr '\n' ';')"
  fetch client 30 "http://$SEED_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers); nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$n1" = 20 ] && [ "$n2" = 10 ] && [ "$nf" = 0 ]
  check ka-split $? "rs1=$n1 rs2=$n2 failed=$nf (expected 20/10: keepalived's table, weights 2/1)"
  resp=$(arp_responders client eth0 "$SEED_VIP" | tr '\n' ' ')
  bad=
  for m in $resp; do [ "$m" = "$(mac_of director eth0)" ] || [ "$m" = "$(mac_of director eth1)" ] || bad="$bad $m"; done
  [ -n "$resp" ] && [ -z "$bad" ]
  check ka-arp-only-director $? "ARP replies for $SEED_VIP from: ${resp:-nobody}(not the director:${bad:- none})"
  wiz director run "${ka[@]}" --out /tmp/out-ka status
  rc=$?
  [ $rc = 0 ] && grep -q "keepalived: running (pid" /tmp/wiz.out
  check ka-status $? "run status: exit $rc"
  wiz director doctor "${ka[@]}"
  rc=$?
  [ $rc = 0 ] && grep -q "OK     keepalived .*: running" /tmp/wiz.out && grep -q "as this configuration generates it" /tmp/wiz.out
  check ka-doctor $? "doctor --format keepalived: exit $rc, $(tail -1 /tmp/wiz.out)"

  httpd_of rs1 | xargs -r kill
  took=$(wait_table absent 10.10.10.11:80 15)
  check ka-detect $? "rs1's httpd killed: out of the table after ${took} s (bound 6 s: interval 2 x retries 2 + 2)"
  awk -v t="$took" 'BEGIN { exit !(t + 0 <= 6.0) }'
  check ka-detect-bound $? "${took} s <= 6 s"
  echo "KA_DETECT_SECONDS $took"
  fetch client 10 "http://$SEED_VIP/" > /tmp/answers
  n2=$(grep -cx rs2 /tmp/answers)
  [ "$n2" = 10 ]
  check ka-others-answer $? "after rs1 left: rs2 answered $n2 of 10"
  wiz director monitor --once --config /lab/seed-checked.json
  line=$(grep 'rs1 10.10.10.11:80' /tmp/wiz.out)
  [[ $line == *"DOWN: out of the table"* ]] && grep -q "rs2 10.10.10.12:80 .*UP (its check passes)" /tmp/wiz.out
  check ka-monitor-down $? "monitor: ${line:-no rs1 line}"
  wiz director doctor "${ka[@]}"
  rc=$?
  [ $rc = 0 ] && grep -q "NOTE   IPVS real server -t 192.168.101.168:80 -r 10.10.10.11:80: not in the table: keepalived's check finds it down" /tmp/wiz.out
  check ka-doctor-down $? "doctor with rs1 down: exit $rc (a NOTE, not WRONG)"

  nsx rs1 httpd -p 80 -h /srv/rs1
  took=$(wait_table present 10.10.10.11:80 15)
  check ka-back $? "rs1's httpd started again: back in the table after ${took} s"
  fetch client 30 "http://$SEED_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers)
  [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ "$((n1 + n2))" = 30 ]
  check ka-share-again $? "rs1=$n1 rs2=$n2 of 30"

  wiz director run "${ka[@]}" --out /tmp/out-ka --yes undo
  rc=$?
  sleep 1
  [ $rc = 0 ] && ! pgrep -x keepalived >/dev/null && [ ! -e /etc/keepalived/keepalived.conf ] && [ -z "$(nsx director ipvsadm -S -n)" ]
  check ka-undo $? "undo: exit $rc; keepalived: $(pgrep -d, -x keepalived || echo stopped); file: $(ls /etc/keepalived/keepalived.conf 2>/dev/null || echo removed); table: $(nsx director ipvsadm -S -n | wc -l) lines"
}

jar_role() { case $1 in director) echo director ;; *) echo "realserver:$1" ;; esac; }

scenario_run() {
  local ns rc d line c1 c2
  LAB_NEG_EXPECTED=1
  seed_topology
  snapshot before "${SEED_ALL_NS[@]}"
  log "java: $(lvs-wizard --version 2>&1)"

  log "phase a: lvs-wizard run start (dry run first on the director: it must change nothing)"
  wiz director run --config /lab/seed-dr.json --role director --out /tmp/out-director --dry-run start
  rc=$?
  snapshot dry "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff before dry $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  [ $rc = 0 ] && [ -z "$d" ] && [ ! -e /tmp/out-director ]
  check dry-run-changes-nothing $? "exit $rc; changes: ${d:-none}; out dir: $(ls -d /tmp/out-director 2>/dev/null || echo absent)"
  for ns in rs1 rs2 director; do
    wiz "$ns" run --config /lab/seed-dr.json --role "$(jar_role "$ns")" --out "/tmp/out-$ns" --yes start
    rc=$?
    check "jar-start-$ns" $rc "lvs-wizard run start on $ns: exit $rc"
  done
  grep -q 'realserver-rs1.sh start' /tmp/out-rs1/commands.log && grep -q '^.*exit 0 .*ip -j addr show' /tmp/out-rs1/commands.log
  check command-log $? "$(wc -l < /tmp/out-rs1/commands.log) commands in /tmp/out-rs1/commands.log"

  log "phase b: traffic, ARP, IPVS (as in seed-dr)"
  seed_traffic_checks
  echo "LAB_RESULT $SEED_RESULT"

  log "phase c: monitor --once"
  wiz director monitor --once --stats --config /lab/seed-dr.json
  rc=$?
  c1=$(awk '$1 == "rs1" && $2 == "10.10.10.11:80" {print $4}' /tmp/wiz.out)
  c2=$(awk '$1 == "rs2" && $2 == "10.10.10.12:80" {print $4}' /tmp/wiz.out)
  [ $rc = 0 ] && [ "$c1" = 20 ] && [ "$c2" = 10 ]
  check monitor-once-stats $? "exit $rc; conns rs1=${c1:-?} rs2=${c2:-?} (expected 20 and 10)"
  wiz director monitor --once --config /lab/seed-dr.json
  line=$(grep 'rs1 10.10.10.11:80' /tmp/wiz.out)
  [[ $line == *" 67%/ 67%"* ]]
  check monitor-once-share $? "rs1: ${line:-missing} (expected 67% of new connections for 67% of the weight)"

  log "phase d: doctor"
  for ns in director rs1 rs2; do
    wiz "$ns" doctor --config /lab/seed-dr.json --role "$(jar_role "$ns")"
    rc=$?
    [ $rc = 0 ]; check "doctor-$ns" $? "exit $rc, $(tail -2 /tmp/wiz.out | head -1)"
  done
  wiz director run --config /lab/seed-dr.json --role director --out /tmp/out-director status
  rc=$?
  [ $rc = 0 ]; check status-director $? "run status: exit $rc (expected 0)"

  negative_begin doctor-arp-fix-removed
  nsx rs1 sysctl -q -w net.ipv4.conf.eth0.arp_ignore=0
  wiz rs1 doctor --config /lab/seed-dr.json --role realserver:rs1
  rc=$?
  # a NEGCHECK that must FAIL: "the doctor is happy"
  ! { [ $rc != 0 ] && grep -q 'WRONG  net.ipv4.conf.eth0.arp_ignore: is 0, needs 1' /tmp/wiz.out; }
  check doctor-satisfied $? "doctor on rs1 without the ARP fix: exit $rc"
  negative_end
  nsx rs1 sysctl -q -w net.ipv4.conf.eth0.arp_ignore=1

  log "phase h: import --from host: the running director read back into a configuration"
  wiz director import --from host --name seed-dr --out /tmp/imported.json
  rc=$?
  sed 's/^/[imported] /' /tmp/imported.json
  [ $rc = 0 ] && grep -q '"vip" : "192.168.101.168/24"' /tmp/imported.json && grep -q '"10.10.10.10/24"' /tmp/imported.json
  check import-host $? "import --from host: exit $rc, $(tail -1 /tmp/wiz.out)"

  log "phase e: undo on the director"
  wiz director run --config /lab/seed-dr.json --role director --out /tmp/out-director --yes undo
  rc=$?
  check jar-undo-director $rc "lvs-wizard run undo on director: exit $rc"

  keepalived_phase

  log "phase g: undo on the real servers"
  for ns in rs2 rs1; do
    wiz "$ns" run --config /lab/seed-dr.json --role "$(jar_role "$ns")" --out "/tmp/out-$ns" --yes undo
    rc=$?
    check "jar-undo-$ns" $rc "lvs-wizard run undo on $ns: exit $rc"
  done
  snapshot undone "${SEED_ALL_NS[@]}"
  for k in addr route sysctl ipvs; do
    d=$(snap_diff before undone $k "${SEED_ALL_NS[@]}")
    check "undo-restores-$k" $? "changes: ${d:-none}"
  done
}
