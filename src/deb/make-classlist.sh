#!/bin/bash
# Writes src/deb/lvs-wizard.classlist: the classes lvs-wizard loads on its common paths, from which
# the launcher builds its class-data archive (-Xshare:dump -XX:SharedClassListFile). Each path runs
# with -XX:DumpLoadedClassList: --version, --help, validate, generate and lint of the how-to's
# example, and the wizard in a real terminal (tmux) from the start screen through all seven steps of
# the example. Run it after a change that loads other classes on those paths; a list that has gone
# stale costs start-up time, never correctness (a class it misses loads from the jar as before).
# Needs a built jar (mvn -B package -DskipTests) and tmux.
# Usage: bash src/deb/make-classlist.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
jar=$PWD/target/lvs-wizard.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 2; }
command -v tmux >/dev/null || { echo "missing tmux: apt-get install tmux" >&2; exit 2; }
work=$(mktemp -d)
socket="lvs-classlist-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
# the launcher's flags: a list is specific to what the JVM loads with them
java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
seed=$PWD/examples/seed-dr.json

n=0
dump() {
    n=$((n + 1))
    "${java[@]}" -XX:DumpLoadedClassList="$work/$n.list" -jar "$jar" "$@" >/dev/null 2>&1 || true
}
dump --version
dump --help
dump validate --config "$seed"
dump generate --config "$seed" --out "$work/out"
dump lint "$PWD/src/test/resources/imports/director-fwmark.sh"

# the wizard: the start screen, the how-to's example (the fourth answer), Ctrl-N through every step, F10
n=$((n + 1))
tmux -L "$socket" new-session -d -s w -x 100 -y 30 -c "$work" \
    "LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=$work/config ${java[*]} -XX:DumpLoadedClassList=$work/$n.list -jar $jar; echo EXIT=\$? > $work/exit"
tmux -L "$socket" set -s escape-time 0
wait_for() {
    local i
    for i in $(seq 300); do
        tmux -L "$socket" capture-pane -p -t w | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    echo "the wizard never showed: $1" >&2
    exit 1
}
wait_for "The how-to's example"
for key in Down Down Down Enter; do tmux -L "$socket" send-keys -t w "$key"; sleep 0.2; done
for step in Services Director "Real servers" Review Preview Generate; do
    wait_for "^N next"
    tmux -L "$socket" send-keys -t w C-n
    wait_for "$step  ·"
done
tmux -L "$socket" send-keys -t w F10
for _ in $(seq 300); do [ -s "$work/exit" ] && break; sleep 0.1; done
[ -s "$work/exit" ] || { echo "the wizard did not quit" >&2; exit 1; }

# every class once, in the order first loaded (a class's supertypes come before it)
{
    echo "# lvs-wizard's class list for the launcher's class-data archive: written by src/deb/make-classlist.sh"
    for i in $(seq "$n"); do grep -v '^#' "$work/$i.list"; done | awk '!seen[$0]++'
} >src/deb/lvs-wizard.classlist
echo "src/deb/lvs-wizard.classlist: $(grep -vc '^#' src/deb/lvs-wizard.classlist) classes"
