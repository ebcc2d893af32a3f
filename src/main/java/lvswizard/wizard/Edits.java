package lvswizard.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.Protocol;
import lvswizard.model.RealServer;
import lvswizard.model.Scheduler;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.plan.NatGateway;

/** Pure changes to a cluster, as the wizard's steps make them: each returns a new cluster. */
public final class Edits {
    /** A new service's port until the operator says otherwise: the most common one. */
    static final int FIRST_PORT = 80;

    private Edits() {
    }

    /**
     * A new configuration: a director without addresses, one TCP service on port 80 without a VIP,
     * no real servers. Nothing of the built-in example leaks in.
     */
    public static Cluster newCluster() {
        VirtualService web = new VirtualService(null, Protocol.TCP, null, FIRST_PORT, null, null, Scheduler.WLC, null,
                null, null);
        return new Cluster(Cluster.CURRENT_VERSION, null, new Director(null, null, null, null, null, null), List.of(),
                List.of(web), null);
    }

    public static Cluster withDirector(Cluster c, Director director) {
        return new Cluster(c.version(), c.name(), director, c.realServers(), c.services(), c.failover());
    }

    public static Cluster withService(Cluster c, int index, VirtualService service) {
        List<VirtualService> services = new ArrayList<>(c.services());
        services.set(index, service);
        return withServices(c, services);
    }

    /**
     * A new service on the last one's VIP with the same members (a second port of one site is the
     * common case), its port left for the operator; the first service of a cluster gets port 80 and
     * every real server with {@code forwarding}. A member's own port is not copied: a NAT mapping
     * made for one port (80 to 8080) is no guess for another (443).
     */
    public static Cluster addService(Cluster c, Forwarding forwarding) {
        List<VirtualService> services = new ArrayList<>(c.services());
        VirtualService last = services.isEmpty() ? null : services.get(services.size() - 1);
        List<Backend> members = last != null ? last.backends().stream().map(Edits::withoutPort).toList()
                : c.realServers().stream().map(s -> member(s.name(), forwarding)).toList();
        services.add(new VirtualService(null, last == null ? Protocol.TCP : last.protocol(),
                last == null ? null : last.vip(), last == null ? Integer.valueOf(FIRST_PORT) : null, null, null,
                last == null ? Scheduler.WLC : last.scheduler(), null, null, members));
        return withServices(c, services);
    }

    public static Cluster removeService(Cluster c, int index) {
        List<VirtualService> services = new ArrayList<>(c.services());
        services.remove(index);
        return withServices(c, services);
    }

    /** The forwarding method the wizard shows: the first backend's, DR when there is none. */
    public static Forwarding forwarding(Cluster c) {
        return c.services().stream().flatMap(s -> s.backends().stream()).map(Backend::forwarding).findFirst()
                .orElse(Forwarding.DR);
    }

    /** Whether members use more than one forwarding method. */
    public static boolean mixedForwarding(Cluster c) {
        return c.services().stream().flatMap(s -> s.backends().stream()).map(Backend::forwarding).distinct()
                .count() > 1;
    }

