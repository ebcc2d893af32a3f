# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# ansible-seed - the seed's VS/DR cluster brought up by the playbook of `generate --format ansible`
# (needs lab-vm.sh --ansible): ansible-playbook runs in the guest, each host of the inventory is
# its namespace (ansible_connection=local, python3 run under `ip netns exec`), the scripts run
# without systemd (lvs_service_manager=none) from /usr/local/sbin, as the playbook installs them.
# Then the seed's traffic checks; a second run must change nothing on any host (the recap and the
# hosts' state). Then the same cluster with a TCP check (ansible-checked.tar), the directors' play
# only, on the running cluster: the director's script is replaced and restarted (removing the
# services the old one kept) and keepalived started (pid file) with keepalived.conf, checked by
# keepalived -t there; traffic splits by weight from keepalived's table; a keepalived.conf that
# keepalived -t refuses is not installed (the play fails on the director and keepalived keeps its
# table); a changed one is installed and keepalived reloads it (the new weight in the table); then
# keepalived and every script stop, and every namespace is as it was before the first playbook.
# ansible-seed.tar and ansible-checked.tar are the generated playbook directories, packed by the test.
# shellcheck source-path=SCRIPTDIR source=seed-dr.sh
. "$(dirname "${BASH_SOURCE[0]}")/seed-dr.sh"
LAB_SCRIPTS="ansible-seed.tar ansible-checked.tar"
LAB_EXTRA_MODULES=""

ANSIBLE_HOSTS="rs1 rs2 director"

# playbook LABEL DIR [ARGS...]: runs DIR/site.yml on every host (or those ARGS limit it to); its
# output prefixed [ansible]; its recap in /tmp/LABEL.recap
playbook() {
  local rc label=$1 dir=$2
  shift 2
  (cd "$dir" && LC_ALL=C.UTF-8 LANG=C.UTF-8 HOME=/root ANSIBLE_NOCOLOR=1 ANSIBLE_PIPELINING=1 \
    ANSIBLE_LOCAL_TEMP=/tmp/ansible-local \
    timeout 900 ansible-playbook -i inventory.yml -i /tmp/namespaces.yml site.yml -e ansible_connection=local \
    -e ansible_become=false -e lvs_service_manager=none -e lvs_install_packages=false "$@") > "/tmp/$label.out" 2>&1
  rc=$?
  sed 's/^/[ansible] /' "/tmp/$label.out"
  sed -n '/^PLAY RECAP/,$p' "/tmp/$label.out" | grep ' : ok=' > "/tmp/$label.recap"
  return $rc
}

# recap_sum LABEL FIELD: the sum of FIELD (changed, failed, unreachable) over the hosts of the recap
recap_sum() {
  tr ' ' '\n' < "/tmp/$1.recap" | awk -F= -v f="$2" '$1 == f { s += $2 } END { print s + 0 }'
}

# unpack TAR DIR: a playbook directory from the test
unpack() {
  mkdir -p "$2" || lab_fatal "mkdir $2"
  tar -xf "/lab/$1" -C "$2" || lab_fatal "unpacking $1"
}

# stop_scripts LABEL NS...: the installed script of each host stopped, in this order
stop_scripts() {
  local ns s rc label=$1
  shift
  for ns in "$@"; do
    s=$(seed_script "$ns")
    s=/usr/local/sbin/lvs-seed-dr-${s%.sh}
    nsx "$ns" "$s" stop
    rc=$?
    check "$label-$ns" $rc "$s stop: exit $rc"
  done
}

scenario_run() {
  local ns rc d hosts changed failed s
  LAB_NEG_EXPECTED=0
  seed_topology
  snapshot before "${SEED_ALL_NS[@]}"
  # what a Debian host has and this guest's small root does not: /usr/local/sbin (base-files),
  # /etc/keepalived (the keepalived package)
  mkdir -p /tmp/ansible-local /usr/local/sbin /etc/keepalived
  unpack ansible-seed.tar /tmp/playbook
  unpack ansible-checked.tar /tmp/checked
  printf 'all:\n  hosts:\n' > /tmp/namespaces.yml
  for ns in $ANSIBLE_HOSTS; do
    # bash and the real ip by their paths: busybox sh would run its own ip applet
    printf '#!/bin/bash\nexec %s netns exec %s python3 "$@"\n' "$(command -v ip)" "$ns" > "/tmp/python-$ns"
    chmod 755 "/tmp/python-$ns"
    printf '    %s:\n      ansible_python_interpreter: /tmp/python-%s\n' "$ns" "$ns" >> /tmp/namespaces.yml
  done
  log "$(LC_ALL=C.UTF-8 ansible-playbook --version 2>&1 | sed -n 1p)"

  log "phase a: ansible-playbook site.yml"
  playbook first /tmp/playbook
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
  playbook second /tmp/playbook
  rc=$?
  snapshot again "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff started again $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  changed=$(recap_sum second changed)
  failed=$(( $(recap_sum second failed) + $(recap_sum second unreachable) ))
  [ $rc = 0 ] && [ "$changed" = 0 ] && [ "$failed" = 0 ] && [ -z "$d" ]
  check playbook-second-changes-nothing $? "exit $rc; changed $changed, failed+unreachable $failed; state changes: ${d:-none}"

  keepalived_phase
}

