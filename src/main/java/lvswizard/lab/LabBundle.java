package lvswizard.lab;

import static lvswizard.render.Shell.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.model.Cluster;
import lvswizard.model.Failover;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.KeepalivedVrrp;
import lvswizard.render.ScriptsExport;
import lvswizard.render.Shell;
import lvswizard.plan.Plan;
import lvswizard.render.RenderedFile;
import lvswizard.render.Templates;
import lvswizard.render.Version;

/**
 * The lab as a standalone bash bundle: lab.sh (up, test, down, status) and the generated files
 * under scripts/. `lab export` writes it; `lab up/test/down` run the same bundle, so what the
 * operator can read and copy is exactly what ran.
 */
public final class LabBundle {
    public static final String STATE = "/run/lvs-wizard-lab";
    public static final int DEFAULT_REQUESTS = 30;

    private LabBundle() {
    }

    public static List<RenderedFile> render(Plan plan, Flavour flavour, Templates templates) {
        LabPlan lab = LabPlan.of(plan, DEFAULT_REQUESTS);
        boolean keepalived = runsKeepalived(plan);
        Map<String, Object> view = view(plan.cluster(), lab);
        view.put("keepalived", keepalived);
        view.put("health", keepalived ? health(LabHealth.of(plan)) : List.of());
        view.put("settle", LabHealth.settleSeconds(plan));
        view.put("checkPaths", LabHealth.checkPaths(plan).stream().map(Shell::quote).collect(Collectors.joining(" ")));
        view.put("single", plan.pair() == null ? List.of(Map.of("conf", quote(KeepalivedExport.FILE_NAME))) : List.of());
        view.put("pair", plan.pair() == null ? List.of() : List.of(pair(plan, lab)));
        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile("lab.sh", templates.render("lab.sh.mustache", view), true));
        Export scripts = keepalived ? new KeepalivedExport() : new ScriptsExport();
        for (RenderedFile file : scripts.files(plan, new Export.Options(flavour, templates))) {
            files.add(new RenderedFile("scripts/" + file.name(), file.content(), file.executable()));
        }
        return files;
    }

    /**
     * A cluster with health checks, a sorry server, a quorum or alpha runs in the lab as in
     * production: keepalived keeps the director's IPVS table and acts on the checks. A pair of
     * directors is keepalived's VRRP: both run it.
     */
    public static boolean runsKeepalived(Plan plan) {
        return plan.pair() != null || plan.services().stream().anyMatch(s -> s.spec().usesKeepalived());
    }

    /**
     * What lab.sh needs of a pair: both namespaces with their keepalived.conf, the address that
     * tells the master (the first VIP), the port the failover test sends to, and VRRP's bound on
     * the failover: the backup declares the master down after 3 adverts plus its skew,
     * (256 - priority) / 256 of an advert interval.
     */
    private static Map<String, Object> pair(Plan plan, LabPlan lab) {
        Failover settings = plan.pair().settings();
        int advertMs = settings.advertInterval() * 1000;
        int downMs = 3 * advertMs + (256 - settings.backupPriority()) * advertMs / 256;
        Map<String, Object> pair = new HashMap<>();
        pair.put("firstNs", quote(lab.directorNs()));
        pair.put("backupNs", quote(lab.backupNs()));
        pair.put("firstName", quote(plan.cluster().director().name()));
        pair.put("backupName", quote(plan.pair().backup().name()));
        pair.put("firstConf", quote(KeepalivedExport.fileName(plan, KeepalivedVrrp.Side.FIRST)));
        pair.put("backupConf", quote(KeepalivedExport.fileName(plan, KeepalivedVrrp.Side.BACKUP)));
        pair.put("vip", quote(plan.vips().get(0).address().text()));
        pair.put("downMs", downMs);
        pair.put("preempt", settings.preempt() ? "yes" : "no");
        pair.put("sync", settings.connectionSync() ? "yes" : "no");
        LabPlan.Check target = lab.checks().isEmpty() ? null : lab.checks().get(0);
        pair.put("url", quote(target == null ? "" : target.url()));
        pair.put("port", target == null ? 0 : target.port());
        pair.put("targetVip", quote(target == null ? "" : target.vip()));
        return pair;
    }

    private static List<Map<String, Object>> health(List<LabHealth> services) {
        return services.stream().map(h -> Map.<String, Object>of("label", quote(h.label()), "check", quote(h.check()),
                "selector", h.selector().stream().map(Shell::quote).collect(Collectors.joining(" ")),
                "members", h.members().stream().map(m -> quote(m.name() + "=" + m.address() + "=" + m.weight()))
                        .collect(Collectors.joining(" ")))).toList();
    }

    static Map<String, Object> view(Cluster cluster, LabPlan lab) {
        List<Map<String, Object>> hosts = new ArrayList<>();
        List<Map<String, Object>> responders = new ArrayList<>();
        List<Map<String, Object>> starts = new ArrayList<>();
        Map<String, Object> router = null;
        Map<String, Object> client = null;
        for (LabPlan.Host h : lab.hosts()) {
            List<Map<String, String>> ports = h.ports().stream().map(p -> Map.of("ifname", quote(p.ifname()),
                    "bridge", quote(lab.subnets().get(p.subnet()).bridge()), "cidr", quote(p.cidr()))).toList();
            List<Map<String, String>> routes = h.routes().stream().map(r -> Map.of("network", quote(r.split(" via ")[0]),
                    "via", quote(r.split(" via ")[1]))).toList();
            Map<String, Object> host = Map.of("ns", quote(h.ns()), "ports", ports, "routes", routes,
                    "defaultVia", h.role().equals("sorry") && !h.gateway().isEmpty() ? List.of(quote(h.gateway()))
                            : List.of(),
                    "loopback", h.loopback().stream().map(Shell::quote).toList(),
                    "arpFix", !h.loopback().isEmpty());
            hosts.add(host);
            if (h.role().equals("router")) {
                router = host;
            }
            if (h.role().equals("client")) {
                client = h.gateway().isEmpty() ? Map.of("ns", quote(h.ns()))
                        : Map.of("ns", quote(h.ns()), "gateway", quote(h.gateway()));
            }
            h.listens().forEach(port -> responders.add(Map.of("ns", quote(h.ns()), "name", quote(h.name()),
                    "port", port)));
        }
        // real servers first, so that the director never sends to one that is not ready
        lab.hosts().stream().filter(h -> h.role().equals("realserver")).forEach(h -> starts.add(Map.of(
                "ns", quote(h.ns()), "script", quote(h.script()))));
        lab.hosts().stream().filter(h -> h.role().equals("director") || h.role().equals("backup")).forEach(h -> starts.add(Map.of(
                "ns", quote(h.ns()), "script", quote(h.script()))));
        List<Map<String, Object>> checks = lab.checks().stream().map(c -> Map.<String, Object>of(
                "label", quote(c.label()), "url", quote(c.url()), "vip", quote(c.vip()), "method", quote(c.method()),
                "sticky", c.sticky() ? "yes" : c.spread() ? "spread" : "no", "why", quote(c.why()), "together", quote(c.together()),
                "expected", c.expected().stream().map(e -> Map.of("pair", quote(e.name() + "=" + e.answers())))
                        .collect(Collectors.toList()))).toList();
        List<Map<String, String>> subnets = lab.subnets().stream().map(s -> Map.of("bridge", quote(s.bridge()),
                "network", s.network())).toList();
        Map<String, Object> view = new HashMap<>();
        view.put("cluster", cluster.name());
        view.put("generator", Version.generator());
        view.put("prefix", LabPlan.PREFIX);
        view.put("state", STATE);
        view.put("directorNs", quote(lab.directorNs()));
        view.put("requests", DEFAULT_REQUESTS);
        view.put("subnets", subnets);
        view.put("hosts", hosts);
        view.put("router", router == null ? List.of() : List.of(router));
        view.put("client", client == null ? List.of() : List.of(client));
        view.put("responders", responders);
        view.put("starts", starts);
        view.put("checks", checks);
        return view;
    }
}
