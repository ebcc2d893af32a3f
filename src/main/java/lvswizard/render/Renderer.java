package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lvswizard.model.Cluster;
import lvswizard.model.Forwarding;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpAddr;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Layout;
import lvswizard.plan.Plan;
import lvswizard.plan.Ipvsadm;

/** Turns a valid cluster into the files an operator installs: pure, templates in, text out. */
public final class Renderer {
    /** Real servers drawn in README.txt's diagram before the rest are only counted. */
    private static final int DIAGRAM_SERVERS = 12;

    private final Templates templates;

    public Renderer(Templates templates) {
        this.templates = templates;
    }

    /** The scripts of a director that keeps its own IPVS rules. */
    public List<RenderedFile> render(Plan plan, Flavour flavour) {
        return render(plan, flavour, IpvsOwner.SCRIPT);
    }

    /** Every host's script, unit, copy-to-hosts.sh and README.txt; ipvsadm.rules when the script owns IPVS. */
    public List<RenderedFile> render(Plan plan, Flavour flavour, IpvsOwner owner) {
        return renderOnDemand(plan, flavour, owner).stream().map(RenderedFile::held).toList();
    }

    /**
     * The same files, each rendered when its text is read ({@link RenderedFile#onDemand}): a writer
     * that reads each once holds one file's text at a time, not the whole set's. A template that
     * cannot be rendered fails on that read.
     */
    public List<RenderedFile> renderOnDemand(Plan plan, Flavour flavour, IpvsOwner owner) {
        Cluster cluster = plan.cluster();
        List<RenderedFile> files = new ArrayList<>();
        for (HostNeeds needs : HostNeeds.directors(plan)) {
            ScriptViews.Header directorHeader = header(cluster, flavour, Layout.unit(cluster.name(), needs.scriptName()),
                    owner == IpvsOwner.SCRIPT ? "LVS director: IPVS virtual services and their VIPs"
                            : plan.pair() != null ? "LVS director " + needs.name() + ": kernel settings for"
                            + " keepalived's VIPs and IPVS virtual services"
                            : "LVS director: VIPs and kernel settings for keepalived's IPVS virtual services");
            files.add(RenderedFile.onDemand(needs.scriptName(), true, () -> templates.render("director.sh.mustache",
                    ScriptViews.director(plan, needs, directorHeader, owner))));
            if (owner == IpvsOwner.SCRIPT && files.stream().noneMatch(f -> f.name().equals("ipvsadm.rules"))) {
                files.add(RenderedFile.onDemand("ipvsadm.rules", false, () -> templates.render("ipvsadm.rules.mustache",
                        Map.of("rules", Ipvsadm.restoreLines(plan)))));
            }
            files.add(unit(directorHeader, needs.scriptName(), owner == IpvsOwner.KEEPALIVED));
        }
        for (Plan.Host host : plan.hosts()) {
            String name = host.server().name();
            ScriptViews.Header header = header(cluster, flavour, Layout.unit(cluster.name(), Layout.realServerScript(name)),
                    "LVS real server " + name + ": " + realServerDuty(host));
            files.add(RenderedFile.onDemand(Layout.realServerScript(name), true,
                    () -> templates.render("realserver.sh.mustache", ScriptViews.realServer(plan, host, header))));
            files.add(unit(header, Layout.realServerScript(name), false));
        }
        files.add(RenderedFile.onDemand(CopyInstructions.FILE_NAME, true, () -> templates.render(
                "copy-to-hosts.sh.mustache", Map.of("generator", Version.generator(), "cluster", cluster.name(),
                        "firstWhy", realServersFirst(plan), "lines", CopyInstructions.lines(plan, "", owner)))));
        files.add(RenderedFile.onDemand("README.txt", false, () -> templates.render("README.txt.mustache",
                readme(plan, owner))));
        return files;
    }

    /** What a real server's script sets up: NAT members hold no VIP and need no ARP fix, only the route back. */
    private static String realServerDuty(Plan.Host host) {
        boolean holdsVips = host.uses(Forwarding.DR) || host.uses(Forwarding.TUN);
        boolean routesBack = host.uses(Forwarding.NAT);
        return holdsVips && routesBack ? "VIPs, the ARP fix and the route back through the director"
                : holdsVips ? "VIPs and the ARP fix" : "the route back through the director";
    }

