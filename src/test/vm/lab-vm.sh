#!/usr/bin/env bash
# lab-vm.sh - run generated lvs-wizard init scripts against a REAL kernel IPVS.
#
# The build machines' own kernel usually has no IPVS, so this boots Debian's stock kernel
# (which ships ip_vs as modules) under QEMU with software emulation (TCG) and a small initramfs.
# Inside the VM, a scenario builds network namespaces on a bridge (client, director, real
# servers), runs the generated scripts there as `ip netns exec NS bash /lab/SCRIPT start|...`
# and prints one `CHECK <name> PASS|FAIL <detail>` line per check, then `LAB_VERDICT PASS|FAIL`.
# The VM has no network card (-nic none): no packet ever leaves it.
#
# Usage: bash src/test/vm/lab-vm.sh --scenario seed-dr --scripts DIR [--jar FILE] [--ansible] [--work DIR]
#   --scenario NAME  one of src/test/vm/scenarios/NAME.sh (seed-dr)
#   --scripts DIR    the generated scripts the scenario needs (seed-dr: director.sh,
#                    realserver-rs1.sh, realserver-rs2.sh); copied into the guest's /lab/
#   --jar FILE       also put lvs-wizard.jar into the guest, with a minimal Java runtime made
#                    by jlink from the JDK running the build (cached), as the command
#                    `lvs-wizard` (scenarios that run the jar itself: jar-seed)
#   --ansible        also put python3 and ansible-core (the host's) into the guest, for
#                    scenarios that run a generated playbook (ansible-seed)
#   --work DIR       where the initramfs and the console log go (default: a temporary
#                    directory, removed at exit unless LVS_LAB_KEEP=1; a given DIR is kept)
# Env:  LVS_LAB_CACHE  kernel cache (default ~/.cache/lvs-wizard-lab; survives `mvn clean`)
#       VM_TIMEOUT     seconds before the VM is killed (default 300)
#       LVS_LAB_KEEP=1 keep the default work directory
#       LVS_LAB_KERNEL_PKG  Debian kernel package to boot (default: what linux-image-amd64 needs)
#       LVS_LAB_ACCEL  tcg (default; works everywhere) or kvm
# Output: the guest console (CR and terminal escapes removed), also in WORK/console.log.
# Exit: 0 when the guest's last verdict line is `LAB_VERDICT PASS`, 1 otherwise,
#       2 on a usage error or when packages are missing and we are not root.
# Needs: Debian/Ubuntu x86_64 with apt; as root it installs what is missing.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROG=lab-vm
VM_TIMEOUT=${VM_TIMEOUT:-300}
ACCEL=${LVS_LAB_ACCEL:-tcg}
# Bump when the set of files taken from the kernel package changes: old caches are rebuilt.
CACHE_LAYOUT=1
# Packages the harness takes binaries from (host side and guest side alike).
PKGS=(qemu-system-x86 busybox-static ipvsadm iproute2 net-tools kmod cpio iptables procps dpkg gzip keepalived)

say() { echo "$PROG: $*" >&2; }
usage() { sed -n '/^# Usage:/,/^# Needs:/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# ---------------------------------------------------------------------------------- arguments
SCENARIO='' SCRIPTS='' WORK='' JAR='' ANSIBLE=''
while [ $# -gt 0 ]; do
  case $1 in
    --scenario) SCENARIO=${2:?--scenario needs a value}; shift 2 ;;
    --scripts)  SCRIPTS=${2:?--scripts needs a value}; shift 2 ;;
    --work)     WORK=${2:?--work needs a value}; shift 2 ;;
    --jar)      JAR=${2:?--jar needs a value}; shift 2 ;;
    --ansible)  ANSIBLE=1; shift ;;
    -h|--help)  usage ;;
    *) say "unknown argument: $1"; usage ;;
  esac
done
if [ -z "$SCENARIO" ] || [ -z "$SCRIPTS" ]; then usage; fi
SCEN_FILE=$HERE/scenarios/$SCENARIO.sh
if [ ! -f "$SCEN_FILE" ]; then
  say "no such scenario: $SCENARIO (have: $(find "$HERE/scenarios" -name '*.sh' -printf '%f ' | sed 's/\.sh//g'))"
  exit 2
