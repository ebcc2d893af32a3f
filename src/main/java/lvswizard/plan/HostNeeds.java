package lvswizard.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.text.Message;

/**
 * What one host's role needs from its kernel, in plain values: the one description that the
 * generated scripts (through the render package's script views), the preflight, the change list before a run and
 * the doctor all read, so that they cannot disagree.
 *
 * @param role          which of the two roles it is
 * @param scriptName    director.sh or realserver-NAME.sh
 * @param stateDir      where the script keeps its journal
 * @param modules       kernel modules to load (ip_vs and the schedulers; tunnel drivers)
 * @param devices       interfaces that must exist before anything else
 * @param ownAddresses  the host's own addresses that must already be configured (DIPs; the RIP)
 * @param sysctls       kernel settings the role sets, in the order it sets them
 * @param vips          the VIPs the host adds, with the device each goes on
 * @param gateway       the default route the role needs, or null
 * @param marks         iptables MARK rules (fwmark services)
 * @param services      the IPVS services (director only)
 * @param fouPorts      UDP ports receiving GUE (real servers with TUN over gue)
 * @param tunnelDevices tunnel devices brought up (real servers with TUN)
 * @param peers         the other director of a pair at its DIP, on this director's DIP interface
 *                      (where VRRP and the sync daemon talk); {@code what} is its name
 */
