package lvswizard.render;

import static lvswizard.render.Shell.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lvswizard.model.Forwarding;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.validation.IpAddr;
import lvswizard.validation.Names;

/**
 * The data the script templates see. Every string a template prints inside shell code is already a
 * quoted shell word (or a list of them); numbers are plain. Templates never see raw configuration text.
 */
public final class ScriptViews {
    /** Under /run: the state goes with a reboot, exactly as the kernel state it describes. */
    public static final String STATE_ROOT = "/run/lvs-wizard";

    private ScriptViews() {
    }

    // ---- pieces shared by both scripts --------------------------------------------------------

    public record Header(String generator, String cluster, String unit, String description, boolean iproute2,
                         boolean netTools) {
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
                               List<ServiceRef> services, List<String> rules) {
        public boolean hasMarks() {
            return !marks.isEmpty();
        }
    }

    public static DirectorView director(Plan plan, Header header) {
        String vipInterface = plan.cluster().director().vipInterface();
        String dipInterface = plan.cluster().director().dipInterface();
        Set<String> moduleNames = new LinkedHashSet<>(List.of("ip_vs"));
        plan.services().forEach(s -> moduleNames.add(s.spec().scheduler().moduleName()));
        List<Device> devices = new LinkedHashSet<>(List.of(Names.baseDevice(dipInterface),
                Names.baseDevice(vipInterface))).stream().map(d -> new Device(quote(d))).toList();
        List<Address> dips = new ArrayList<>();
        for (IpAddr dip : plan.dips()) {
            dips.add(address(dips.size(), Names.baseDevice(dipInterface), "", dip, "DIP"));
        }
        List<Sysctl> sysctls = new ArrayList<>();
        boolean nat4 = natFamily(plan, false);
        boolean nat6 = natFamily(plan, true);
        if (nat4) {
            sysctls.add(sysctl(sysctls.size(), "/proc/sys/net/ipv4/ip_forward", "1", "IPv4 forwarding (NAT)"));
        }
        if (nat6) {
            sysctls.add(sysctl(sysctls.size(), "/proc/sys/net/ipv6/conf/all/forwarding", "1",
                    "IPv6 forwarding (NAT)"));
        }
        List<Address> vips = new ArrayList<>();
        int aliasNumber = 0;
        for (Plan.Vip vip : plan.vips()) {
            String label = label(header, vipInterface, vip.address(), aliasNumber);
            if (!vip.address().isIPv6()) {
                aliasNumber++;
            }
            vips.add(address(vips.size(), Names.baseDevice(vipInterface), label, vip.address(), "VIP"));
        }
        Gateway gateway = plan.directorGateway() == null ? null
                : gateway(plan.directorGateway(), "lenient");
        List<Mark> marks = marks(plan);
        List<String> tools = marks.stream().map(Mark::tool).distinct().toList();
        List<ServiceRef> services = plan.services().stream().map(s -> new ServiceRef(quote(s.label()),
                words(IpvsRules.serviceSelector(s)), s.members().size())).toList();
        return new DirectorView(header, quote(plan.cluster().director().name()),
                quote(STATE_ROOT + "/director"), modules(moduleNames), devices, dips, sysctls, vips, gateway,
                marks, tools, services, IpvsRules.restoreLines(plan));
    }

    private static boolean natFamily(Plan plan, boolean ipv6) {
        return plan.services().stream().anyMatch(s -> s.vip().isIPv6() == ipv6 && s.spec().uses(Forwarding.NAT));
    }

    private static List<Mark> marks(Plan plan) {
        List<Mark> marks = new ArrayList<>();
        for (Plan.Service service : plan.services()) {
            VirtualService spec = service.spec();
            if (!spec.hasFwmark()) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of("-d", service.vip().text() + "/"
                    + (service.vip().isIPv6() ? 128 : 32), "-p", spec.protocol().toString()));
            // multiport takes a list for tcp, udp and sctp alike; a single port needs only the protocol match
            words.addAll(List.of("-m", spec.markPorts().size() == 1 ? spec.protocol().toString() : "multiport"));
            String ports = spec.markPorts().stream().map(String::valueOf).collect(Collectors.joining(","));
            words.addAll(spec.markPorts().size() == 1 ? List.of("--dport", ports) : List.of("--dports", ports));
            words.addAll(List.of("-j", "MARK", "--set-mark", spec.fwmark().toString()));
            marks.add(new Mark(marks.size(), quote(service.vip().isIPv6() ? "ip6tables" : "iptables"), words(words)));
        }
        return marks;
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

