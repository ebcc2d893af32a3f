package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * @param outputDir the directory the files were written to, as the operator would type it; empty
     *                  for lines run inside that directory
     */
    public static List<String> lines(Plan plan, String outputDir, IpvsOwner owner) {
        List<String> lines = new ArrayList<>();
        String dir = outputDir.isEmpty() || outputDir.endsWith("/") ? outputDir : outputDir + "/";
        for (Plan.Host host : plan.hosts()) {
            String name = host.server().name();
            lines.add("# real server " + name);
            lines.addAll(host(dir, host.address(), Layout.realServerScript(name), "lvs-realserver-" + name));
        }
        for (HostNeeds director : HostNeeds.directors(plan)) {
            if (director.ownAddresses().isEmpty()) {
                continue;
            }
            IpAddr dip = director.ownAddresses().get(0).address();
            lines.add("# director " + director.name() + " (after the real servers)");
            lines.addAll(host(dir, dip, director.scriptName(), Layout.unit(director.scriptName())));
            if (owner == IpvsOwner.KEEPALIVED) {
                lines.addAll(keepalived(dir, dip, KeepalivedExport.fileName(plan, director.name())));
            }
        }
        return lines;
    }

    /** keepalived.conf is checked by keepalived itself on the director before it replaces the running one. */
    private static List<String> keepalived(String dir, IpAddr address, String file) {
        String scpHost = address.isIPv6() ? "[" + address.text() + "]" : address.text();
        return List.of(
                "scp " + Shell.quote(dir + file) + " " + Shell.quote("root@" + scpHost + ":/tmp/"),
                "ssh root@" + address.text() + " 'keepalived -t -f /tmp/" + file + " && install -m 0644 /tmp/" + file
                        + " " + IpvsOwner.KEEPALIVED_CONF + " && systemctl enable keepalived"
                        + " && systemctl reload-or-restart keepalived && systemctl is-active keepalived'");
    }

    /** scp takes an IPv6 host in brackets (quoted, or the shell would glob them), ssh takes it bare. */
    private static List<String> host(String dir, IpAddr address, String script, String unit) {
        String target = "/usr/local/sbin/" + unit;
        String scpHost = address.isIPv6() ? "[" + address.text() + "]" : address.text();
        return List.of(
                "scp " + Shell.quote(dir + script) + " " + Shell.quote(dir + unit + ".service") + " "
                        + Shell.quote("root@" + scpHost + ":/tmp/"),
                "ssh root@" + address.text() + " 'install -m 0755 /tmp/" + script + " " + target
                        + " && install -m 0644 /tmp/" + unit + ".service /etc/systemd/system/"
                        + " && systemctl daemon-reload && systemctl enable --now " + unit + " && " + target + " status'");
    }
}
