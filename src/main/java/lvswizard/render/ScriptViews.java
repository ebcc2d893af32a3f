package lvswizard.render;

import static lvswizard.render.Shell.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.model.Forwarding;
import lvswizard.plan.IpAddr;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Names;
import lvswizard.plan.Layout;
import lvswizard.plan.Plan;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.ServiceKey;

/**
 * The data the script templates see. Every string a template prints inside shell code is already a
 * quoted shell word (or a list of them); numbers are plain. Templates never see raw configuration text.
 */
public final class ScriptViews {
    /** Under /run: the state goes with a reboot, exactly as the kernel state it describes. */
    public static final String STATE_ROOT = Layout.STATE_ROOT;

    private ScriptViews() {
    }

    // ---- pieces shared by both scripts --------------------------------------------------------

    /** @param sharedDir where the kernel settings shared with other configurations on the host are recorded (quoted) */
    public record Header(String generator, String cluster, String unit, String description, boolean iproute2,
                         boolean netTools, String sharedDir) {
    }

    public record Module(String name) {
    }

    public record Device(String name) {
    }

    public record Sysctl(int index, String path, String value, String label) {
    }

    public record Address(int index, String dev, String label, String cidr, String broadcast, String netmask,
                          String what) {
    }

    public record Gateway(String address, int family, String mode) {
    }

    // ---- director -------------------------------------------------------------------------

    public record Mark(int index, String tool, String spec) {
    }

    public record ServiceRef(String label, String selector, int count) {
    }

    public record DirectorView(Header header, String name, String stateDir, List<Module> modules,
                               List<Device> devices, List<Address> dips, List<Sysctl> sysctls, List<Address> vips,
                               Gateway gateway, List<Mark> marks, List<String> tools,
                               List<ServiceRef> services, List<String> rules, boolean ownsIpvs,
                               String keepalivedConf) {
        /** More lines than an operator reads after start: a count instead (ipvsadm -L -n still lists them). */
        static final int LISTED_RULES = 100;

        public boolean hasMarks() {
            return !marks.isEmpty();
        }

        /** Whether start shows the table it made: not 10,000 real servers' lines. */
        public boolean listsTable() {
            return rules.size() <= LISTED_RULES;
        }

        /** What start says instead of a long table. */
        public String tableSummary() {
            int realServers = services.stream().mapToInt(ServiceRef::count).sum();
            return services.size() + " IPVS service(s) with " + realServers
                    + " real server(s) in all; ipvsadm -L -n lists them";
        }
    }

    /** The director's view; with keepalived owning IPVS the script has no services and no rules. */
    public static DirectorView director(Plan plan, Header header, IpvsOwner owner) {
        return director(plan, HostNeeds.director(plan), header, owner);
    }

    /** The view of one director's script: the first, or the backup of a pair. */
    public static DirectorView director(Plan plan, HostNeeds needs, Header header, IpvsOwner owner) {
        List<Address> dips = new ArrayList<>();
        needs.ownAddresses().forEach(d -> dips.add(address(dips.size(), d.dev(), quote(""), d.address(), d.what())));
        List<Address> vips = new ArrayList<>();
        List<String> labels = directorLabels(plan, needs, header.netTools());
        for (HostNeeds.Addr vip : needs.vips()) {
            vips.add(address(vips.size(), vip.dev(), quote(labels.get(vips.size())), vip.address(), vip.what()));
        }
        Gateway gateway = needs.gateway() == null ? null : gateway(needs.gateway());
        List<Mark> marks = new ArrayList<>();
        needs.marks().forEach(mark -> marks.add(new Mark(marks.size(), quote(mark.tool()), words(mark.spec()))));
        List<String> tools = marks.stream().map(Mark::tool).distinct().toList();
        boolean ownsIpvs = owner == IpvsOwner.SCRIPT;
        List<ServiceRef> services = !ownsIpvs ? List.of() : plan.services().stream().map(s -> new ServiceRef(
                quote(s.label()), words(ServiceKey.of(s).arguments()), s.members().size())).toList();
        return new DirectorView(header, quote(needs.name()), quote(needs.stateDir()), modules(needs.modules()),
                devices(needs.devices()), dips, sysctls(needs.sysctls()), vips, gateway, marks, tools, services,
                ownsIpvs ? Ipvsadm.restoreLines(plan) : List.of(), ownsIpvs, IpvsOwner.KEEPALIVED_CONF);
    }

    // ---- real server ------------------------------------------------------------------------

    public record Link(int index, String dev) {
    }

    public record Fou(int index, int port) {
    }

