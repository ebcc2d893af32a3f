package lvswizard.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Layout;
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
        return filesOnDemand(plan, options).stream().map(RenderedFile::held).toList();
    }

    /** keepalived.conf rendered now (it is one file), the scripts as they are read. */
    @Override
    public List<RenderedFile> filesOnDemand(Plan plan, Options options) {
        List<RenderedFile> files = new ArrayList<>();
        if (plan.pair() == null) {
            files.add(new RenderedFile(FILE_NAME, conf(plan, options.templates()), false));
        } else {
            for (KeepalivedVrrp.Side side : KeepalivedVrrp.Side.values()) {
                files.add(new RenderedFile(fileName(plan, side), conf(plan, side, options.templates()), false));
            }
        }
        files.addAll(new Renderer(options.templates()).renderOnDemand(plan, options.flavour(), IpvsOwner.KEEPALIVED));
        return files;
    }

    /** keepalived.conf's text for the plan's one director. */
    public static String conf(Plan plan, Templates templates) {
        return templates.render("keepalived.conf.mustache", Map.of("cluster", plan.cluster().name(),
                "generator", Version.generator(), "routerId", "lvs-" + plan.cluster().name(),
                "runsCommands", KeepalivedConf.runsCommands(plan),
                "lines", withBlankFirst(KeepalivedConf.virtualServers(plan))));
    }

    /** The keepalived.conf of one director of a pair: its VRRP instances, then the virtual servers. */
    public static String conf(Plan plan, KeepalivedVrrp.Side side, Templates templates) {
        String self = KeepalivedVrrp.director(plan, side).name();
        Map<String, Object> view = new HashMap<>();
        view.put("cluster", plan.cluster().name());
        view.put("generator", Version.generator());
        view.put("routerId", "lvs-" + plan.cluster().name() + "-" + self);
        view.put("runsCommands", true);
        view.put("pair", Map.of("self", self, "first", plan.cluster().director().name(),
                "backup", plan.pair().backup().name(), "script", side == KeepalivedVrrp.Side.FIRST
                        ? Layout.directorScript() : Layout.directorScript(self)));
        view.put("globals", KeepalivedVrrp.globals(plan, side));
        view.put("vrrp", KeepalivedVrrp.lines(plan, side));
        view.put("lines", withBlankFirst(KeepalivedConf.virtualServers(plan)));
        return templates.render("keepalived.conf.mustache", view);
    }

    /** keepalived-NAME.conf: each director of a pair has its own file. */
    public static String fileName(Plan plan, KeepalivedVrrp.Side side) {
        return fileName(plan, KeepalivedVrrp.director(plan, side).name());
    }

    /** The generated keepalived.conf of the named director: keepalived.conf, or keepalived-NAME.conf in a pair. */
    public static String fileName(Plan plan, String director) {
        return plan.pair() == null ? FILE_NAME : "keepalived-" + director + ".conf";
    }

    /** The text of the named director's keepalived.conf. */
    public static String confFor(Plan plan, String director, Templates templates) {
        if (plan.pair() == null) {
            return conf(plan, templates);
        }
        return conf(plan, director.equals(plan.cluster().director().name()) ? KeepalivedVrrp.Side.FIRST
                : KeepalivedVrrp.Side.BACKUP, templates);
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