public record HostNeeds(Role role, String name, String scriptName, String stateDir, List<String> modules, List<String> devices,
                        List<Addr> ownAddresses, List<Setting> sysctls, List<Addr> vips, Route gateway,
                        List<MarkRule> marks, List<Plan.Service> services, List<Integer> fouPorts,
                        List<String> tunnelDevices, List<Addr> peers) {

    /** An address on a device; {@code what} is DIP, RIP or VIP. */
    public record Addr(String dev, IpAddr address, String what) {
    }

    /** A kernel setting under /proc/sys with the value the role needs, and why (in no language yet). */
    public record Setting(String path, String value, Message label) {
        /** The sysctl(8) name: net.ipv4.conf.eth0.arp_ignore (slashes kept where a name has a dot). */
        public String key() {
            return sysctlName(path);
        }

        /** sysctl(8)'s name of a /proc/sys path. */
        public static String sysctlName(String path) {
            String rest = path.substring("/proc/sys/".length());
            return rest.contains(".") ? rest : rest.replace('/', '.');
        }
    }

    /** The default route; strict: a different gateway breaks the role (NAT replies must go back via the DIP). */
    public record Route(IpAddr via, boolean strict) {
    }

    /** An iptables MARK rule in the mangle table's PREROUTING chain, as the words after the chain. */
    public record MarkRule(String tool, List<String> spec) {
    }

    /** The two roles a host of a cluster has. */
    public enum Role { DIRECTOR, REAL_SERVER }

    public boolean isDirector() {
        return role == Role.DIRECTOR;
    }

    /** The (first) director. */
    public static HostNeeds director(Plan plan) {
        return director(plan, plan.cluster().director(), plan.dips(), Layout.directorScript(),
                plan.pair() == null ? List.of() : peers(plan.pair().backup(), plan.pair().backupDips(),
                        plan.cluster().director()));
    }

    /** The second director of a pair: the same role on its own interfaces and DIPs, its own script. */
    public static HostNeeds backupDirector(Plan plan) {
        Director backup = plan.pair().backup();
        return director(plan, backup, plan.pair().backupDips(), Layout.directorScript(backup.name()),
                peers(plan.cluster().director(), plan.dips(), backup));
    }

    /** Every director of the plan: the first, and the backup of a pair. */
    public static List<HostNeeds> directors(Plan plan) {
        return plan.pair() == null ? List.of(director(plan)) : List.of(director(plan), backupDirector(plan));
    }

    /** The peer's DIPs, reached over {@code self}'s DIP interface. */
    private static List<Addr> peers(Director peer, List<IpAddr> peerDips, Director self) {
        return peerDips.stream().map(d -> new Addr(Names.baseDevice(self.dipInterface()), d, peer.name())).toList();
    }

    private static HostNeeds director(Plan plan, Director director, List<IpAddr> ownDips, String script,
                                      List<Addr> peers) {
        String vipInterface = director.vipInterface();
        String dipInterface = director.dipInterface();
        Set<String> modules = new LinkedHashSet<>(List.of("ip_vs"));
        plan.services().forEach(s -> modules.add(s.spec().scheduler().moduleName()));
        List<String> devices = List.copyOf(new LinkedHashSet<>(List.of(Names.baseDevice(dipInterface),
                Names.baseDevice(vipInterface))));
        List<Addr> dips = ownDips.stream().map(d -> new Addr(Names.baseDevice(dipInterface), d, "DIP")).toList();
        List<Setting> sysctls = new ArrayList<>();
        if (natFamily(plan, false)) {
            sysctls.add(new Setting("/proc/sys/net/ipv4/ip_forward", "1", Texts.of("needs.ip-forward")));
            if (Names.baseDevice(vipInterface).equals(Names.baseDevice(dipInterface))) {
                // one NIC: a real server's reply leaves the way it came, and the kernel would send it an
                // ICMP redirect to the client, around the director that must rewrite it
                for (String scope : List.of("all", Names.baseDevice(dipInterface))) {
                    sysctls.add(new Setting("/proc/sys/net/ipv4/conf/" + scope + "/send_redirects", "0",
                            Texts.of("needs.no-redirects")));
                }
            }
        }
        if (natFamily(plan, true)) {
            sysctls.add(new Setting("/proc/sys/net/ipv6/conf/all/forwarding", "1", Texts.of("needs.ip6-forward")));
        }
        // a pair's VIPs are keepalived's: the master adds them, the backup must not hold them
        List<Addr> vips = plan.pair() != null ? List.of() : plan.vips().stream()
                .map(v -> new Addr(Names.baseDevice(vipInterface), v.address(), "VIP")).toList();
        Route gateway = plan.directorGateway() == null || routedByVrrp(plan, ownDips) ? null
                : new Route(plan.directorGateway(), false);
        return new HostNeeds(Role.DIRECTOR, director.name(), script, Layout.directorState(plan.cluster().name()),
                List.copyOf(modules), devices, dips, List.copyOf(sysctls), vips, gateway, marks(plan),
                plan.services(), List.of(), List.of(), peers);
    }

    public static HostNeeds realServer(Plan plan, Plan.Host host) {
        String cluster = plan.cluster().name();
        String dev = Names.baseDevice(host.server().iface());
        Set<String> modules = new LinkedHashSet<>();
        Set<String> tunnelDevices = new LinkedHashSet<>();
        Set<Integer> fouPorts = new LinkedHashSet<>();
        Map<String, Addr> vips = new LinkedHashMap<>();
        boolean arpFix = false;
        for (Plan.HostVip hostVip : host.vips()) {
            Forwarding forwarding = hostVip.backend().forwarding();
            if (forwarding == Forwarding.NAT) {
                continue;
            }
            String vipDev = "lo";
            if (forwarding == Forwarding.TUN) {
                Tunnel tunnel = Tunnel.of(hostVip.backend().tunnelType(), host.address().isIPv6(),
                        hostVip.vip().isIPv6());
                modules.addAll(tunnel.modules());
                tunnelDevices.add(tunnel.device());
                vipDev = tunnel.device();
                if (hostVip.backend().tunnelType() == TunnelType.GUE) {
                    fouPorts.add(hostVip.backend().tunnelPort());
                }
            }
            arpFix |= !hostVip.vip().isIPv6();
            vips.putIfAbsent(vipDev + " " + hostVip.vip().text(), new Addr(vipDev, hostVip.vip().hostOnly(), "VIP"));
        }
        List<Setting> sysctls = new ArrayList<>();
        if (arpFix) {
            for (String scope : List.of("all", dev)) {
                sysctls.add(new Setting("/proc/sys/net/ipv4/conf/" + scope + "/arp_ignore", "1",
                        Texts.of("needs.arp-ignore")));
                sysctls.add(new Setting("/proc/sys/net/ipv4/conf/" + scope + "/arp_announce", "2",
                        Texts.of("needs.arp-announce")));
            }
        }
        for (String tunnelDevice : tunnelDevices) {
            if (!tunnelDevice.startsWith("ip6")) {
                for (String scope : List.of("all", tunnelDevice)) {
                    sysctls.add(new Setting("/proc/sys/net/ipv4/conf/" + scope + "/rp_filter", "0",
                            Texts.of("needs.tun-rp-filter")));
                }
            }
        }
        boolean nat = host.uses(Forwarding.NAT);
        Route gateway = host.gateway() == null ? null : new Route(host.gateway(), nat);
        List<String> devices = new ArrayList<>(List.of(dev));
        devices.addAll(tunnelDevices);
        return new HostNeeds(Role.REAL_SERVER, host.server().name(), Layout.realServerScript(host.server().name()),
                Layout.realServerState(cluster, host.server().name()), List.copyOf(modules),
                List.copyOf(devices), List.of(new Addr(dev, host.address(), "RIP")), List.copyOf(sysctls),
                List.copyOf(vips.values()), gateway, List.of(), List.of(), List.copyOf(fouPorts),
                List.copyOf(tunnelDevices), List.of());
    }

    /**
     * The kernel option that provides a module the roles load: CONFIG_IP_VS, CONFIG_IP_VS_WLC,
     * CONFIG_NET_IPIP... (what to look for in /boot/config-* when modprobe cannot find it).
     */
    public static String kernelOption(String module) {
        return switch (module) {
            case "ipip" -> "CONFIG_NET_IPIP";
            case "fou" -> "CONFIG_NET_FOU";
            case "ip_gre" -> "CONFIG_NET_IPGRE";
            case "ip6_gre" -> "CONFIG_IPV6_GRE";
            case "ip6_tunnel" -> "CONFIG_IPV6_TUNNEL";
            case "sit" -> "CONFIG_IPV6_SIT";
            default -> "CONFIG_" + module.toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** Every host of the plan: the directors first, then the real servers in configuration order. */
    public static List<HostNeeds> all(Plan plan) {
        List<HostNeeds> all = new ArrayList<>(directors(plan));
        plan.hosts().forEach(h -> all.add(realServer(plan, h)));
        return all;
    }

    /**
     * A pair's director reaches its gateway through the VIPs' subnet, where it has no address of
     * its own until VRRP gives it the VIPs: keepalived adds the default route with them (and takes
     * it away with them), the script cannot.
     */
    public static boolean routedByVrrp(Plan plan, List<IpAddr> ownDips) {
        return plan.pair() != null && plan.directorGateway() != null
                && ownDips.stream().noneMatch(d -> d.subnetContains(plan.directorGateway()));
    }

    private static boolean natFamily(Plan plan, boolean ipv6) {
        return plan.services().stream().anyMatch(s -> s.vip().isIPv6() == ipv6 && s.spec().uses(Forwarding.NAT));
    }

    static final int MULTIPORT_MAX = 15;

    /**
     * The mark bits this cluster's MARK rules own: the fewest low bits that hold its largest fwmark.
     * The rules set only these, so marks that container runtimes and policy routing keep in the other
     * bits survive (--set-mark alone would overwrite all 32).
     */
    public static long markMask(Plan plan) {
        long largest = plan.services().stream().filter(s -> s.spec().hasFwmark()).mapToLong(s -> s.spec().fwmark())
                .max().orElse(0);
        return largest == 0 ? 0 : (Long.highestOneBit(largest) << 1) - 1;
    }

    private static MarkRule mark(Plan.Service service, List<Integer> ports, long mask) {
        VirtualService spec = service.spec();
        List<String> words = new ArrayList<>(List.of("-d", service.vip().text() + "/"
                + (service.vip().isIPv6() ? 128 : 32), "-p", spec.protocol().toString()));
        // multiport takes a list for tcp, udp and sctp alike; a single port needs only the protocol match
        words.addAll(List.of("-m", ports.size() == 1 ? spec.protocol().toString() : "multiport"));
        String list = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
        words.addAll(ports.size() == 1 ? List.of("--dport", list) : List.of("--dports", list));
        words.addAll(List.of("-j", "MARK", "--set-mark", spec.fwmark() + "/0x" + Long.toHexString(mask)));
        return new MarkRule(service.vip().isIPv6() ? "ip6tables" : "iptables", List.copyOf(words));
    }

    private static List<MarkRule> marks(Plan plan) {
        List<MarkRule> marks = new ArrayList<>();
        long mask = markMask(plan);
        for (Plan.Service service : plan.services()) {
            VirtualService spec = service.spec();
            if (!spec.hasFwmark()) {
                continue;
            }
            // iptables' multiport match takes at most 15 ports: more get one rule per 15
            List<Integer> ports = spec.markPorts();
            for (int from = 0; from < ports.size(); from += MULTIPORT_MAX) {
                marks.add(mark(service, ports.subList(from, Math.min(ports.size(), from + MULTIPORT_MAX)), mask));
            }
        }
        return List.copyOf(marks);
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
}
