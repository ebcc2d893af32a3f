package lvswizard.render;

import java.util.ArrayList;
import java.util.List;

/** Ready-to-paste scp/ssh lines that put each host's files in place and start them. */
public final class CopyInstructions {
    private CopyInstructions() {
    }

    /** @param outputDir the directory the files were written to, as the operator would type it */
    public static List<String> lines(Plan plan, String outputDir) {
        List<String> lines = new ArrayList<>();
        String dir = outputDir.endsWith("/") ? outputDir : outputDir + "/";
        for (Plan.Host host : plan.hosts()) {
            String name = host.server().name();
            lines.add("# real server " + name);
            lines.addAll(host(dir, host.address().isIPv6() ? "[" + host.address().text() + "]" : host.address().text(),
                    Renderer.realServerScript(name), "lvs-realserver-" + name));
        }
        if (!plan.dips().isEmpty()) {
            var dip = plan.dips().get(0);
            lines.add("# director " + plan.cluster().director().name() + " (after the real servers)");
            lines.addAll(host(dir, dip.isIPv6() ? "[" + dip.text() + "]" : dip.text(), Renderer.directorScript(),
                    "lvs-director"));
        }
        return lines;
    }

    private static List<String> host(String dir, String address, String script, String unit) {
        String target = "/usr/local/sbin/" + unit;
        return List.of(
                "scp " + Shell.quote(dir + script) + " " + Shell.quote(dir + unit + ".service") + " root@" + address + ":/tmp/",
                "ssh root@" + address + " 'install -m 0755 /tmp/" + script + " " + target
                        + " && install -m 0644 /tmp/" + unit + ".service /etc/systemd/system/"
                        + " && systemctl daemon-reload && systemctl enable --now " + unit + " && " + target + " status'");
    }
}
