package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;

/**
 * keepalived.conf for the director, with every host's scripts: the real servers' as the scripts export
 * writes them (keepalived does not configure real servers), the director's preparing the host only.
 */
public final class KeepalivedExport implements Export {
    public static final String FILE_NAME = "keepalived.conf";

    @Override
    public String id() {
        return "keepalived";
    }

    @Override
    public List<RenderedFile> files(Plan plan, Options options) {
        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile(FILE_NAME, conf(plan, options.templates()), false));
        files.addAll(new Renderer(options.templates()).render(plan, options.flavour(), IpvsOwner.KEEPALIVED));
        return files;
    }

    /** keepalived.conf's text for the plan. */
    public static String conf(Plan plan, Templates templates) {
        return templates.render("keepalived.conf.mustache", Map.of("cluster", plan.cluster().name(),
                "generator", Version.generator(), "routerId", "lvs-" + plan.cluster().name(),
                "runsCommands", KeepalivedConf.runsCommands(plan),
                "lines", withBlankFirst(KeepalivedConf.virtualServers(plan))));
    }

    /**
     * The text is a keepalived.conf this export wrote for {@code cluster} (its first line says so):
     * run may replace it; any other file at the same place is somebody else's.
     */
    public static boolean writtenFor(String text, String cluster) {
        return text.startsWith(FIRST_LINE_START + cluster + ":");
    }

    /** How the template's first line starts, before the cluster's name. */
    static final String FIRST_LINE_START = "# keepalived.conf for the director of cluster ";

    private static List<String> withBlankFirst(List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(lines);
        return all;
    }
}
