#!/bin/bash
# /init of the lvs-wizard lab VM (PID 1 inside QEMU), copied into the initramfs by lab-vm.sh.
# bash, not busybox sh: Debian's busybox-static ash runs its own applets before PATH, so `ip`
# would be busybox's (no netns). The VM has no network device: every packet stays inside it.
# Sources /opt/lab/lab.conf, /opt/lab/guest-lib.sh and /opt/lab/scenarios/$LAB_SCENARIO.sh,
# runs scenario_run, prints LAB_VERDICT PASS|FAIL and powers off.
# shellcheck source-path=SCRIPTDIR
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C LC_ALL=C TERM=dumb
umask 022
cd /

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm && mount -t devpts devpts /dev/pts
ln -sfn /proc/self/fd /dev/fd            # process substitution, /dev/stdin... as udev would
ln -sfn /proc/self/fd/0 /dev/stdin
ln -sfn /proc/self/fd/1 /dev/stdout
ln -sfn /proc/self/fd/2 /dev/stderr
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs -o mode=1777 tmpfs /tmp
mkdir -p /run/lock /run/netns /var/lib /var/log /var/tmp /var/cache /var/spool
chmod 1777 /run/lock /var/tmp
ln -sfn /run /var/run                   # as on Debian: /var/run -> /run, /var/lock -> /run/lock
ln -sfn /run/lock /var/lock
mount -t tmpfs -o mode=755 tmpfs /var/lib          # state of the scripts (/var/lib/lvs-wizard/...)
mount -t tmpfs -o mode=755 tmpfs /var/log
echo /usr/sbin/modprobe > /proc/sys/kernel/modprobe  # kernel module autoloading (kmod)
hostname lab
syslogd -O /var/log/messages 2>/dev/null           # so that `logger` in a script has a target

# shellcheck source=/dev/null
. /opt/lab/lab.conf
# shellcheck source=guest-lib.sh
. /opt/lab/guest-lib.sh

log "kernel $(uname -r), up $(cut -d' ' -f1 /proc/uptime)s, scenario $LAB_SCENARIO"
# shellcheck source=/dev/null
. "/opt/lab/scenarios/$LAB_SCENARIO.sh" || lab_fatal "cannot load scenario $LAB_SCENARIO"
modprobe veth || lab_fatal "modprobe veth failed"
modprobe bridge || lab_fatal "modprobe bridge failed"
lab_tools_info
scenario_run
lab_verdict
lab_poweroff