    /**
     * One forwarding method for every backend; ports that only NAT can map are dropped otherwise,
     * and the real servers' gateways follow the method ({@link #withGatewaysFor}).
     */
    public static Cluster withForwarding(Cluster c, Forwarding forwarding) {
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .map(b -> withForwarding(b, forwarding, forwarding == Forwarding.TUN ? b.tunnelType() : null))
                .toList())).toList();
        return withGatewaysFor(withServices(c, services), forwarding);
    }

    /**
     * The gateways a change of the whole cluster's method needs: with NAT each real server's is the
     * DIP on its subnet (a pair's floating gateway), the only one NAT works with; with DR or TUN a
     * gateway that is one of the directors' addresses is dropped, as their replies must not pass a
     * director: the director's own gateway takes its place when it is on the real server's subnet,
     * else the operator names the LAN's router. A real server no DIP's subnet holds keeps its gateway
     * (the validator says why it cannot work). Switching to NAT replaces a router, which DR and TUN
     * real servers need again: the no-gateway warning asks for it.
     */
    static Cluster withGatewaysFor(Cluster c, Forwarding forwarding) {
        List<IpAddr> directorAddresses = directorAddresses(c);
        List<RealServer> servers = c.realServers().stream().map(s -> {
            IpAddr address = IpAddr.parse(s.address());
            if (forwarding == Forwarding.NAT) {
                IpAddr gateway = natGatewayFor(c, address);
                return gateway == null ? s : withGateway(s, gateway.text());
            }
            IpAddr gateway = IpAddr.parse(s.gateway());
            return gateway != null && directorAddresses.stream().anyMatch(gateway::sameHost)
                    ? withGateway(s, routerFor(c, address)) : s;
        }).toList();
        return withRealServers(c, servers);
    }

    /** A NAT real server's gateway ({@link NatGateway}); null for none. */
    private static IpAddr natGatewayFor(Cluster c, IpAddr address) {
        return NatGateway.of(c.failover(), c.director() == null ? List.of() : c.director().dips(), address);
    }

    /**
     * The real servers after the pair's settings changed from {@code before} to {@code after}, once
     * the operator is done with them (the dialog's OK, line mode's last pair question; never per
     * keystroke, when the field holds half an address): with a new floating gateway, those whose
     * gateway was a director's address (NAT's, the only method that routes through a director) and
     * that are on its subnet take it; with the floating gateway cleared, those on it take the DIP on
     * their subnet. A DIP leaves with its director at a failover.
     */
    public static Cluster followFloatingGateway(Cluster before, Cluster after) {
        IpAddr was = floatingGateway(before);
        IpAddr now = floatingGateway(after);
        if (after.failover() == null || was == null && now == null || was != null && now != null && was.sameHost(now)) {
            return after;
        }
        List<IpAddr> through = now != null ? directorAddresses(before) : List.of(was);
        // with a floating gateway, natGatewayFor gives it (on the server's subnet); without, the DIP
        return regateway(after, through, address -> natGatewayFor(after, address));
    }

    private static IpAddr floatingGateway(Cluster c) {
        return c.failover() == null ? null : IpAddr.parse(c.failover().floatingGateway());
    }

    /**
     * The cluster with one director again: a real server whose gateway was the pair's floating
     * gateway or the backup's DIP (addresses that go with the pair) takes the DIP on its subnet.
     */
    public static Cluster withoutPair(Cluster c) {
        List<IpAddr> pairOnly = new ArrayList<>(directorAddresses(c));
        pairOnly.removeAll(dips(c));
        Cluster single = new Cluster(c.version(), c.name(), c.director(), c.realServers(), c.services(), null);
        return regateway(single, pairOnly, address -> natGatewayFor(single, address));
    }

    /**
     * {@code c} with each real server whose gateway is one of {@code from} routed through what
     * {@code to} gives for its address (one keeps its gateway where that is null).
     */
    private static Cluster regateway(Cluster c, List<IpAddr> from, Function<IpAddr, IpAddr> to) {
        return withRealServers(c, c.realServers().stream().map(s -> {
            IpAddr own = IpAddr.parse(s.gateway());
            IpAddr next = own == null || from.stream().noneMatch(own::sameHost) ? null
                    : to.apply(IpAddr.parse(s.address()));
            return next == null ? s : withGateway(s, next.text());
        }).toList());
    }

    /** The director's DIPs that read as addresses. */
    private static List<IpAddr> dips(Cluster c) {
        return c.director() == null ? List.of()
                : c.director().dips().stream().map(IpAddr::parse).filter(Objects::nonNull).toList();
    }

    /** Every address of the directors a real server could have as gateway: DIPs, the backup's, the floating one. */
    private static List<IpAddr> directorAddresses(Cluster c) {
        List<String> texts = new ArrayList<>();
        if (c.director() != null) {
            texts.addAll(c.director().dips());
        }
        if (c.failover() != null) {
            if (c.failover().backup() != null) {
                texts.addAll(c.failover().backup().dips());
            }
            if (c.failover().floatingGateway() != null) {
                texts.add(c.failover().floatingGateway());
            }
        }
        return texts.stream().map(IpAddr::parse).filter(Objects::nonNull).toList();
    }

    /** The director's gateway when it is on the real server's subnet, else none. */
    private static String routerFor(Cluster c, IpAddr address) {
        IpAddr router = c.director() == null ? null : IpAddr.parse(c.director().gateway());
        return router != null && address != null && address.subnetContains(router) ? router.text() : null;
    }

    private static Cluster withRealServers(Cluster c, List<RealServer> servers) {
        return new Cluster(c.version(), c.name(), c.director(), servers, c.services(), c.failover());
    }

    private static RealServer withGateway(RealServer s, String gateway) {
        return new RealServer(s.name(), s.address(), s.iface(), gateway);
    }

    /**
     * A backend with another forwarding method: the port stays only with NAT (only NAT maps ports),
     * the tunnel type and port only with TUN.
     */
    public static Backend withForwarding(Backend b, Forwarding forwarding, TunnelType tunnel) {
        boolean tun = forwarding == Forwarding.TUN;
        TunnelType type = tun ? tunnel == null ? TunnelType.IPIP : tunnel : null;
        return new Backend(b.realServer(), forwarding == Forwarding.NAT ? b.port() : null, b.weight(), forwarding,
                type, type == TunnelType.GUE ? b.tunnelPort() : null, b.upperThreshold(), b.lowerThreshold());
    }

    private static Backend withoutPort(Backend b) {
        return new Backend(b.realServer(), null, b.weight(), b.forwarding(), b.tunnelType(), b.tunnelPort(),
                b.upperThreshold(), b.lowerThreshold());
    }

    /** A new member of a service with the wizard's defaults: weight 1, no port of its own. */
    public static Backend member(String name, Forwarding forwarding) {
        return new Backend(name, null, Backend.DEFAULT_WEIGHT, forwarding, null, null, null, null);
    }

    /**
     * A new real server as both wizards offer it: the first free name rs1, rs2, ...; the interface
     * of the last real server (eth0 for the first); with NAT a director's address as its gateway
     * (the only gateway NAT works with: {@link #natGatewayForNew}), otherwise the last real server's
     * gateway (real servers on one LAN share their router: a new user typed the same gateway for
     * every host).
     */
    public static RealServer newServer(Draft draft) {
        Cluster c = draft.cluster();
        String name = null;
        for (int i = c.realServers().size() + 1; name == null; i++) {
            if (Roster.rowOf(c, "rs" + i) < 0) {
                name = "rs" + i;
            }
        }
        RealServer last = c.realServers().isEmpty() ? null : c.realServers().get(c.realServers().size() - 1);
        String iface = last != null && last.iface() != null && !last.iface().isBlank() ? last.iface() : "eth0";
        String gateway = last == null ? null : last.gateway();
        if (draft.forwarding() == Forwarding.NAT) {
            gateway = natGatewayForNew(c, gateway);
        }
        return new RealServer(name, null, iface, gateway);
    }

    /**
     * A new NAT real server's gateway, before it has an address: a pair's floating gateway (a DIP
     * would leave with its director at a failover), else the last real server's when it is a DIP
     * (the LAN the operator is filling), else the first DIP; null without any.
     */
    private static String natGatewayForNew(Cluster c, String lastGateway) {
        IpAddr floating = floatingGateway(c);
        if (floating != null) {
            return floating.text();
        }
        List<IpAddr> dips = dips(c);
        IpAddr last = IpAddr.parse(lastGateway);
        if (last != null && dips.stream().anyMatch(last::sameHost)) {
            return last.text();
        }
        return dips.isEmpty() ? lastGateway : dips.get(0).text();
    }

    /** Adds a real server to the cluster and, with {@code forwarding}, to every service. */
    public static Cluster addRealServer(Cluster c, RealServer server, Forwarding forwarding) {
        List<RealServer> servers = new ArrayList<>(c.realServers());
        servers.add(server);
        List<VirtualService> services = c.services().stream().map(s -> {
            List<Backend> backends = new ArrayList<>(s.backends());
            backends.add(member(server.name(), forwarding));
            return withBackends(s, backends);
        }).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services, c.failover());
    }

    /**
     * Gives a table row its own definition when it has none yet (a name only members use), so that
     * its address and interface can be filled in; returns the cluster unchanged for a defined row.
     */
    public static Cluster define(Cluster c, int row) {
        Roster.Row r = Roster.rows(c).get(row);
        if (r.defined()) {
            return c;
        }
        List<RealServer> servers = new ArrayList<>(c.realServers());
        servers.add(new RealServer(r.name(), null, null, null));
        return withRealServers(c, servers);
    }

    /** Renames the real server of row {@code row}; its memberships follow. */
    public static Cluster rename(Cluster c, int row, String name) {
        Roster.Row r = Roster.rows(c).get(row);
        List<RealServer> servers = new ArrayList<>(c.realServers());
        if (r.defined()) {
            RealServer old = servers.get(r.host());
            servers.set(r.host(), new RealServer(name, old.address(), old.iface(), old.gateway()));
        }
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .map(b -> Objects.equals(b.realServer(), r.name()) ? new Backend(name, b.port(), b.weight(),
                        b.forwarding(), b.tunnelType(), b.tunnelPort(), b.upperThreshold(), b.lowerThreshold()) : b)
                .toList())).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services, c.failover());
    }

    /** Removes row {@code row}: its definition, if any, and its membership in every service. */
    public static Cluster removeRow(Cluster c, int row) {
        Roster.Row r = Roster.rows(c).get(row);
        List<RealServer> servers = new ArrayList<>(c.realServers());
        if (r.defined()) {
            servers.remove(r.host());
        }
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .filter(b -> !Objects.equals(b.realServer(), r.name())).toList())).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services, c.failover());
    }

    /**
     * Makes row {@code row} a member of service {@code service} or not. Leaving removes every backend
     * of that name in the service (a duplicate too); joining adds one with the defaults.
     */
    public static Cluster membership(Cluster c, int service, int row, boolean member, Forwarding forwarding) {
        String name = Roster.rows(c).get(row).name();
        VirtualService s = c.services().get(service);
        List<Backend> backends = new ArrayList<>(s.backends());
        backends.removeIf(b -> Objects.equals(b.realServer(), name));
        if (member) {
            backends.add(member(name, forwarding));
        }
        return withService(c, service, withBackends(s, backends));
    }

    public static VirtualService withBackends(VirtualService s, List<Backend> backends) {
        return RecordPaths.set(s, "backends", List.copyOf(backends));
    }

    private static Cluster withServices(Cluster c, List<VirtualService> services) {
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services, c.failover());
    }
}
