#!/bin/sh
# AnsibleIT's scenario, run as root: the real servers' play of generated playbooks run for real,
# each real server a network namespace of its own (a veth end named as the configuration's
# interface, with its address) that Ansible enters through the host's python interpreter
# (ansible_connection=local, ansible_python_interpreter a wrapper running python3 under
# "ip netns exec"). Scripts go to WORK/sbin instead of /usr/local/sbin, and the playbook runs them
# itself (lvs_service_manager=none): no systemd here. Each step prints "=== NAME", its output,
# then "=== NAME exit CODE".
# Usage: namespace-run.sh WORK FIRST_BUNDLE CHANGED_BUNDLE NAME=ADDRESS/PREFIX@INTERFACE...
set -u
work=$1
first=$2
changed=$3
shift 3
prefix="lvsans$$"
sbin="$work/sbin"
mkdir -p "$sbin"

step() {
    name=$1
    shift
    echo "=== $name"
    "$@" 2>&1
    echo "=== $name exit $?"
}

names=
inventory="$work/namespaces.yml"
printf 'all:\n  hosts:\n' >"$inventory"
for host in "$@"; do
    name=${host%%=*}
    rest=${host#*=}
    address=${rest%@*}
    iface=${rest#*@}
    ns="$prefix-$name"
    ip netns add "$ns" || exit 1
    ip link add "$ns" type veth peer name "$iface" netns "$ns" || exit 1
    ip -n "$ns" address add "$address" dev "$iface"
    ip -n "$ns" link set "$iface" up
    ip -n "$ns" link set lo up
    ip link set "$ns" up
    printf '#!/bin/sh\nexec ip netns exec %s python3 "$@"\n' "$ns" >"$work/python-$name"
    chmod 0755 "$work/python-$name"
    printf '    %s:\n      ansible_python_interpreter: %s\n' "$name" "$work/python-$name" >>"$inventory"
    names="$names $name"
done

cleanup() {
    for h in $names; do
        ip netns del "$prefix-$h" 2>/dev/null
    done
}
trap cleanup EXIT

playbook() {
    bundle=$1
    shift
    (cd "$bundle" && ANSIBLE_NOCOLOR=1 ANSIBLE_PIPELINING=1 ansible-playbook -i inventory.yml -i "$inventory" site.yml \
        --limit lvs_real_servers -e ansible_connection=local -e ansible_become=false -e lvs_service_manager=none \
        -e lvs_install_packages=false -e "lvs_sbin=$sbin" "$@")
}

# What a real server's namespace holds: its addresses on lo, the ARP settings, the installed scripts.
state() {
    for h in $names; do
        ns="$prefix-$h"
        echo "host $h"
        ip -n "$ns" -o -4 address show dev lo | awk '{print "lo", $4}'
        ip netns exec "$ns" sysctl net.ipv4.conf.all.arp_ignore net.ipv4.conf.all.arp_announce
    done
    for f in "$sbin"/*; do
        if [ -e "$f" ]; then echo "installed ${f##*/}"; fi
    done
}

stop_all() {
    rc=0
    for h in $names; do
        for script in "$sbin"/*-realserver-"$h"; do
            [ -e "$script" ] || continue
            ip netns exec "$prefix-$h" "$script" stop || rc=$?
        done
    done
    return $rc
}

step check-fresh playbook "$first" --check --diff
step state-fresh state
step run-first playbook "$first"
step state-first state
step run-again playbook "$first"
step run-changed playbook "$changed"
step state-changed state
step run-changed-again playbook "$changed"
step stop stop_all
step state-stopped state
