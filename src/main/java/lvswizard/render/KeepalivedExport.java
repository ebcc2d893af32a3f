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
        files.add(new RenderedFile(FILE_NAME, options.templates().render("keepalived.conf.mustache",
                Map.of("cluster", plan.cluster().name(), "generator", Version.generator(),
                        "routerId", "lvs-" + plan.cluster().name(), "runsCommands", KeepalivedConf.runsCommands(plan),
                        "lines", withBlankFirst(KeepalivedConf.virtualServers(plan)))), false));
        files.addAll(new Renderer(options.templates()).render(plan, options.flavour(), IpvsOwner.KEEPALIVED));
        return files;
    }

    private static List<String> withBlankFirst(List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(lines);
        return all;
    }
}
