package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.output.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts' LSB exit codes as systemd sees them: its SysV wrapper counts 5 and 6 as success, so
 * under systemd (INVOCATION_ID set) a start that failed for a missing interface exits 1. Run for
 * real as root, in a mount namespace with a /run of its own; the preflight fails before any change.
 */
class ScriptExitCodeTest {
    @Test
    void aMissingInterfaceIsSixByHandAndOneUnderSystemd(@TempDir Path dir) throws Exception {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/0/interface", "\"lvswnone0\"");
        new OutputDirectory(dir).write(new ScriptsExport().files(Examples.plan(Examples.cluster(tree)),
                Export.Options.of(Flavour.IPROUTE2)), false);
        String script = dir.resolve("realserver-rs1.sh").toString();
        Tools.Result byHand = Tools.run(privateRun(script, "env", "-u", "INVOCATION_ID"));
        assertThat(byHand.exitCode()).as(byHand.output()).isEqualTo(6);
        assertThat(byHand.output()).contains("interface lvswnone0 does not exist on this host");
        Tools.Result underSystemd = Tools.run(privateRun(script, "env", "INVOCATION_ID=0123456789abcdef"));
        assertThat(underSystemd.exitCode()).as(underSystemd.output()).isEqualTo(1);
        assertThat(underSystemd.output()).contains("interface lvswnone0 does not exist on this host");
    }

    /**
     * reload puts back a lost VIP without taking the others down (ip monitor sees no deletion), and
     * is 7 when not started; restart starts again when stop only warned (systemd saw the unit active
     * while the VIPs were gone). In a network and mount namespace of the test's own.
     */
    @Test
    void reloadKeepsTheVipAndRestartStartsAfterAStopThatWarned(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).write(new ScriptsExport().files(Examples.plan("seed-dr"),
                Export.Options.of(Flavour.IPROUTE2)), false);
        String session = String.join("\n",
                "set -u",
                "ip link add eth0 type veth peer name eth0p && ip link set eth0p up",
                "ip addr add 10.10.10.11/24 dev eth0 && ip link set eth0 up",
                "ip link set lo up",
                "S=\"$1\"",
                "bash \"$S\" reload; echo \"reload-stopped=$?\"",
                "bash \"$S\" start >/dev/null 2>&1; echo \"start=$?\"",
                "ip monitor address >monitor.log 2>&1 & MON=$!; sleep 0.3",
                "bash \"$S\" reload >/dev/null 2>&1; echo \"reload=$?\"",
                "ip addr del 192.168.101.168/32 dev lo",
                "bash \"$S\" reload >/dev/null 2>&1; echo \"reload-again=$?\"",
                "sleep 0.3; kill $MON",
                "echo \"deleted=$(grep -c '^Deleted' monitor.log)\"",
                "ip -o addr show dev lo | grep -q '192.168.101.168/32' && echo vip=present",
                "touch /run/lvs-wizard/seed-dr/realserver-rs1/left-by-someone",
                "bash \"$S\" restart >restart.log 2>&1; echo \"restart=$?\"",
                "bash \"$S\" status >/dev/null 2>&1; echo \"status=$?\"",
                "cat restart.log");
        Tools.Result result = Tools.run(List.of("unshare", "-m", "-n", "sh", "-c",
                "mount -t tmpfs tmpfs /run && cd \"$2\" && exec bash -c \"$3\" session \"$1\"", "sh",
                dir.resolve("realserver-rs1.sh").toString(), dir.toString(), session));
        assertThat(result.output()).as(result.output()).contains("reload-stopped=7", "start=0\n", "reload=0\n",
                "reload-again=0", "vip=present", "restart=0", "status=0", "stopped with warnings (above); starting again");
        assertThat(result.output()).as("only the VIP deleted by hand: " + result.output()).contains("deleted=1");
    }

    /**
     * A real server in two clusters: stopping one left the other's VIP on lo without the ARP fix.
     * The shared settings are held until the last of them stops, and a value someone changed since
     * start is left as it is.
     */
    @Test
    void sharedArpSettingsStayUntilTheLastConfigurationStops(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir.resolve("a")).write(new ScriptsExport().files(Examples.plan("seed-dr"),
                Export.Options.of(Flavour.IPROUTE2)), false);
        var other = Examples.set(Examples.tree("seed-dr"), "/name", "\"other\"");
        Examples.set(other, "/realServers/0/name", "\"web1\"");
        Examples.set(other, "/services/0/backends/0/realServer", "\"web1\"");
        Examples.set(other, "/services/0/vip", "\"192.168.101.169/24\"");
        new OutputDirectory(dir.resolve("b")).write(new ScriptsExport().files(Examples.plan(Examples.cluster(other)),
                Export.Options.of(Flavour.IPROUTE2)), false);
        String session = String.join("\n",
                "set -u",
                "ip link add eth0 type veth peer name eth0p && ip link set eth0p up",
                "ip addr add 10.10.10.11/24 dev eth0 && ip link set eth0 up && ip link set lo up",
                "A=a/realserver-rs1.sh B=b/realserver-web1.sh",
                "ignore() { cat /proc/sys/net/ipv4/conf/all/arp_ignore; }",
                "echo \"before=$(ignore)\"",
                "bash $A start >/dev/null 2>&1; echo \"a-start=$?\"",
                "bash $B start >/dev/null 2>&1; echo \"b-start=$?\"",
                "bash $A stop; echo \"a-stop=$? ignore=$(ignore)\"",
                "ip -o addr show dev lo | grep -q 192.168.101.169 && echo b-vip=present",
                "ip route show default | grep -q 'via 10.10.10.1' && echo b-route=present",
                "bash $B stop >/dev/null 2>&1; echo \"b-stop=$? ignore=$(ignore)\"",
                "bash $A start >/dev/null 2>&1",
                "echo 1 >/proc/sys/net/ipv4/conf/all/arp_announce",
                "bash $A stop; echo \"announce=$(cat /proc/sys/net/ipv4/conf/all/arp_announce)\"",
                // a script of an lvs-wizard from before cluster-named state is still started here
                "mkdir -p /run/lvs-wizard/realserver-rs1 && : >/run/lvs-wizard/realserver-rs1/journal",
                "bash $A start; echo \"legacy-start=$?\"");
        Tools.Result result = Tools.run(List.of("unshare", "-m", "-n", "sh", "-c",
                "mount -t tmpfs tmpfs /run && cd \"$1\" && exec bash -c \"$2\"", "sh", dir.toString(), session));
        assertThat(result.output()).as(result.output()).contains("before=0", "a-start=0", "b-start=0",
                "left /proc/sys/net/ipv4/conf/all/arp_ignore at 1: still needed by other.realserver-web1",
                "a-stop=0 ignore=1", "b-vip=present", "b-stop=0 ignore=0",
                "left /proc/sys/net/ipv4/conf/all/arp_announce at 1: start set 2, and someone changed it since",
                "announce=1", "left the default route via 10.10.10.1: still needed by other.realserver-web1",
                "b-route=present", "an older lvs-wizard script is still started on this host"
                        + " (/run/lvs-wizard/realserver-rs1): stop and disable it first", "legacy-start=1");
    }

    /**
     * ip_forward is left on when a bridge shows that containers or VMs may route through the host:
     * a runtime that turned it on after start wrote the same value, which leaves no other trace.
     * The director's own functions (IPVS is not in this kernel), in a network namespace of the test's own.
     */
    @Test
    void forwardingIsLeftOnWhileABridgeShowsOthersMayRouteThroughTheHost(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).write(new ScriptsExport().files(Examples.plan("nat-portmap"),
                Export.Options.of(Flavour.IPROUTE2)), false);
        String session = String.join("\n",
                "set -u",
                "mount -t sysfs sysfs /sys",
                "STATE_DIR=/run/lvs-wizard/nat-portmap/director",
                "say() { printf '%s\\n' \"$*\"; }; warn() { say \"warning: $*\"; }",
                "fail() { say \"error: $*\"; exit 1; }; journal_has() { return 1; }; journal_add() { :; }",
                "source <(sed -n '/^# ---- kernel settings shared/,/^# check_sysctl PATH/p' director.sh)",
                "P=/proc/sys/net/ipv4/ip_forward",
                "echo 0 >$P",
                "set_sysctl $P 1 'IP forwarding'; echo \"set=$(cat $P)\"",
                "ip link add docker0 type bridge",
                "release_sysctl $P 1; echo \"with-bridge=$(cat $P)\"",
                "ip link del docker0",
                "echo 0 >$P; set_sysctl $P 1 'IP forwarding'; release_sysctl $P 1; echo \"without=$(cat $P)\"");
        Tools.Result result = Tools.run(List.of("unshare", "-m", "-n", "sh", "-c",
                "mount -t tmpfs tmpfs /run && cd \"$1\" && exec bash -c \"$2\"", "sh", dir.toString(), session));
        assertThat(result.output()).as(result.output()).contains("set=1", "with-bridge=1", "without=0",
                "left /proc/sys/net/ipv4/ip_forward at 1: docker0 is a bridge, so containers or VMs may route through"
                        + " this host");
    }

    /** bash SCRIPT start with a private /run (the lock and state go there, not on this host). */
    private static List<String> privateRun(String script, String... env) {
        List<String> argv = new java.util.ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs tmpfs /run && exec \"$@\"", "sh"));
        argv.addAll(List.of(env));
        argv.addAll(List.of("bash", script, "start"));
        return argv;
    }
}
