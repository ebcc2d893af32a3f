#!/bin/sh
# /usr/bin/lvs-wizard (Debian package): runs the jar on a Java 17 or later, looked for in
# JAVA_HOME when it is set and usable, then on PATH, then under /usr/lib/jvm.
set -u

# LVS_WIZARD_JAR runs another build's jar the same way (the benchmarks time a fresh build through
# this launcher); it changes nothing a caller could not already do by running java themselves.
jar=${LVS_WIZARD_JAR:-/usr/share/lvs-wizard/lvs-wizard.jar}
needed=17

# The major version of the java binary $1, or nothing. A JDK's release file answers without
# starting a JVM (Debian's, Temurin's); otherwise -version does, read from the line that names
# the version (JAVA_TOOL_OPTIONS may print a line before it). 1.8 reads as 1: too old anyway.
java_major() {
    release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
    if [ -r "$release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
    else
        "$1" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version 2>&1 \
            | sed -n 's/^.* version "\([0-9]*\).*/\1/p' | head -n 1
    fi
}

# True when $1 is an executable java of at least the needed major version.
usable() {
    [ -n "$1" ] && [ -x "$1" ] && [ ! -d "$1" ] || return 1
    major="$(java_major "$1")"
    case "$major" in
        '' | *[!0-9]*) return 1 ;;
    esac
    [ "$major" -ge "$needed" ]
}

java=
if [ -n "${JAVA_HOME:-}" ] && usable "$JAVA_HOME/bin/java"; then
    java="$JAVA_HOME/bin/java"
elif usable "$(command -v java 2>/dev/null)"; then
    java="$(command -v java)"
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

# Start-up options for a short-lived command-line tool: the C1 compiler only, the serial
# collector, no perf-data file in /tmp, and the class-data archive when there is one. No -Xrs:
# lvs-wizard restores the terminal in shutdown hooks that SIGINT and SIGTERM must still run.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -jar "$jar" "$@"
