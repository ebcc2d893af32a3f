#!/bin/sh
# /usr/bin/lvs-wizard (Debian package): runs the jar on a Java 17 or later, looked for in
# JAVA_HOME when it is set and usable, then on PATH, then under /usr/lib/jvm.
set -u

# LVS_WIZARD_JAR runs another build's jar the same way (the benchmarks time a fresh build through
# this launcher); it changes nothing a caller could not already do by running java themselves.
jar=${LVS_WIZARD_JAR:-/usr/share/lvs-wizard/lvs-wizard.jar}
needed=17

# Sets java_real to the java binary $1 with its links resolved and major to its major version (or
# nothing). A JDK's release file answers without starting a JVM (Debian's, Temurin's), read by the
# shell itself (every process this script starts delays lvs-wizard's); otherwise -version does,
# read from the line that names the version (JAVA_TOOL_OPTIONS may print a line before it). 1.8
# reads as 1: too old anyway.
java_major() {
    java_real=$(readlink -f "$1")
    major=
    release=${java_real%/bin/*}/release
    if [ -r "$release" ]; then
        while IFS='=' read -r name value; do
            if [ "$name" = JAVA_VERSION ]; then
                value=${value#\"}
                major=${value%%[!0-9]*}
                break
            fi
        done <"$release"
    else
        major=$("$1" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version 2>&1 \
            | sed -n 's/^.* version "\([0-9]*\).*/\1/p' | head -n 1)
    fi
}

# True when $1 is an executable java of at least the needed major version (java_real: its binary).
usable() {
    [ -n "$1" ] && [ -x "$1" ] && [ ! -d "$1" ] || return 1
    java_major "$1"
    case "$major" in
        '' | *[!0-9]*) return 1 ;;
    esac
    [ "$major" -ge "$needed" ]
}

java=
if [ -n "${JAVA_HOME:-}" ] && usable "$JAVA_HOME/bin/java"; then
    java="$JAVA_HOME/bin/java"
elif on_path=$(command -v java 2>/dev/null) && usable "$on_path"; then
    java=$on_path