    public static RealServerView realServer(Plan.Host host, Header header) {
        String iface = host.server().iface();
        String dev = Names.baseDevice(iface);
        Set<String> modules = new LinkedHashSet<>();
        Set<String> tunnelDevices = new LinkedHashSet<>();
        Set<Integer> fouPorts = new LinkedHashSet<>();
        Map<String, Address> vips = new LinkedHashMap<>();
        Map<String, Integer> aliasNumbers = new LinkedHashMap<>();
        boolean arpFix = false;
        for (Plan.HostVip hostVip : host.vips()) {
            Forwarding forwarding = hostVip.backend().forwarding();
            if (forwarding == Forwarding.NAT) {
                continue;
            }
            String vipDev = "lo";
            if (forwarding == Forwarding.TUN) {
                Tunnel tunnel = Tunnel.of(hostVip.backend().tunnelType(), host.address().isIPv6(), hostVip.vip().isIPv6());
                modules.addAll(tunnel.modules());
                tunnelDevices.add(tunnel.device());
                vipDev = tunnel.device();
                if (hostVip.backend().tunnelType() == TunnelType.GUE) {
                    fouPorts.add(hostVip.backend().tunnelPort());
                }
            }
            arpFix |= !hostVip.vip().isIPv6();
            String key = vipDev + " " + hostVip.vip().text();
            if (!vips.containsKey(key)) {
                int number = aliasNumbers.merge(vipDev, hostVip.vip().isIPv6() ? 0 : 1, Integer::sum) - 1;
                IpAddr hostAddress = hostVip.vip().hostOnly();
                String label = label(header, vipDev, hostAddress, Math.max(number, 0));
                vips.put(key, address(vips.size(), vipDev, label, hostAddress, "VIP"));
            }
        }
        List<Sysctl> sysctls = new ArrayList<>();
        if (arpFix) {
            for (String scope : List.of("all", dev)) {
                sysctls.add(sysctl(sysctls.size(), "/proc/sys/net/ipv4/conf/" + scope + "/arp_ignore", "1",
                        "ARP fix: answer ARP only for addresses of the receiving interface"));
                sysctls.add(sysctl(sysctls.size(), "/proc/sys/net/ipv4/conf/" + scope + "/arp_announce", "2",
                        "ARP fix: never announce the VIP as ARP source"));
            }
        }
        for (String tunnelDevice : tunnelDevices) {
            if (!tunnelDevice.startsWith("ip6")) {
                for (String scope : List.of("all", tunnelDevice)) {
                    sysctls.add(sysctl(sysctls.size(), "/proc/sys/net/ipv4/conf/" + scope + "/rp_filter", "0",
                            "TUN: accept decapsulated packets from any source"));
                }
            }
        }
        boolean nat = host.uses(Forwarding.NAT);
        Gateway gateway = host.gateway() == null ? null : gateway(host.gateway(), nat ? "strict" : "lenient");
        List<String> roles = host.vips().stream().map(v -> v.backend().forwarding().name() + " for "
                + v.service().label()).distinct().toList();
        List<Device> devices = new ArrayList<>(List.of(new Device(quote(dev))));
        tunnelDevices.forEach(t -> devices.add(new Device(quote(t))));
        List<Fou> fous = new ArrayList<>();
        fouPorts.forEach(p -> fous.add(new Fou(fous.size(), p)));
        List<Link> links = new ArrayList<>();
        tunnelDevices.forEach(t -> links.add(new Link(links.size(), quote(t))));
        return new RealServerView(header, quote(host.server().name()),
                quote(STATE_ROOT + "/realserver-" + host.server().name()), quote(iface),
                address(0, dev, "", host.address(), "RIP"), modules(modules), devices, gateway, sysctls, fous,
                links, List.copyOf(vips.values()), arpFix, nat, quote(String.join("; ", roles)),
                roles.isEmpty() ? "no service" : String.join("; ", roles));
    }

    /** The kernel device that receives a tunnelled packet, chosen by outer and inner family. */
    record Tunnel(String device, List<String> modules) {
        static Tunnel of(TunnelType type, boolean outerIpv6, boolean innerIpv6) {
            if (type == TunnelType.GRE) {
                return outerIpv6 ? new Tunnel("ip6gre0", List.of("ip6_gre")) : new Tunnel("gre0", List.of("ip_gre"));
            }
            if (type == TunnelType.GUE) {
                return new Tunnel("tunl0", List.of("fou", "ipip"));
            }
            if (outerIpv6) {
                return new Tunnel("ip6tnl0", List.of("ip6_tunnel"));
            }
            return innerIpv6 ? new Tunnel("sit0", List.of("sit")) : new Tunnel("tunl0", List.of("ipip"));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String label(Header header, String iface, IpAddr address, int aliasNumber) {
        if (address.isIPv6()) {
            return quote("");
        }
        if (iface.contains(":")) {
            return quote(aliasNumber == 0 ? iface : Names.baseDevice(iface) + ":" + aliasNumber);
        }
        return quote(header.netTools() ? iface + ":" + aliasNumber : "");
    }

    private static Address address(int index, String dev, String label, IpAddr address, String what) {
        String quotedLabel = label.startsWith("'") ? label : quote(label);
        return new Address(index, quote(dev), quotedLabel, quote(address.cidr()),
                quote(address.isIPv6() ? "" : address.broadcast()), quote(address.netmask()), quote(what));
    }

    private static Sysctl sysctl(int index, String path, String value, String label) {
        return new Sysctl(index, quote(path), quote(value), quote(label));
    }

    private static Gateway gateway(IpAddr address, String mode) {
        return new Gateway(quote(address.text()), address.isIPv6() ? 6 : 4, mode);
    }

    private static List<Module> modules(Set<String> names) {
        return names.stream().map(n -> new Module(quote(n))).toList();
    }

    private static String words(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
