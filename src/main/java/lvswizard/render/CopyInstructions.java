package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lvswizard.plan.IpAddr;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.plan.Layout;

/** Ready-to-paste scp/ssh lines that put each host's files in place and start them. */
public final class CopyInstructions {
    /** The generated file that holds the same lines, to be run from the directory it is in. */
    public static final String FILE_NAME = "copy-to-hosts.sh";

    private CopyInstructions() {
    }

    /** The comment above each host's lines, from a host's name: copy-to-hosts.sh's are English, the wizard's in its language. */
    public record Headings(Function<String, String> realServer, Function<String, String> director) {
    }

    /** copy-to-hosts.sh's headings. */
    public static final Headings ENGLISH = new Headings(name -> "real server " + name,
            name -> "director " + name + " (after the real servers)");

    /** The lines with English headings, as copy-to-hosts.sh has them. */
    public static List<String> lines(Plan plan, String outputDir, IpvsOwner owner) {
        return lines(plan, outputDir, owner, ENGLISH);
    }

    /**
     * @param outputDir the directory the files were written to, as the operator would type it; empty
     *                  for lines run inside that directory
     */
    public static List<String> lines(Plan plan, String outputDir, IpvsOwner owner, Headings headings) {
        List<String> lines = new ArrayList<>();
        String dir = outputDir.isEmpty() || outputDir.endsWith("/") ? outputDir : outputDir + "/";
        for (Plan.Host host : plan.hosts()) {
            String name = host.server().name();
            lines.add("# " + headings.realServer().apply(name));
            lines.addAll(host(dir, host.address(), Layout.realServerScript(name),
                    Layout.unit(plan.cluster().name(), Layout.realServerScript(name))));
        }
        for (HostNeeds director : HostNeeds.directors(plan)) {
            if (director.ownAddresses().isEmpty()) {
                continue;
            }
            IpAddr dip = director.ownAddresses().get(0).address();
            lines.add("# " + headings.director().apply(director.name()));
            if (owner == IpvsOwner.KEEPALIVED) {
                lines.add(keepalivedInstalled(dip));
            }
            lines.addAll(host(dir, dip, director.scriptName(), Layout.unit(plan.cluster().name(), director.scriptName())));
            if (owner == IpvsOwner.KEEPALIVED) {
                lines.addAll(keepalived(dir, dip, KeepalivedExport.fileName(plan, director.name())));
            }
        }
        return lines;
    }

    /**
     * Stops before anything is installed on a director without keepalived (its script's start
     * requires it): installing a package is the operator's decision, and the distribution's tool.
     */
    private static String keepalivedInstalled(IpAddr address) {
        return "ssh root@" + address.text() + " 'command -v keepalived >/dev/null || { echo \"keepalived is not"
                + " installed on this director: apt-get install keepalived (or yum install keepalived), then run the"
                + " rest\" >&2; exit 1; }'";
    }

    /**
     * keepalived.conf goes through a private directory (mktemp -d) so that keepalived checks it on
     * the director before it replaces the running one; nothing is staged under a fixed name in
     * /tmp, where another user could swap it before root installs it.
     */
    private static List<String> keepalived(String dir, IpAddr address, String file) {
        String ssh = "ssh root@" + address.text() + " ";
        return List.of(
                ssh + staged("keepalived -t -f \"$f\" && install -m 0644 \"$f\" " + IpvsOwner.KEEPALIVED_CONF) + " < "
                        + Shell.quote(dir + file),
                ssh + "'systemctl enable keepalived && systemctl reload-or-restart keepalived"
                        + " && systemctl is-active keepalived'");
    }

    /**
     * Each file goes over ssh into a private directory on the host (mktemp -d), is checked there
     * (bash -n for the script: a connection cut half-way must not leave half a script that runs
     * as root at boot), and only then installed: nothing under a fixed name in /tmp.
     */
    private static List<String> host(String dir, IpAddr address, String script, String unit) {
        String target = "/usr/local/sbin/" + unit;
        String ssh = "ssh root@" + address.text() + " ";
        return List.of(
                ssh + staged("bash -n \"$f\" && install -m 0755 \"$f\" " + target) + " < " + Shell.quote(dir + script),
                ssh + staged("install -m 0644 \"$f\" /etc/systemd/system/" + unit + ".service") + " < "
                        + Shell.quote(dir + unit + ".service"),
                ssh + "'systemctl daemon-reload && systemctl enable --now " + unit + " && " + target + " status'");
    }

    /** The remote command that receives stdin into $f in a private directory, runs {@code then}, and cleans up. */
    private static String staged(String then) {
        return "'d=$(mktemp -d) && f=\"$d/file\" && cat >\"$f\" && " + then + "; rc=$?; rm -rf \"$d\"; exit $rc'";
    }
}