fi
[ -d "$SCRIPTS" ] || { say "--scripts: not a directory: $SCRIPTS"; exit 2; }
[ -z "$JAR" ] || [ -f "$JAR" ] || { say "--jar: no such file: $JAR"; exit 2; }
SCRIPTS=$(cd "$SCRIPTS" && pwd)
# The scenario file declares LAB_SCRIPTS (the script names it needs) and LAB_EXTRA_MODULES;
# it only defines variables and functions, so reading it here has no side effects.
# shellcheck source=scenarios/seed-dr.sh
SCEN_INFO=$(. "$SCEN_FILE" && printf '%s\n%s\n' "${LAB_SCRIPTS:-}" "${LAB_EXTRA_MODULES:-}")
LAB_SCRIPTS=$(sed -n 1p <<< "$SCEN_INFO")
EXTRA_MODULES=$(sed -n 2p <<< "$SCEN_INFO")
for s in $LAB_SCRIPTS; do
  [ -f "$SCRIPTS/$s" ] || { say "scenario $SCENARIO needs $SCRIPTS/$s"; exit 2; }
done
[ "$(uname -m)" = x86_64 ] || { say "needs an x86_64 host (found $(uname -m))"; exit 2; }
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
  say "needs a Debian-like host (dpkg, apt-get)"; exit 2
fi

