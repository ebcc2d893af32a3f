#!/bin/bash
# The project's test command (README "Test"; .ci/run calls it): installs what the tests need when
# it can, then runs every test - unit, golden files, shellcheck, jqwik properties, the shipped
# jar's command line, and the real-kernel lab (Debian's kernel under QEMU running the generated
# scripts against IPVS).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Debian packages the tests use: shellcheck for the generated scripts, tmux for the wizard in a
# real terminal, lintian, man-db and bash-completion for the Debian package (DebPackageIT),
# ansible-core and ansible-lint for the Ansible export (AnsibleIT, AnsibleVmIT), the rest for the
# QEMU lab.
packages=(shellcheck tmux lintian man-db bash-completion ansible-core ansible-lint qemu-system-x86 busybox-static ipvsadm iproute2 net-tools
    kmod cpio iptables procps keepalived)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "run-all: missing Debian packages: ${missing[*]}" >&2
        echo "run-all: run this script as root, or first: sudo apt-get install -y ${missing[*]}" >&2
        exit 2
    fi
    echo "run-all: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec mvn -B -ntp verify "$@"