    /** Why the real servers start before the director, for the forwarding methods the plan uses. */
    public static String realServersFirst(Plan plan) {
        return plan.uses(Forwarding.DR) || plan.uses(Forwarding.TUN)
                ? "their ARP fix must be in place before the director sends them traffic"
                : "their replies must route back through the director before it sends them traffic";
    }

    private static ScriptViews.Header header(Cluster cluster, Flavour flavour, String unit, String description) {
        return new ScriptViews.Header(Version.generator(), cluster.name(), unit, description,
                flavour == Flavour.IPROUTE2, flavour == Flavour.NET_TOOLS, Shell.quote(Layout.SHARED_STATE));
    }

    /** A oneshot unit; the director's for keepalived runs before it, so that the VIPs are there when it starts. */
    private RenderedFile unit(ScriptViews.Header header, String script, boolean beforeKeepalived) {
        Map<String, Object> view = Map.of("unit", header.unit(), "script", script, "generator", header.generator(),
                "cluster", header.cluster(), "description", header.description(),
                "installPath", "/usr/local/sbin/" + header.unit(), "beforeKeepalived", beforeKeepalived);
        return RenderedFile.onDemand(header.unit() + ".service", false, () -> templates.render("unit.service.mustache",
                view));
    }

    private static Map<String, Object> readme(Plan plan, IpvsOwner owner) {
        String title = "LVS cluster \"" + plan.cluster().name() + "\" - files generated by " + Version.generator();
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (HostNeeds director : HostNeeds.directors(plan)) {
            hosts.add(Map.of("host", "director " + director.name(), "address", String.join(", ",
                    director.ownAddresses().stream().map(d -> d.address().text()).toList()),
                    "files", List.of(director.scriptName(), Layout.unit(plan.cluster().name(), director.scriptName()) + ".service",
                            owner == IpvsOwner.SCRIPT ? "ipvsadm.rules"
                                    : KeepalivedExport.fileName(plan, director.name()))));
        }
        for (Plan.Host host : plan.hosts()) {
            String name = host.server().name();
            hosts.add(Map.of("host", "real server " + name, "address", host.address().text(),
                    "files", List.of(Layout.realServerScript(name),
                            Layout.unit(plan.cluster().name(), Layout.realServerScript(name)) + ".service")));
        }
        List<HostNeeds> directors = HostNeeds.directors(plan);
        List<Map<String, Object>> keepalivedHosts = directors.stream().map(d -> Map.<String, Object>of("host", d.name(),
                "file", KeepalivedExport.fileName(plan, d.name()),
                "unit", Layout.unit(plan.cluster().name(), d.scriptName()))).toList();
        List<Map<String, Object>> otherDirectors = directors.stream().skip(1).map(d -> Map.<String, Object>of(
                "name", d.name(), "script", d.scriptName(),
                "unit", Layout.unit(plan.cluster().name(), d.scriptName()) + ".service")).toList();
        List<String> diagram = new ArrayList<>(TopologyDiagram.lines(plan, DIAGRAM_SERVERS));
        diagram.add("");
        diagram.addAll(TopologyDiagram.serviceLines(plan, Locale.ENGLISH, owner == IpvsOwner.KEEPALIVED).stream()
                .limit(40).toList());
        return Map.ofEntries(Map.entry("cluster", plan.cluster().name()), Map.entry("generator", Version.generator()),
                Map.entry("underline", "=".repeat(title.length())), Map.entry("diagram", diagram),
                Map.entry("hosts", hosts), Map.entry("checks", checks(plan, owner)),
                Map.entry("firstWhy", realServersFirst(plan)), Map.entry("keepalived", owner == IpvsOwner.KEEPALIVED),
                Map.entry("keepalivedConf", IpvsOwner.KEEPALIVED_CONF), Map.entry("pair", directors.size() > 1),
                Map.entry("floating", plan.cluster().failover() != null
                        && plan.cluster().failover().floatingGateway() != null),
                Map.entry("keepalivedHosts", keepalivedHosts), Map.entry("otherDirectors", otherDirectors),
                Map.entry("directorUnit", Layout.unit(plan.cluster().name(), Layout.directorScript())),
                Map.entry("realServerUnit", Layout.unit(plan.cluster().name(), Layout.realServerScript("NAME"))));
    }

