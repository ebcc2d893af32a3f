package lvswizard.plan;

/**
 * The names a cluster's files and state take on a host, in one place: the scripts, their units and
 * where start keeps what it changed (under /run, so that it goes with a reboot, as the kernel
 * state does). The generated files, the preflight, the doctor and the lab all read them here.
 */
public final class Layout {
    /** Where every script's journal of what start changed lives. */
    public static final String STATE_ROOT = "/run/lvs-wizard";
    /**
     * Where the kernel settings that several configurations on one host need (a real server in two
     * clusters) are recorded: who holds each, and the value found before the first of them started.
     */
    public static final String SHARED_STATE = STATE_ROOT + "/.shared";

    private Layout() {
    }

    public static String directorScript() {
        return "director.sh";
    }

    /** The second director of a pair: director-NAME.sh beside the first's director.sh. */
    public static String directorScript(String name) {
        return "director-" + name + ".sh";
    }

    /**
     * A script's systemd unit and install name, carrying the cluster's name so that a host in two
     * clusters (a real server of both) keeps both: lvs-CLUSTER-director, lvs-CLUSTER-director-NAME,
     * lvs-CLUSTER-realserver-NAME.
     */
    public static String unit(String cluster, String script) {
        return "lvs-" + cluster + "-" + script.replaceFirst("\\.sh$", "");
    }

    public static String realServerScript(String name) {
        return "realserver-" + name + ".sh";
    }

    /** Where a director's script keeps what start changed: per cluster, as every name on a host. */
    public static String directorState(String cluster) {
        return STATE_ROOT + "/" + cluster + "/director";
    }

    public static String realServerState(String cluster, String name) {
        return STATE_ROOT + "/" + cluster + "/realserver-" + name;
    }

    /**
     * The net-tools alias label of a VIP on {@code iface}: the cluster's tag and a number, so that two
     * clusters' VIPs on one interface (lo of a real server in both) never take each other's label.
     * A label holds 15 characters, too few for a cluster's name: the tag is three characters derived
     * from it (a clash of two tags on one host is refused by start, never a silent replacement).
     */
    public static String aliasLabel(String iface, String cluster, int number) {
        return iface + ":" + clusterTag(cluster) + number;
    }

    /** Three base-36 characters from the cluster's name (String.hashCode is fixed by the language). */
    public static String clusterTag(String cluster) {
        String tag = Integer.toString(Math.floorMod(cluster.hashCode(), 36 * 36 * 36), 36);
        return "0".repeat(3 - tag.length()) + tag;
    }
}
