# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# ansible-seed - the seed's VS/DR cluster brought up by the playbook of `generate --format ansible`
# (needs lab-vm.sh --ansible): ansible-playbook runs in the guest, each host of the inventory is
# its namespace (ansible_connection=local, python3 run under `ip netns exec`), the scripts run
# without systemd (lvs_service_manager=none) from /usr/local/sbin, as the playbook installs them.
# Then the seed's traffic checks; a second run must change nothing on any host (the recap and the
# hosts' state); the scripts' stop must bring every namespace back to what it was before.
# ansible-seed.tar is the generated playbook directory, packed by the test.
# shellcheck source-path=SCRIPTDIR source=seed-dr.sh
. "$(dirname "${BASH_SOURCE[0]}")/seed-dr.sh"
LAB_SCRIPTS="ansible-seed.tar"
LAB_EXTRA_MODULES=""

ANSIBLE_HOSTS="rs1 rs2 director"

# playbook LABEL: runs site.yml on every host; its output prefixed [ansible]; its recap in /tmp/LABEL.recap
playbook() {
  local rc
  (cd /tmp/playbook && LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=/root ANSIBLE_NOCOLOR=1 ANSIBLE_LOCAL_TEMP=/tmp/ansible-local \
    timeout 900 ansible-playbook -i inventory.yml -i /tmp/namespaces.yml site.yml -e ansible_connection=local \
    -e ansible_become=false -e lvs_service_manager=none -e lvs_install_packages=false) > "/tmp/$1.out" 2>&1
  rc=$?
  sed 's/^/[ansible] /' "/tmp/$1.out"
  sed -n '/^PLAY RECAP/,$p' "/tmp/$1.out" | grep ' : ok=' > "/tmp/$1.recap"
  return $rc
}

# recap_sum LABEL FIELD: the sum of FIELD (changed, failed, unreachable) over the hosts of the recap
recap_sum() {
  tr ' ' '\n' < "/tmp/$1.recap" | awk -F= -v f="$2" '$1 == f { s += $2 } END { print s + 0 }'
}

scenario_run() {
  local ns rc d hosts changed failed s
  LAB_NEG_EXPECTED=0
  seed_topology
  snapshot before "${SEED_ALL_NS[@]}"
  mkdir -p /tmp/playbook /tmp/ansible-local
  tar -xf /lab/ansible-seed.tar -C /tmp/playbook || lab_fatal "unpacking the playbook"
  printf 'all:\n  hosts:\n' > /tmp/namespaces.yml
  for ns in $ANSIBLE_HOSTS; do
    # bash and the real ip by their paths: busybox sh would run its own ip applet
    printf '#!/bin/bash\nexec %s netns exec %s python3 "$@"\n' "$(command -v ip)" "$ns" > "/tmp/python-$ns"
    chmod 755 "/tmp/python-$ns"
    printf '    %s:\n      ansible_python_interpreter: /tmp/python-%s\n' "$ns" "$ns" >> /tmp/namespaces.yml
  done
  log "$(LC_ALL=C.UTF-8 ansible-playbook --version 2>&1 | head -1)"

  log "phase a: ansible-playbook site.yml"
  playbook first
  rc=$?
  hosts=$(wc -l < /tmp/first.recap)
  failed=$(( $(recap_sum first failed) + $(recap_sum first unreachable) ))
  changed=$(recap_sum first changed)
  [ $rc = 0 ] && [ "$hosts" = 3 ] && [ "$failed" = 0 ] && [ "$changed" -gt 0 ]
  check playbook-first $? "exit $rc; $hosts hosts in the recap, failed+unreachable $failed, changed $changed"
  for ns in rs1 rs2 director; do
    s=$(seed_script "$ns")
    s=/usr/local/sbin/lvs-seed-dr-${s%.sh}
    nsx "$ns" "$s" status > /dev/null 2>&1
    rc=$?
    check "status-running-$ns" $rc "$s status after the playbook: exit $rc (expected 0)"
  done

  log "phase b: traffic, ARP, IPVS (as in seed-dr)"
  seed_traffic_checks
  echo "LAB_RESULT $SEED_RESULT"

  log "phase c: the playbook again changes nothing"
  snapshot started "${SEED_ALL_NS[@]}"
  playbook second
  rc=$?
  snapshot again "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff started again $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  changed=$(recap_sum second changed)
  failed=$(( $(recap_sum second failed) + $(recap_sum second unreachable) ))
  [ $rc = 0 ] && [ "$changed" = 0 ] && [ "$failed" = 0 ] && [ -z "$d" ]
  check playbook-second-changes-nothing $? "exit $rc; changed $changed, failed+unreachable $failed; state changes: ${d:-none}"

  log "phase d: stop (the director first), then every namespace is as before"
  for ns in director rs1 rs2; do
    s=$(seed_script "$ns")
    s=/usr/local/sbin/lvs-seed-dr-${s%.sh}
    nsx "$ns" "$s" stop
    rc=$?
    check "stop-$ns" $rc "$s stop: exit $rc"
  done
  snapshot after "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff before after $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  [ -z "$d" ]
  check stop-restores-everything $? "changes from before the playbook: ${d:-none}"
}
