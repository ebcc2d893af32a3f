package lvswizard.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.Protocol;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.plan.Plan;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Names;
import lvswizard.plan.Layout;

/**
 * The lab for a cluster: one network namespace per host (client, director, each real server, and
 * a router when the cluster spans more than one subnet), one bridge per subnet inside a "switch"
 * namespace (so that the host's own namespace gets nothing), the addresses the hosts must have
 * before their scripts run, and for each TCP service what sequential requests from one client
 * should show. Pure: the plan in, the lab out.
 */
public record LabPlan(List<Subnet> subnets, List<Host> hosts, List<Check> checks, String directorNs,
                      String backupNs) {
    public static final String PREFIX = "lvsw-";
    /** The second director of a pair: the lab's own name for it, whatever the configuration calls it. */
    public static final String BACKUP_NS = PREFIX + "backup";

    /** A subnet and the bridge that carries it. */
    public record Subnet(int index, String network, String bridge) {
    }

    /** A port of a host on a subnet, with the address it has before anything runs ("" for none). */
    public record Port(String ifname, int subnet, String cidr) {
    }

    /**
     * A namespace.
     *
     * @param role      client, director, backup (a pair's second director), realserver, router, or
     *                  sorry (a service's sorry server)
     * @param script    the generated script it runs (empty for client and router)
     * @param gateway   default route the lab adds itself ("" when the script adds it, or none)
     * @param listens   TCP ports a responder answers on with the host's name (real servers)
     * @param routes    routes the lab adds ("172.16.5.0/24 via 10.10.10.254")
     * @param loopback  VIPs the lab puts on lo with the ARP fix (a sorry server of a DR service)
     */
    public record Host(String ns, String name, String role, List<Port> ports, String script, String gateway,
                       List<Integer> listens, List<String> routes, List<String> loopback) {
        Host(String ns, String name, String role, List<Port> ports, String script, String gateway,
             List<Integer> listens, List<String> routes) {
            this(ns, name, role, ports, script, gateway, listens, routes, List.of());
        }
    }

    /**
     * What one TCP port of a service should show for {@code requests} sequential requests.
     *
     * @param expected  real server name to the answers it should get; empty when one server, any
     *                  of them, should get them all (hashing, persistence, fo/ovf/sed/nq)
     */
    /**
     * @param together  for a persistent fwmark service, its name: every port of it must land on the
     *                  same real server (one client sticks to one server across the ports); else ""
     */
    /**
     * @param spread    the scheduler hashes the client's source port too (sh-port, mh-port): one
     *                  client's connections spread over the live servers, no split predicted
     */
    public record Check(String label, String vip, String url, int port, String method, List<Expectation> expected,
                        boolean sticky, boolean spread, String why, String together) {
    }

    /** A real server and the answers it should get (out of the check's requests). */
    public record Expectation(String name, int answers) {
    }

    public static LabPlan of(Plan plan, int requests) {
        Map<String, Subnet> subnets = new LinkedHashMap<>();
        Map<String, Set<String>> used = new LinkedHashMap<>();
        List<IpAddr> all = new ArrayList<>();
        plan.vips().forEach(v -> all.add(v.address().hasPrefix() ? v.address() : plan.dips().get(0)));
        all.addAll(plan.dips());
        if (plan.pair() != null) {
            all.addAll(plan.pair().backupDips());
        }
        plan.hosts().forEach(h -> all.add(h.address()));
        for (IpAddr a : all) {
            subnets.computeIfAbsent(a.network(), n -> new Subnet(subnets.size(), n, PREFIX + "br" + subnets.size()));
        }
        List<IpAddr> taken = new ArrayList<>(all);
        plan.vips().forEach(v -> taken.add(v.address()));
        sorryServers(plan).forEach(sorry -> taken.add(sorry.address()));
        if (plan.directorGateway() != null) {
            taken.add(plan.directorGateway());
        }
        if (plan.pair() != null && plan.pair().floatingGateway() != null) {
            taken.add(plan.pair().floatingGateway());
        }
        plan.hosts().stream().filter(h -> h.gateway() != null).forEach(h -> taken.add(h.gateway()));
        // each address counts as used in the subnet it falls in (a gateway has no prefix of its own)
        for (IpAddr a : taken) {
            String network = all.stream().filter(s -> s.subnetContains(a)).map(IpAddr::network).findFirst()
                    .orElse(a.network());
            used.computeIfAbsent(network, n -> new LinkedHashSet<>()).add(a.text());
        }

        List<Host> hosts = new ArrayList<>();
        IpAddr dip = plan.dips().get(0);
        IpAddr vipNet = plan.vips().get(0).address().hasPrefix() ? plan.vips().get(0).address() : dip;
        String directorNs = PREFIX + "director";
        List<String> directorRoutes = new ArrayList<>();
        hosts.add(director(directorNs, plan.cluster().director(), "director", dip, vipNet, subnets,
                Layout.directorScript(), directorRoutes));
        String backupNs = "";
        if (plan.pair() != null) {
            backupNs = BACKUP_NS;
            Director backup = plan.pair().backup();
            hosts.add(director(backupNs, backup, "backup", plan.pair().backupDips().get(0), vipNet, subnets,
                    Layout.directorScript(backup.name()), directorRoutes));
        }
        for (Plan.Host h : plan.hosts()) {
            List<Integer> ports = new ArrayList<>();
            plan.services().stream().filter(s -> s.spec().protocol() == Protocol.TCP).forEach(s -> s.members().stream()
                    .filter(m -> m.host() == h).forEach(m -> {
                        if (s.spec().hasFwmark()) {
                            s.spec().markPorts().forEach(p -> addOnce(ports, p));
                        } else {
                            addOnce(ports, m.port());
                        }
                    }));
            hosts.add(new Host(realServerNs(h.server().name()), h.server().name(), "realserver",
                    List.of(new Port(Names.baseDevice(h.server().iface()), subnets.get(h.address().network()).index(),
                            h.address().cidr())), Layout.realServerScript(h.server().name()), "", ports, List.of()));
        }
        // the client sits on the first VIP's subnet, at a free address from the top
        Subnet clientNet = subnets.get(vipNet.network());
        IpAddr client = free(vipNet, used);
        String clientGateway = "";
        if (subnets.size() > 1) {
            List<Port> legs = new ArrayList<>();
            Map<String, String> routerAddress = new LinkedHashMap<>();
            for (Subnet subnet : subnets.values()) {
                IpAddr gateway = gatewayIn(plan, all, subnet.network());
                IpAddr address = gateway != null ? gateway : free(sample(all, subnet.network()), used);
                routerAddress.put(subnet.network(), address.text());
                legs.add(new Port("r" + subnet.index(), subnet.index(), address.cidr()));
            }
            hosts.add(new Host(PREFIX + "router", "router", "router", legs, "", "", List.of(), List.of()));
            clientGateway = routerAddress.get(clientNet.network());
            // Real servers off the DIP's subnet (TUN) are reached from the DIP: through the VIP's
            // interface the tunnel's outer source would be the VIP, an address the real server
            // holds itself, and it would drop every packet as a martian.
            plan.hosts().stream().map(h -> h.address().network()).distinct()
                    .filter(n -> !n.equals(dip.network()))
                    .forEach(n -> directorRoutes.add(n + " via " + routerAddress.get(dip.network())));
        }
        hosts.addAll(sorryHosts(plan, all, dip, subnets));
        hosts.add(0, new Host(PREFIX + "client", "client", "client",
                List.of(new Port("eth0", clientNet.index(), client.cidr())), "", clientGateway, List.of(), List.of()));
        List<Check> checks = new ArrayList<>();
        for (Plan.Service s : plan.services()) {
            if (s.spec().protocol() != Protocol.TCP) {
                continue;
            }
            List<Integer> ports = s.spec().hasFwmark() ? s.spec().markPorts() : List.of(s.spec().port());
            for (int port : ports) {
                checks.add(check(s, port, requests));
            }
        }
        return new LabPlan(List.copyOf(subnets.values()), List.copyOf(hosts), List.copyOf(checks), directorNs,
                backupNs);
    }

    /**
     * A director's namespace: its DIP on the DIP's subnet and its VIP interface (no address: the
     * script or keepalived adds the VIPs) on the first VIP's. Both directors of a pair share
     * {@code routes}, which fills once the router's addresses are known.
     */
    private static Host director(String ns, Director director, String role, IpAddr dip, IpAddr vipNet,
                                 Map<String, Subnet> subnets, String script, List<String> routes) {
        String dipDev = Names.baseDevice(director.dipInterface());
        String vipDev = Names.baseDevice(director.vipInterface());
        List<Port> ports = new ArrayList<>();
        ports.add(new Port(dipDev, subnets.get(dip.network()).index(), dip.cidr()));
        if (!vipDev.equals(dipDev)) {
            ports.add(new Port(vipDev, subnets.get(vipNet.network()).index(), ""));
        }
        return new Host(ns, director.name(), role, ports, script, "", List.of(), routes);
    }

    /**
     * A real server's namespace: lvsw-NAME, unless NAME is one the lab gives its own hosts (a real
     * server called "client" or "router" would meet the lab's): then lvsw-rs-NAME.
     */
    static String realServerNs(String name) {
        boolean taken = List.of("client", "router", "switch", "director", "backup").contains(name)
                || name.matches("sorry[0-9]+") || name.startsWith("rs-");
        return PREFIX + (taken ? "rs-" : "") + name;
    }

    /** A service's sorry server: where it is, on which port it answers, and how the service forwards. */
    record Sorry(IpAddr address, int port, Plan.Service service) {
    }

    /** The sorry servers of TCP services, one per address and port. */
    static List<Sorry> sorryServers(Plan plan) {
        Map<String, Sorry> sorry = new LinkedHashMap<>();
        for (Plan.Service s : plan.services()) {
            if (s.spec().sorryServer() == null || s.spec().protocol() != Protocol.TCP) {
                continue;
            }
            IpAddr address = IpAddr.parse(s.spec().sorryServer().address());
            int port = s.spec().sorryServerPort();
            List<Integer> ports = port == 0 ? s.spec().markPorts() : List.of(port);
            ports.forEach(p -> sorry.putIfAbsent(address.text() + " " + p, new Sorry(address, p, s)));
        }
        return List.copyOf(sorry.values());
    }

    /**
     * One namespace per sorry server address that lies in a subnet of the lab: a NAT service's sends
     * its replies back through the DIP, a DR service's holds the VIP on lo with the ARP fix. A TUN
     * service's would need the tunnel of a real server: it is left out, as is one outside the subnets.
     */
    private static List<Host> sorryHosts(Plan plan, List<IpAddr> all, IpAddr dip, Map<String, Subnet> subnets) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Sorry sorry : sorryServers(plan)) {
            Forwarding method = sorry.service().members().get(0).backend().forwarding();
            IpAddr subnet = all.stream().filter(a -> a.hasPrefix() && a.subnetContains(sorry.address())).findFirst()
                    .orElse(null);
            if (subnet == null || method == Forwarding.TUN) {
                continue;
            }
            String ns = PREFIX + "sorry" + hosts.size();
            Host known = hosts.get(sorry.address().text());
            if (known != null) {
                List<Integer> listens = new ArrayList<>(known.listens());
                addOnce(listens, sorry.port());
                hosts.put(sorry.address().text(), new Host(known.ns(), known.name(), known.role(), known.ports(), "",
                        known.gateway(), List.copyOf(listens), List.of(), known.loopback()));
                continue;
            }
            String cidr = sorry.address().withPrefixLength(subnet.effectivePrefixLength()).cidr();
            List<Port> ports = List.of(new Port("eth0", subnets.get(subnet.network()).index(), cidr));
            String gateway = method != Forwarding.NAT ? ""
                    : plan.pair() != null && plan.pair().floatingGateway() != null
                            ? plan.pair().floatingGateway().text() : dip.text();
            List<String> loopback = method == Forwarding.DR ? List.of(sorry.service().vip().text()
                    + (sorry.service().vip().isIPv6() ? "/128" : "/32")) : List.of();
            hosts.put(sorry.address().text(), new Host(ns, "sorry-server", "sorry", ports, "", gateway,
                    List.of(sorry.port()), List.of(), loopback));
        }
        return List.copyOf(hosts.values());
    }

    private static void addOnce(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static IpAddr sample(List<IpAddr> all, String network) {
        return all.stream().filter(a -> a.network().equals(network)).findFirst().orElseThrow();
    }

    /** The gateway the cluster names on this subnet (the router takes it), or null. */
    private static IpAddr gatewayIn(Plan plan, List<IpAddr> all, String network) {
        List<IpAddr> gateways = new ArrayList<>();
        if (plan.directorGateway() != null) {
            gateways.add(plan.directorGateway());
        }
        // a real server's gateway that is a DIP (or a pair's floating gateway) is a director, not the router
        IpAddr floating = plan.pair() == null ? null : plan.pair().floatingGateway();
        plan.hosts().stream().map(Plan.Host::gateway)
                .filter(g -> g != null && plan.dips().stream().noneMatch(d -> d.sameHost(g))
                        && (floating == null || !floating.sameHost(g))).forEach(gateways::add);
        IpAddr member = sample(all, network);
        return gateways.stream().filter(member::subnetContains).findFirst()
                .map(g -> g.withPrefixLength(member.effectivePrefixLength())).orElse(null);
    }

    /** The highest address of {@code sample}'s subnet that nothing in the cluster uses. */
    private static IpAddr free(IpAddr sample, Map<String, Set<String>> used) {
        Set<String> taken = used.computeIfAbsent(sample.network(), n -> new LinkedHashSet<>());
        for (int n = 1; n < 1000; n++) {
            IpAddr candidate = sample.hostFromTop(n);
            if (taken.add(candidate.text())) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free address in " + sample.network());
    }

    private static Check check(Plan.Service s, int port, int requests) {
        Scheduler scheduler = s.spec().scheduler();
        List<Plan.Member> live = s.members().stream().filter(m -> m.backend().weight() > 0).toList();
        String method = s.members().isEmpty() ? "" : s.members().get(0).backend().forwarding().name();
        String label = s.spec().protocol() + " " + s.vip().withPort(port)
                + (s.spec().hasFwmark() ? " (fwmark " + s.spec().fwmark() + ")" : "") + " (" + scheduler
                + (s.spec().persistence() != null ? ", persistent" : "") + ", " + method + ")";
        boolean persistent = s.spec().persistence() != null && s.spec().persistence().timeout() != null
                && s.spec().persistence().timeout() > 0;
        boolean portHash = !persistent && s.spec().schedulerFlags() != null
                && (s.spec().schedulerFlags().contains(SchedulerFlag.SH_PORT) && scheduler == Scheduler.SH
                || s.spec().schedulerFlags().contains(SchedulerFlag.MH_PORT) && scheduler == Scheduler.MH);
        boolean sticky = !portHash && (persistent || switch (scheduler) {
            case SH, DH, MH, LBLC, LBLCR, FO, OVF, SED, NQ -> true;
            default -> false;
        });
        List<Expectation> expected = new ArrayList<>();
        String why;
        if (portHash) {
            why = scheduler + " hashes the client's source port too: one client's connections spread over the"
                    + " live real servers";
            live.forEach(m -> expected.add(new Expectation(m.host().server().name(), -1)));
        } else if (sticky) {
            why = persistent ? "persistence keeps one client on one real server"
                    : scheduler + " sends one client's sequential connections to one real server";
            // any one of the live servers may be the one: each listed, none predicted
            live.forEach(m -> expected.add(new Expectation(m.host().server().name(), -1)));
        } else {
            boolean equal = scheduler == Scheduler.RR || scheduler == Scheduler.LC;
            long total = equal ? live.size() : live.stream().mapToLong(m -> m.backend().weight()).sum();
            // largest remainders: the expected answers add up to the requests exactly
            int size = s.members().size();
            long[] shares = new long[size];
            int[] answers = new int[size];
            int given = 0;
            for (int i = 0; i < size; i++) {
                Plan.Member m = s.members().get(i);
                shares[i] = m.backend().weight() == 0 ? 0 : equal ? 1 : m.backend().weight();
                answers[i] = (int) (requests * shares[i] / Math.max(1, total));
                given += answers[i];
            }
            List<Integer> byRemainder = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (shares[i] > 0) {
                    byRemainder.add(i);
                }
            }
            byRemainder.sort((a, b) -> Long.compare(requests * shares[b] % Math.max(1, total),
                    requests * shares[a] % Math.max(1, total)));
            for (int k = 0; given < requests && k < byRemainder.size(); k++, given++) {
                answers[byRemainder.get(k)]++;
            }
            for (int i = 0; i < size; i++) {
                expected.add(new Expectation(s.members().get(i).host().server().name(), answers[i]));
            }
            why = (equal ? scheduler + ": an even split" : scheduler + ": a split by weight")
                    + (live.size() < size ? "; weight 0 gets nothing" : "");
        }
        String together = s.spec().hasFwmark() && persistent ? "fwmark " + s.spec().fwmark() : "";
        return new Check(label, s.vip().text(), "http://" + s.vip().withPort(port) + "/", port,
                method.toLowerCase(Locale.ROOT), List.copyOf(expected), sticky, portHash, why, together);
    }
}