else
    for candidate in /usr/lib/jvm/*/bin/java; do
        if usable "$candidate"; then
            java="$candidate"
            break
        fi
    done
fi
if [ -z "$java" ]; then
    echo "lvs-wizard: needs Java $needed or later, found none in JAVA_HOME, on PATH or in /usr/lib/jvm" \
        "(apt install default-jre-headless)" >&2
    exit 2
fi
java_home=${java_real%/bin/*}

# The class-data archive: the JDK's and lvs-wizard's classes as the JVM has them after loading,
# mapped from one file instead of parsed and verified at every start. A *static* archive, built from
# the class list that ships beside the jar (-Xshare:dump): Java 17's dynamic archives leave out
# picocli's classes (they are Java 5 class files). An archive fits one jar and one JDK build, so its
# name is a checksum of both; a missing one is built in the background (niced, silent) for the next
# start, and this one starts without. lvs-wizard often runs as root: an archive is only used from a
# directory of this user's that no one else can write (root's in /var/cache/lvs-wizard, a user's in
# $XDG_CACHE_HOME or ~/.cache). A stale, damaged or refused archive costs start-up time only: the JVM
# (-Xshare:auto) checks the JDK build, the jar's path, size and time, and the file's header, and
# starts without the archive on any mismatch.

# "OWNER MODE SIZE TIME" of each path, one line each, from one stat (its process is most of what
# this costs). A symbolic link is described as itself (mode 777: never private); a missing path
# as /dev/null (root's, mode 666: never private either).
facts() {
    for path in "$@"; do
        shift
        if [ -e "$path" ] || [ -L "$path" ]; then
            set -- "$@" "$path"
        else
            set -- "$@" /dev/null
        fi
    done
    stat -c '%u %a %s %Y' -- "$@" 2>/dev/null
}

# True when a path of owner $1 and mode $2 is this user's (or root's too, when $3 is or-root) and
# no one else may write it (as or-root, a sticky directory like /tmp will do for a parent).
private_to_me() {
    [ "$1" = "$uid" ] || { [ "${3:-}" = or-root ] && [ "$1" = 0 ]; } || return 1
    case $2 in *[!0-7]* | '') return 1 ;; esac
    [ $((0$2 & 022)) -eq 0 ] || { [ "${3:-}" = or-root ] && [ $((0$2 & 01000)) -ne 0 ]; }
}

# Sets dir to the directory of this user's archives: root's in /var/cache, a user's in the cache
# home (nothing without an absolute one).
archive_dir() {
    dir=
    if [ -z "$uid" ]; then
        return
    elif [ "$uid" = 0 ]; then
        dir=/var/cache/lvs-wizard
    elif [ -n "${XDG_CACHE_HOME:-}" ] && [ "${XDG_CACHE_HOME#/}" != "$XDG_CACHE_HOME" ]; then
        dir=$XDG_CACHE_HOME/lvs-wizard
    elif [ -n "${HOME:-}" ] && [ "${HOME#/}" != "$HOME" ]; then
        dir=$HOME/.cache/lvs-wizard
    fi
}

# Builds $archive from $classes in the background, at the lowest priority, with every output
# discarded; one build at a time (flock), into a temporary name that becomes the archive once a
# JVM has started with it (-Xshare:on fails when it cannot use the archive). Archives of other jars
# or JDKs in the directory are removed then.
build_archive() {
    (
        trap '' HUP INT QUIT
        temporary=$dir/.building-$$.jsa
        if command -v flock >/dev/null && ! flock -n 9; then
            exit 0
        fi
        nice -n 19 "$java" -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$temporary" \
            -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$jar" &&
            nice -n 19 "$java" -Xshare:on -XX:SharedArchiveFile="$temporary" -XX:TieredStopAtLevel=1 \
                -XX:+UseSerialGC -XX:-UsePerfData -cp "$jar" lvswizard.cli.Entry --version &&
            chmod 600 "$temporary" && size=$(stat -c %s "$temporary") &&
            mv -f "$temporary" "$dir/$key-$size.jsa" &&
            for old in "$dir"/*.jsa; do
                [ "$old" = "$dir/$key-$size.jsa" ] || rm -f "$old"
            done
        rm -f "$temporary"
    ) 9>>"$dir/.lock" </dev/null >/dev/null 2>&1 &
}

# The archive to start with, or nothing (and a build started when it is missing). Its name is a
# checksum of the JDK (its libjvm.so and release file), the jar and the class list: the path, size
# and time of each. Each process here delays every start (a few milliseconds each): one readlink
# only for a jar named through a link or a relative path, one stat for every fact, one cksum.
uid=
while read -r name _ effective _; do
    if [ "$name" = Uid: ]; then
        uid=$effective
        break
    fi
done </proc/self/status 2>/dev/null
if [ -L "$jar" ] || [ "${jar#/}" = "$jar" ]; then
    resolved=$(readlink -f "$jar") && [ -n "$resolved" ] && jar=$resolved
fi
classes=${jar%/*}/lvs-wizard.classlist
share=
archive_dir
archive_option() {
    [ -n "$dir" ] && [ -f "$jar" ] && [ -f "$classes" ] || return
    [ -d "$dir" ] || (umask 077 && mkdir -p "$dir") 2>/dev/null
    # the archives there now (the pattern itself when there is none: a missing path to facts)
    set -- "$dir"/*.jsa
    count=$((6 + $#))
    # shellcheck disable=SC2046 # four words a path: owner, mode, size, time
    set -- $(facts "${dir%/*}" "$dir" "$classes" "$java_home/lib/server/libjvm.so" "$java_home/release" "$jar" "$@")
    # a path stat could not describe (not a missing one) leaves nothing to trust
    [ $# -eq $((4 * count)) ] || return
    private_to_me "$1" "$2" or-root && private_to_me "$5" "$6" && private_to_me "$9" "${10}" or-root || return
    # the directory's own facts change with its contents: the key is the next four paths'
    key=$(cksum <<EOF
$java_home
$jar
$9 ${10} ${11} ${12} ${13} ${14} ${15} ${16} ${17} ${18} ${19} ${20} ${21} ${22} ${23} ${24}
EOF
)
    key=${key%% *}
    shift 24
    # KEY-SIZE.jsa: a JVM that maps a truncated archive can crash (SIGBUS), so the size it was
    # built with must be the size it has (-XX:+VerifySharedSpaces, a checksum, costs more than
    # the archive saves)
    # the same archives as stat described (one built meanwhile would shift their facts)
    now=0
    for candidate in "$dir"/*.jsa; do
        now=$((now + 1))
    done
    [ "$now" -eq $((count - 6)) ] || return
    archive=$dir/$key-.jsa
    for candidate in "$dir"/*.jsa; do
        case ${candidate##*/} in
            "$key"-*.jsa)
                archive=$candidate
                break
                ;;
        esac
        shift 4
    done
    built_size=${archive%.jsa}
    built_size=${built_size##*-}
    if [ "$archive" = "$dir/$key-.jsa" ]; then
        build_archive
    elif private_to_me "$1" "$2" && [ "$3" = "$built_size" ]; then
        share=-XX:SharedArchiveFile=$archive
    elif private_to_me "$1" "$2"; then
        rm -f "$archive" && build_archive
    fi
}
archive_option

# The wizard (no command: nothing, or options first) starts with a small heap that grows as it
# needs: its live data are a few megabytes, and with the default initial heap (1/64 of the memory)
# the collector lets garbage fill tens of megabytes first. Commands keep the default: generate's
# heap at 10,000 real servers would grow through many full collections.
heap=
case ${1:-} in
    '' | -*) heap=-Xms8m ;;
esac

# Start-up options for a short-lived command-line tool: the C1 compiler only, on one thread (a
# second compiler thread competes with lvs-wizard's two threads for the cores of a small machine:
# validate and generate of the how-to's example started 15-20 ms sooner on two cores), the serial
# collector, no perf-data file in /tmp, and the class-data archive when there is one. No -Xrs:
# lvs-wizard restores the terminal in shutdown hooks that SIGINT and SIGTERM must still run.
# shellcheck disable=SC2086 # $heap and $share are one word or none
exec "$java" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto $heap $share -jar "$jar" "$@"
