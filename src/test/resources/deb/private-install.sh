#!/bin/sh
# DebPackageIT's scenario, run as root under `unshare --mount`: dpkg installs the package into this
# mount namespace's copy-on-write view of /usr, /var and /etc (overlays whose upper layers live on a
# tmpfs), so the host never changes and nothing needs a chroot built first. Each step prints
# "=== NAME", its output (stdout and stderr), then "=== NAME exit CODE".
# Usage: private-install.sh DEB LAYERS_DIR
set -u
deb=$1
layers=$2

step() {
    name=$1
    shift
    echo "=== $name"
    "$@" 2>&1
    echo "=== $name exit $?"
}

# The completion as bash-completion loads it on demand, then asked what follows "$@" (the cursor at
# the end of the last word): one candidate a line.
complete_words() {
    bash -c '. /usr/share/bash-completion/bash_completion
        _completion_loader lvs-wizard
        function=$(complete -p lvs-wizard | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        "$function" lvs-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
        printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}

# No Java anywhere the launcher looks: JAVA_HOME unset, and /usr/lib/jvm (where /usr/bin/java leads) empty.
without_java() {
    mount -t tmpfs no-java /usr/lib/jvm || return 1
    env -u JAVA_HOME lvs-wizard --version
    code=$?
    umount /usr/lib/jvm
    return $code
}

# What the package changed: in /usr and /etc any file, or a directory the host does not have; in
# /var anything named after it (dpkg's own status and log files change by design). After the
# install it lists the package's files (the check sees them); after the removal it must be empty.
changes() {
    for d in usr etc; do
        (cd "$layers/$d/upper" && find . -mindepth 1) | while read -r path; do
            if [ ! -d "$layers/$d/upper/$path" ] || [ ! -d "$layers/$d/lower/$path" ]; then
                echo "/$d/${path#./}"
            fi
        done
    done
    # (not overlayfs's whiteouts, character devices that record the deletion of a path the host
    # has, such as a /var/cache/lvs-wizard of the host's own lvs-wizard that dpkg -r removed)
    (cd "$layers/var/upper" && find . -name '*lvs-wizard*' ! -type c) | sed 's|^\.|/var|'
}

mount -t tmpfs lvs-wizard-layers "$layers" || exit 1
for d in usr var etc; do
    mkdir -p "$layers/$d/lower" "$layers/$d/upper" "$layers/$d/work"
    # the host's tree seen from below the overlay: what "the host has" means in left_behind
    mount --bind "/$d" "$layers/$d/lower" || exit 1
    mount -t overlay "overlay-$d" -o "lowerdir=$layers/$d/lower,upperdir=$layers/$d/upper,workdir=$layers/$d/work" \
        "/$d" || exit 1
done

step install dpkg -i "$deb"
step changes-after-install changes
# The class-data archive root's first start builds in the background; the next start maps it
archive() {
    flock /var/cache/lvs-wizard/.lock true && stat -c '%U %a %n' /var/cache/lvs-wizard /var/cache/lvs-wizard/*.jsa
}
loaded_from() {
    JAVA_TOOL_OPTIONS=-Xlog:class+load lvs-wizard --version 2>&1 | sed -n 's/.* lvswizard.cli.Entry source: //p'
}

step version lvs-wizard --version
step archive archive
step loaded-from loaded_from
step version-with-unusable-java-home env JAVA_HOME=/nonexistent lvs-wizard --version
step without-java without_java
step man-path man -w lvs-wizard
step man env MANWIDTH=100 man --warnings -l /usr/share/man/man1/lvs-wizard.1.gz
step complete-subcommand complete_words lvs-wizard gen
step complete-option complete_words lvs-wizard generate --fo
step remove dpkg -r lvs-wizard
# shellcheck disable=SC2016 # the format is dpkg-query's, not the shell's
step status dpkg-query -W -f '${db:Status-Status}' lvs-wizard
step changes-after-remove changes