# ---------------------------------------------------------------------------------- packages
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "$PROG: missing packages (run as root or: sudo apt-get install ${missing[*]})" >&2
    exit 2
  fi
  say "installing ${missing[*]}"
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# ---------------------------------------------------------------------------------- kernel (cached)
kernel_pkg() {
  apt-cache depends linux-image-amd64 2>/dev/null |
    awk '/Depends: linux-image-[0-9]/ && !k {k=$2} END {print k}'
}
KPKG=${LVS_LAB_KERNEL_PKG:-$(kernel_pkg)}
if [ -z "$KPKG" ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2; KPKG=$(kernel_pkg); fi
  [ -n "$KPKG" ] || { say "apt does not know linux-image-amd64 (run: sudo apt-get update)"; exit 2; }
fi
KV=${KPKG#linux-image-}
HOME_DIR=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
CACHE=${LVS_LAB_CACHE:-${HOME_DIR:-/tmp}/.cache/lvs-wizard-lab}
KDIR=$CACHE/$KPKG.v$CACHE_LAYOUT
mkdir -p "$CACHE"
fetch_kernel() {   # download the kernel .deb and unpack the part the lab needs into $KDIR
  local tmp
  tmp=$(mktemp -d "$CACHE/.tmp.XXXXXX")
  chmod 755 "$tmp"                       # apt-get download as root hands the file to _apt
  say "downloading $KPKG into $CACHE (once)"
  (cd "$tmp"; apt-get download -qq "$KPKG" 2>&1 | { grep -v 'unsandboxed as root' >&2 || true; })
  local deb
  deb=$(find "$tmp" -maxdepth 1 -name "${KPKG}_*.deb" | head -1)
  [ -n "$deb" ] || { rm -rf "$tmp"; say "apt-get download $KPKG failed"; exit 1; }
  mkdir "$tmp/k"
  # Unpack only what the lab needs (~60 MB, not ~400 MB). `cat` drains the pipe after tar has
  # seen the end-of-archive marker, or dpkg-deb dies of SIGPIPE.
  dpkg-deb --fsys-tarfile "$deb" | {
    tar -x -C "$tmp/k" --wildcards './boot/vmlinuz-*' './lib/modules/*/modules.*' \
      './lib/modules/*/kernel/net/*' './lib/modules/*/kernel/lib/*' \
      './lib/modules/*/kernel/crypto/*' './lib/modules/*/kernel/arch/x86/crypto/*' \
      './lib/modules/*/kernel/drivers/net/veth.ko*' './lib/modules/*/kernel/drivers/net/dummy.ko*' \
      './lib/modules/*/kernel/drivers/net/macvlan.ko*' './lib/modules/*/kernel/drivers/net/ipvlan/*'
    cat >/dev/null
  }
  [ -f "$tmp/k/boot/vmlinuz-$KV" ] || { rm -rf "$tmp"; say "no vmlinuz-$KV in $deb"; exit 1; }
  depmod -b "$tmp/k" "$KV"               # the .deb ships no modules.dep
  dpkg-deb -f "$deb" Version > "$tmp/k/VERSION"
  rm -f "$deb"
  rm -rf "$KDIR"
  mv "$tmp/k" "$KDIR"
  rm -rf "$tmp"
  # drop caches of other kernel versions / layouts
  find "$CACHE" -mindepth 1 -maxdepth 1 -name 'linux-image-*' ! -name "$(basename "$KDIR")" -exec rm -rf {} +
}
if [ ! -f "$KDIR/VERSION" ]; then
  exec 9>"$CACHE/.lock"
  flock 9                                # two runs at once: the second waits for the first
  [ -f "$KDIR/VERSION" ] || fetch_kernel
  exec 9>&-
fi
say "kernel $KPKG $(cat "$KDIR/VERSION") from $KDIR"

# ---------------------------------------------------------------------------------- work dir
if [ -n "$WORK" ]; then
  mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
else
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/lvs-lab.XXXXXX")
  if [ "${LVS_LAB_KEEP:-0}" = 1 ]; then
    say "work directory kept: $WORK"
  else
    trap 'rm -rf "$WORK"' EXIT
  fi
fi

# ---------------------------------------------------------------------------------- rootfs
R=$WORK/rootfs
rm -rf "$R"
mkdir -p "$R"/usr/{bin,sbin,lib,lib64} "$R"/{etc,proc,sys,dev,run,tmp,var,root,lab,opt/lab/scenarios}
for d in bin sbin lib lib64; do ln -s "usr/$d" "$R/$d"; done      # merged /usr, like Debian 12

# copy_file SRC: the file, at the same (resolved) path in the guest, plus the libraries ldd lists.
copy_file() {
  local src real l
  src=$1; real=$(readlink -f "$src")
  [ -e "$R$real" ] && [ ! -L "$R$real" ] && return 0
  mkdir -p "$R$(dirname "$real")"
  rm -f "$R$real"                        # never write through a link (it could be a host path)
  cp "$real" "$R$real"
  ldd "$real" 2>/dev/null | grep -o '/[^ ]*' | while read -r l; do
    [ -e "$R$(readlink -f "$l")" ] && continue
    mkdir -p "$R$(dirname "$l")" "$R$(dirname "$(readlink -f "$l")")"
    cp "$(readlink -f "$l")" "$R$(readlink -f "$l")"
    [ "$l" = "$(readlink -f "$l")" ] || [ -e "$R$l" ] || ln -sr "$R$(readlink -f "$l")" "$R$l"
  done
}
# add_tool NAME: a real tool wherever the host has it in /usr/sbin or /usr/bin (so /sbin/NAME
# exists in the guest exactly when it does on the host); links are recreated as links.
add_tool() {
  local d found=
  for d in /usr/sbin /usr/bin; do
    [ -e "$d/$1" ] || continue
    found=1
    copy_file "$d/$1"
    if [ "$(readlink -f "$d/$1")" != "$d/$1" ] && [ ! -e "$R$d/$1" ]; then
      ln -sr "$R$(readlink -f "$d/$1")" "$R$d/$1"
    fi
  done
  [ -n "$found" ] || { say "host has no $1"; return 1; }
}
for t in bash ip ipvsadm ifconfig route arp netstat kmod modprobe insmod rmmod lsmod depmod \
         modinfo sysctl keepalived; do
  add_tool "$t"
done
# Real userland where a script could meet it: busybox applets that run other programs (timeout,
# env, xargs, nohup, nice...) prefer their own applets to PATH, so busybox `timeout 5 ip ...`
# would run busybox's `ip`. Hence the real coreutils, grep, sed, awk (mawk), findutils, procps...
for p in coreutils grep sed mawk findutils diffutils procps psmisc sysvinit-utils hostname; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || continue
  for t in $(dpkg -L "$p" | sed -n 's|^\(/usr\)\{0,1\}/s\{0,1\}bin/\([^/]*\)$|\2|p' | sort -u); do
    add_tool "$t" 2>/dev/null || true
  done
done
add_tool awk
for t in flock getopt logger setsid nsenter unshare taskset ionice prlimit; do   # util-linux, bsdutils
  add_tool "$t" 2>/dev/null || true
done
# iptables: the legacy (x_tables) variant: it needs only ip_tables/iptable_* modules, which the
# kernel autoloads; extensions (libxt_*.so) are dlopen()ed, so ldd does not list them.
copy_file /usr/sbin/xtables-legacy-multi
for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
  ln -s xtables-legacy-multi "$R/usr/sbin/$t"
done
XTDIR=$(dirname "$(ldd /usr/sbin/xtables-legacy-multi | grep -o '/[^ ]*libxtables[^ ]*')")/xtables
mkdir -p "$R$XTDIR"
cp "$XTDIR"/*.so "$R$XTDIR"/
for l in "$XTDIR"/*.so; do                # their own libraries (libip4tc, ...), if any
  ldd "$l" 2>/dev/null | grep -o '/[^ ]*' | while read -r x; do
    [ -e "$R$(readlink -f "$x")" ] || copy_file "$x"
    [ -e "$R$x" ] || ln -sr "$R$(readlink -f "$x")" "$R$x"
  done
done
# busybox (static) last, and only where no real tool is: httpd, wget, arping, awk, sed, grep...
cp /bin/busybox "$R/usr/bin/busybox"
for a in $("$R/usr/bin/busybox" --list); do
  [ -e "$R/usr/bin/$a" ] || [ -L "$R/usr/bin/$a" ] || [ -e "$R/usr/sbin/$a" ] || [ -L "$R/usr/sbin/$a" ] && continue
  ln -s busybox "$R/usr/bin/$a"
  ln -s ../bin/busybox "$R/usr/sbin/$a"
done
[ -f /lib/lsb/init-functions ] && { mkdir -p "$R/usr/lib/lsb/init-functions.d"; cp /lib/lsb/init-functions "$R/usr/lib/lsb/"; }

# a minimal /etc
printf 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$R/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$R/etc/group"
printf '127.0.0.1\tlocalhost lab\n' > "$R/etc/hosts"
echo lab > "$R/etc/hostname"
printf '# empty: the lab guest has no persistent sysctl settings\n' > "$R/etc/sysctl.conf"
mkdir -p "$R/etc/sysctl.d" "$R/etc/iproute2" "$R/etc/modprobe.d" "$R/etc/init.d" "$R/etc/default"
printf 'hosts: files\npasswd: files\ngroup: files\n' > "$R/etc/nsswitch.conf"

# ---------------------------------------------------------------------------------- modules
# The dependency closure, as `modprobe` would load it, then depmod on the guest root, so that a
# plain `modprobe NAME` works inside the guest (the generated scripts call it themselves).
MANDATORY_MODULES="veth bridge ip_vs ip_vs_wlc"
OPTIONAL_MODULES="ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_lblc ip_vs_lblcr ip_vs_dh ip_vs_sh ip_vs_sed
  ip_vs_nq ip_vs_fo ip_vs_ovf ip_vs_mh ip_vs_twos ip_vs_ftp ipip fou fou6 ip_gre ip6_tunnel
  tunnel4 tunnel6 sit ip_tables iptable_filter iptable_mangle iptable_nat ip6_tables
  ip6table_filter ip6table_mangle x_tables xt_mark xt_multiport xt_tcpudp xt_conntrack xt_comment
  xt_ipvs nf_conntrack nf_nat dummy macvlan $EXTRA_MODULES"
MODLIST=$WORK/modules.list
: > "$MODLIST"
SKIPPED=
for m in $MANDATORY_MODULES $OPTIONAL_MODULES; do
  if ! deps=$(modprobe -d "$KDIR" -S "$KV" --show-depends "$m" 2>/dev/null); then
    case " $MANDATORY_MODULES " in *" $m "*) say "kernel $KV lacks mandatory module $m"; exit 1 ;; esac
    SKIPPED="$SKIPPED $m"
    continue
  fi
  echo "$deps" | awk '$1=="insmod"{print $2}' >> "$MODLIST"
done
MD=$R/lib/modules/$KV
mkdir -p "$MD"
awk '!seen[$0]++' "$MODLIST" | while read -r ko; do
  rel=${ko#"$KDIR/lib/modules/$KV/"}
  mkdir -p "$MD/$(dirname "$rel")"
  cp "$ko" "$MD/$rel"
done
cp "$KDIR/lib/modules/$KV"/modules.{order,builtin,builtin.modinfo} "$MD/"
depmod -b "$R" "$KV"

# ---------------------------------------------------------------------------------- java (--jar)
# add_java: a jlink runtime with the modules the jar needs (jdeps), cached per JDK and module set,
# at /opt/jre; the jar at /opt/lvs-wizard.jar; /usr/bin/lvs-wizard runs it. The JVM is told to be
# small and quick to start: the guest has 1 GiB and emulated CPUs.
add_java() {
  local jdk_bin mods key jre
  jdk_bin=$(dirname "$(readlink -f "$(command -v jlink || echo /missing/jlink)")")
  if [ ! -x "$jdk_bin/jlink" ] || [ ! -x "$jdk_bin/jdeps" ]; then
    say "--jar needs jlink and jdeps (a full JDK, e.g. apt-get install openjdk-17-jdk-headless)"; exit 2
  fi
  mods=$("$jdk_bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$JAR" 2>/dev/null | tail -1)
  [ -n "$mods" ] || { say "jdeps could not list the modules of $JAR"; exit 2; }
  key=$("$jdk_bin/java" -version 2>&1 | head -1 | tr -cd 'A-Za-z0-9.' | cut -c1-40)-$(echo "$mods" | md5sum | cut -c1-8)
  jre=$CACHE/jre-$key
  if [ ! -x "$jre/bin/java" ]; then
    say "jlink: a runtime with $mods into $jre (once)"
    rm -rf "$jre.tmp"
    "$jdk_bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output "$jre.tmp" 2>&1 | grep -v 'deprecated' >&2 || true
    [ -x "$jre.tmp/bin/java" ] || { say "jlink failed"; exit 1; }
    rm -rf "$jre"; mv "$jre.tmp" "$jre"
  fi
  mkdir -p "$R/opt"
  cp -a "$jre" "$R/opt/jre"
  for l in "$jre/bin/java" "$jre"/lib/*.so "$jre"/lib/server/*.so; do
    ldd "$l" 2>/dev/null | grep -o '/[^ ]*' | while read -r x; do
      case $(readlink -f "$x") in "$(readlink -f "$jre")"/*) continue ;; esac   # the runtime's own
      [ -e "$R$(readlink -f "$x")" ] || copy_file "$x"
      [ -e "$R$x" ] || ln -sr "$R$(readlink -f "$x")" "$R$x"
    done
  done
  cp "$JAR" "$R/opt/lvs-wizard.jar"
  cat > "$R/usr/bin/lvs-wizard" <<'WRAPPER'
#!/bin/bash
exec /opt/jre/bin/java -Xmx128m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar /opt/lvs-wizard.jar "$@"
WRAPPER
  chmod 755 "$R/usr/bin/lvs-wizard"
  say "java: $mods, $(du -sh "$R/opt/jre" | cut -f1) runtime in the guest"
}

# ---------------------------------------------------------------------------------- ansible (--ansible)
# add_ansible: the host's python3 and Debian's ansible-core with the modules it imports (not the
# cryptography it needs only for vaults), Python's standard library without its tests and build
# files, and the C.UTF-8 locale Ansible insists on: ansible-playbook runs inside the guest.
add_ansible() {
  local py so l dist=/usr/lib/python3/dist-packages
  command -v ansible-playbook >/dev/null || { say "--ansible needs ansible-core (apt-get install ansible-core)"; exit 2; }
  py=$(readlink -f /usr/bin/python3)
  copy_file "$py"
  ln -sf "$(basename "$py")" "$R/usr/bin/python3"
  (cd /usr/lib && tar cf - --exclude='*/test' --exclude='*/config-*' --exclude='*/idlelib' --exclude='*/tkinter' \
      --exclude='*/lib2to3' --exclude='*/ensurepip' --exclude='*/pydoc_data' "$(basename "$py")") | (cd "$R/usr/lib" && tar xf -)
  mkdir -p "$R$dist"
  (cd "$dist" && tar cf - ansible ansible_core-*-info yaml _yaml PyYAML-*-info jinja2 Jinja2-*-info markupsafe \
      MarkupSafe-*-info packaging packaging-*-info resolvelib resolvelib-*-info) | (cd "$R$dist" && tar xf -)
  find "$R/usr/lib/$(basename "$py")/lib-dynload" "$R$dist" -name '*.so' | while read -r so; do
    { ldd "$so" 2>/dev/null | grep -o '/[^ ]*' || true; } | while read -r l; do
      [ -e "$R$(readlink -f "$l")" ] || copy_file "$l"
      [ -e "$R$l" ] || ln -sr "$R$(readlink -f "$l")" "$R$l"
    done
  done
  cp /usr/bin/ansible-playbook "$R/usr/bin/ansible-playbook"
  mkdir -p "$R/usr/lib/locale"
  cp -a /usr/lib/locale/C.utf8 "$R/usr/lib/locale/"
  say "ansible: $(ansible-playbook --version 2>/dev/null | sed -n 1p), $(du -sh "$R/usr/lib/$(basename "$py")" | cut -f1) of python in the guest"
}

# ---------------------------------------------------------------------------------- harness + scripts
cp "$HERE/guest-init.sh" "$R/init"
cp "$HERE/guest-lib.sh" "$R/opt/lab/"
cp "$HERE"/scenarios/*.sh "$R/opt/lab/scenarios/"
cat > "$R/opt/lab/lab.conf" <<EOF
LAB_SCENARIO=$SCENARIO
LAB_SCRIPTS="$LAB_SCRIPTS"
EOF
# scripts executable; anything else (keepalived refuses an executable configuration file) 0644
for s in $LAB_SCRIPTS; do
  cp "$SCRIPTS/$s" "$R/lab/$s"
  case $s in *.sh) chmod 755 "$R/lab/$s" ;; *) chmod 644 "$R/lab/$s" ;; esac
done
chmod 755 "$R/init"
if [ -n "$JAR" ]; then add_java; fi
if [ -n "$ANSIBLE" ]; then add_ansible; fi
(cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -1) > "$WORK/initramfs.cpio.gz"
say "initramfs $(du -h "$WORK/initramfs.cpio.gz" | cut -f1), $(find "$MD" -name '*.ko*' | wc -l) modules (not in this kernel:${SKIPPED:- none}), scenario $SCENARIO"

# ---------------------------------------------------------------------------------- boot
MEM=512
[ -z "$JAR$ANSIBLE" ] || MEM=1024
case $ACCEL in
  kvm) ACC=(-enable-kvm -cpu host) ;;
  *)   ACC=(-accel tcg -cpu max) ;;    # -enable-kvm may fail or hang on nested/limited hosts
esac
START=$(date +%s)
set +e
timeout -k 10 "$VM_TIMEOUT" qemu-system-x86_64 "${ACC[@]}" -m "$MEM" -smp 1 \
  -nographic -no-reboot -nic none \
  -kernel "$KDIR/boot/vmlinuz-$KV" -initrd "$WORK/initramfs.cpio.gz" \
  -append "console=ttyS0 panic=-1 quiet loglevel=3" < /dev/null |
  sed -u -e 's/\r//g' -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\x1bc//g' | tee "$WORK/console.log"
RC=${PIPESTATUS[0]}
set -e
say "qemu exit=$RC after $(($(date +%s) - START)) s (timeout ${VM_TIMEOUT} s, accel $ACCEL)"
[ "$RC" = 124 ] && say "VM timed out"
if [ "$(grep -a '^LAB_VERDICT ' "$WORK/console.log" | tail -1)" = "LAB_VERDICT PASS" ]; then
  exit 0
fi
say "no LAB_VERDICT PASS"
exit 1