    private static String expectedSpread(Plan.Service service) {
        if (service.spec().persistence() != null) {
            return "with persistence one client stays on one real server, so compare several clients.";
        }
        return switch (service.spec().scheduler()) {
            case SH, DH, MH -> "a hashing scheduler keeps one client (or destination) on one real server, so compare"
                    + " several clients.";
            default -> "answers must come from every real server, roughly in the ratio of their weights.";
        };
    }

    private static List<String> checks(Plan plan, IpvsOwner owner) {
        String vipInterface = plan.cluster().director().vipInterface();
        List<String> checks = new ArrayList<>();
        checks.add("Test from a client, never from the director: IPVS handles packets that arrive from outside, so a"
                + " request the director sends to its own VIP is not balanced.");
        for (Plan.Service service : plan.services()) {
            checks.add("From a client: connect to " + service.label() + " several times; " + expectedSpread(service));
        }
        if (plan.uses(Forwarding.DR) || plan.uses(Forwarding.TUN)) {
            for (Plan.Vip vip : plan.vips()) {
                if (!vip.address().isIPv6()) {
                    checks.add("From a host on the VIP's LAN: arping -c 3 -I <its interface> " + vip.address().text()
                            + " must show exactly one MAC, the director's " + vipInterface
                            + " (a second MAC means a real server's ARP fix is missing).");
                }
            }
        }
        checks.add("On the director: ipvsadm -L -n lists every service and real server; ipvsadm -L -n --stats shows"
                + " the connections counting up while a client tests.");
        if (owner == IpvsOwner.KEEPALIVED) {
            checks.add("keepalived: stop the service on one real server; after its check's interval times its retries"
                    + " ipvsadm -L -n no longer lists it (or lists it at weight 0 where a failure quiesces), and"
                    + " journalctl -u keepalived says why. Start it again and it comes back.");
        }
        if (plan.uses(Forwarding.DR) || plan.uses(Forwarding.TUN)) {
            checks.add("DR/TUN: in ipvsadm -L -n --stats the director's OutPkts stays 0: replies go from the real"
                    + " servers straight to the client.");
        }
        long markMask = HostNeeds.markMask(plan);
        if (markMask != 0) {
            checks.add("fwmark: iptables -t mangle -S PREROUTING lists the MARK rules; they set only the bits 0x"
                    + Long.toHexString(markMask) + " and keep the others, which container runtimes and policy routing"
                    + " use; IPVS matches the whole mark, so a packet that also carries another owner's bits is not"
                    + " the service's. A firewall reload that flushes the"
                    + " ruleset (flush ruleset in Debian's /etc/nftables.conf, iptables-restore without -n) drops the"
                    + " rules: status and doctor then name them missing; run start again.");
        }
        if (plan.uses(Forwarding.NAT)) {
            checks.add(plan.cluster().failover() == null || plan.cluster().failover().floatingGateway() == null
                    ? "NAT: on each real server, ip route show default must name the DIP as gateway."
                    : "NAT: on each real server, ip route show default must name the floating gateway "
                    + IpAddr.parse(plan.cluster().failover().floatingGateway()).text() + " (it moves with the"
                    + " master director), never a director's own DIP.");
        }
        if (plan.uses(Forwarding.TUN)) {
            checks.add("TUN: large replies work only if the MTU/MSS leaves room for the tunnel header; try a"
                    + " download of a few megabytes.");
        }
        String ntp = plan.cluster().director().ntpServer();
        checks.add("Clocks of all nodes agree within a second" + (ntp == null ? "" : " (all follow NTP server " + ntp + ")")
                + ": check with timedatectl or chronyc tracking.");
        return checks;
    }
}
