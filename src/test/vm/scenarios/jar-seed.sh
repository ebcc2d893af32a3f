# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# jar-seed - the seed's VS/DR cluster again, but driven by lvs-wizard itself inside the VM (needs
# lab-vm.sh --jar): `lvs-wizard run ... start` on each host, `monitor --once` after the client's
# traffic, `doctor` on every host, a doctor that must catch the ARP fix removed, and `undo` that
# brings every host back to what it was before. Same topology and traffic checks as seed-dr.
# shellcheck source-path=SCRIPTDIR source=seed-dr.sh
. "$(dirname "${BASH_SOURCE[0]}")/seed-dr.sh"
LAB_SCRIPTS="seed-dr.json"
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

  log "phase e: undo on every host"
  for ns in director rs2 rs1; do
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
