package lvswizard.plan;

/**
 * The names a cluster's files and state take on a host, in one place: the scripts, their units and
 * where start keeps what it changed (under /run, so that it goes with a reboot, as the kernel
 * state does). The generated files, the preflight, the doctor and the lab all read them here.
 */
public final class Layout {
    /** Where every script's journal of what start changed lives. */
    public static final String STATE_ROOT = "/run/lvs-wizard";

    private Layout() {
    }

    public static String directorScript() {
        return "director.sh";
    }

    /** The second director of a pair: director-NAME.sh beside the first's director.sh. */
    public static String directorScript(String name) {
        return "director-" + name + ".sh";
    }

    /** A script's systemd unit (and install name): lvs-director, lvs-director-NAME, lvs-realserver-NAME. */
    public static String unit(String script) {
        return "lvs-" + script.replaceFirst("\\.sh$", "");
    }

    public static String realServerScript(String name) {
        return "realserver-" + name + ".sh";
    }

    public static String directorState() {
        return STATE_ROOT + "/director";
    }

    public static String realServerState(String name) {
        return STATE_ROOT + "/realserver-" + name;
    }
}