    public record RealServerView(Header header, String name, String stateDir, String iface, Address rip,
                                 List<Module> modules, List<Device> devices, Gateway gateway, List<Sysctl> sysctls,
                                 List<Fou> fous, List<Link> links, List<Address> vips, boolean arpFix,
                                 boolean nat, String roles, String rolesText) {
        public boolean hasFous() {
            return !fous.isEmpty();
        }

        public boolean hasLinks() {
            return !links.isEmpty();
        }
    }

    public static RealServerView realServer(Plan plan, Plan.Host host, Header header) {
        HostNeeds needs = HostNeeds.realServer(plan, host);
        List<Address> vips = new ArrayList<>();
        List<String> labels = realServerLabels(plan, needs, header.netTools());
        for (HostNeeds.Addr vip : needs.vips()) {
            vips.add(address(vips.size(), vip.dev(), quote(labels.get(vips.size())), vip.address(), vip.what()));
        }
        boolean arpFix = needs.sysctls().stream().anyMatch(s -> s.path().endsWith("/arp_ignore"));
        Gateway gateway = needs.gateway() == null ? null : gateway(needs.gateway());
        List<String> roles = host.vips().stream().map(v -> v.backend().forwarding().name() + " for "
                + v.service().label()).distinct().toList();
        List<Fou> fous = new ArrayList<>();
        needs.fouPorts().forEach(p -> fous.add(new Fou(fous.size(), p)));
        List<Link> links = new ArrayList<>();
        needs.tunnelDevices().forEach(t -> links.add(new Link(links.size(), quote(t))));
        HostNeeds.Addr rip = needs.ownAddresses().get(0);
        return new RealServerView(header, quote(needs.name()), quote(needs.stateDir()), quote(host.server().iface()),
                address(0, rip.dev(), quote(""), rip.address(), rip.what()), modules(needs.modules()),
                devices(needs.devices()), gateway, sysctls(needs.sysctls()), fous, links, vips, arpFix,
                host.uses(Forwarding.NAT), quote(String.join("; ", roles)),
                roles.isEmpty() ? "no service" : String.join("; ", roles));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * The alias label of each of a director's VIPs (blank: none), numbered over its IPv4 VIPs. A VIP
     * interface written with a label (eth0:0) keeps it for the first; net-tools needs one for each.
     */
    public static List<String> directorLabels(Plan plan, HostNeeds needs, boolean netTools) {
        String vipInterface = (needs.name().equals(plan.cluster().director().name()) ? plan.cluster().director()
                : plan.pair().backup()).vipInterface();
        List<String> labels = new ArrayList<>();
        int aliasNumber = 0;
        for (HostNeeds.Addr vip : needs.vips()) {
            labels.add(label(netTools, plan.cluster().name(), vipInterface, vip.address(), aliasNumber));
            if (!vip.address().isIPv6()) {
                aliasNumber++;
            }
        }
        return labels;
    }

    /** The alias label of each of a real server's VIPs (blank: none), numbered per device. */
    public static List<String> realServerLabels(Plan plan, HostNeeds needs, boolean netTools) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> aliasNumbers = new LinkedHashMap<>();
        for (HostNeeds.Addr vip : needs.vips()) {
            int number = aliasNumbers.merge(vip.dev(), vip.address().isIPv6() ? 0 : 1, Integer::sum) - 1;
            labels.add(label(netTools, plan.cluster().name(), vip.dev(), vip.address(), Math.max(number, 0)));
        }
        return labels;
    }

    private static String label(boolean netTools, String cluster, String iface, IpAddr address, int aliasNumber) {
        if (address.isIPv6()) {
            return "";
        }
        if (iface.contains(":")) {
            return aliasNumber == 0 ? iface : Names.baseDevice(iface) + ":" + aliasNumber;
        }
        return netTools ? Layout.aliasLabel(iface, cluster, aliasNumber) : "";
    }

    private static Address address(int index, String dev, String label, IpAddr address, String what) {
        return new Address(index, quote(dev), label, quote(address.cidr()),
                quote(address.isIPv6() ? "" : address.broadcast()), quote(address.netmask()), quote(what));
    }

    private static List<Sysctl> sysctls(List<HostNeeds.Setting> settings) {
        List<Sysctl> sysctls = new ArrayList<>();
        settings.forEach(s -> sysctls.add(new Sysctl(sysctls.size(), quote(s.path()), quote(s.value()),
                quote(s.label().english()))));
        return sysctls;
    }

    private static Gateway gateway(HostNeeds.Route route) {
        IpAddr address = route.via();
        return new Gateway(quote(address.text()), address.isIPv6() ? 6 : 4, route.strict() ? "strict" : "lenient");
    }

    private static List<Module> modules(List<String> names) {
        return names.stream().map(n -> new Module(quote(n))).toList();
    }

    private static List<Device> devices(List<String> names) {
        return names.stream().map(n -> new Device(quote(n))).toList();
    }

    private static String words(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