# The same cluster with a TCP check, on the running cluster: the directors' play replaces the
# director's script (its restart removes the services the old one kept) and starts keepalived, which
# keeps the table from then on (the real servers' scripts are the same and keep running).
keepalived_phase() {
  local rc changed failed d pid conf_before n1 n2 nf
  log "phase d: the directors' play with a health check on the running cluster: keepalived on the director"
  playbook checked /tmp/checked --limit lvs_directors
  rc=$?
  failed=$(( $(recap_sum checked failed) + $(recap_sum checked unreachable) ))
  pid=$(cat /run/keepalived-lvs-seed-dr-director.pid 2>/dev/null)
  [ $rc = 0 ] && [ "$failed" = 0 ] && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && cmp -s /etc/keepalived/keepalived.conf /tmp/checked/files/keepalived.conf
  check ka-playbook $? "exit $rc; failed+unreachable $failed; keepalived pid ${pid:-none}; /etc/keepalived/keepalived.conf $(cmp -s /etc/keepalived/keepalived.conf /tmp/checked/files/keepalived.conf && echo is || echo is not) the generated one"
  sleep 2                                          # keepalived adds the virtual server as it starts
  fetch client 30 "http://$SEED_VIP/" > /tmp/answers
  n1=$(grep -cx rs1 /tmp/answers); n2=$(grep -cx rs2 /tmp/answers); nf=$(grep -cvx 'rs[12]' /tmp/answers)
  [ "$n1" = 20 ] && [ "$n2" = 10 ] && [ "$nf" = 0 ]
  check ka-split $? "rs1=$n1 rs2=$n2 failed=$nf (expected 20/10: keepalived's table, weights 2/1); table: $(nsx director ipvsadm -S -n | tr '\n' ';')"

  # a keepalived.conf keepalived -t refuses (an unknown scheduler) must not replace the running one
  conf_before=$(md5sum < /etc/keepalived/keepalived.conf)
  sed -i 's/lvs_sched wlc/lvs_sched nonsense/' /tmp/checked/files/keepalived.conf
  playbook refused /tmp/checked --limit lvs_directors
  rc=$?
  [ $rc != 0 ] && grep -q 'failed to validate' /tmp/refused.out && [ "$(md5sum < /etc/keepalived/keepalived.conf)" = "$conf_before" ] && kill -0 "$pid" 2>/dev/null \
    && nsx director ipvsadm -S -n | grep -q -- '-s wlc'
  check ka-refused-conf-not-installed $? "exit $rc (expected non-zero: validation failed); installed file $( [ "$(md5sum < /etc/keepalived/keepalived.conf)" = "$conf_before" ] && echo unchanged || echo CHANGED); keepalived $(kill -0 "$pid" 2>/dev/null && echo still runs || echo gone)"

  # a changed keepalived.conf (rs1's weight 2 -> 3) is installed and keepalived reloads it
  sed -i 's/lvs_sched nonsense/lvs_sched wlc/; s/weight 2$/weight 3/' /tmp/checked/files/keepalived.conf
  playbook reloaded /tmp/checked --limit lvs_directors
  rc=$?
  sleep 2                                          # keepalived applies the new weight as it reloads
  [ $rc = 0 ] && grep -q 'RUNNING HANDLER \[Reload keepalived (pid file)\]' /tmp/reloaded.out \
    && kill -0 "$pid" 2>/dev/null && nsx director ipvsadm -S -n | grep -q -- '-r 10.10.10.11:80 -g -w 3'
  check ka-reloaded $? "exit $rc; keepalived pid $pid $(kill -0 "$pid" 2>/dev/null && echo runs || echo gone); table: $(nsx director ipvsadm -S -n | tr '\n' ';')"

  log "phase e: keepalived and every script stop (the director first), everything as before"
  nsx director pkill --pidfile /run/keepalived-lvs-seed-dr-director.pid
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  stop_scripts ka-stop director rs1 rs2
  rm -f /etc/keepalived/keepalived.conf
  snapshot ka-after "${SEED_ALL_NS[@]}"
  d=$(for k in addr route sysctl ipvs; do snap_diff before ka-after $k "${SEED_ALL_NS[@]}"; done | tr '\n' ' ')
  [ -z "$d" ]
  check ka-stop-restores-everything $? "changes from before the playbooks: ${d:-none}"
}
