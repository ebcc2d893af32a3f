package lvswizard.wizard;

import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.RealServer;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;

/** Pure changes to a cluster, as the wizard's steps make them: each returns a new cluster. */
public final class Edits {
    private Edits() {
    }

    public static Cluster withDirector(Cluster c, Director director) {
        return new Cluster(c.version(), c.name(), director, c.realServers(), c.services());
    }

    public static Cluster withService(Cluster c, int index, VirtualService service) {
        List<VirtualService> services = new ArrayList<>(c.services());
        services.set(index, service);
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services);
    }

    /** A new service like the last one (same VIP and members) on the next port. */
    public static Cluster addService(Cluster c) {
        List<VirtualService> services = new ArrayList<>(c.services());
        VirtualService last = services.isEmpty() ? null : services.get(services.size() - 1);
        List<Backend> members = last == null ? List.of() : last.backends();
        int port = last == null || last.port() == null ? 80 : Math.min(65535, last.port() + 1);
        services.add(new VirtualService(null, null, last == null ? null : last.vip(), port, null, null, null, null,
                null, members));
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services);
    }

    public static Cluster removeService(Cluster c, int index) {
        List<VirtualService> services = new ArrayList<>(c.services());
        services.remove(index);
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services);
    }

    /** The forwarding method the wizard shows: the first backend's, DR when there is none. */
    public static Forwarding forwarding(Cluster c) {
        return c.services().stream().flatMap(s -> s.backends().stream()).map(Backend::forwarding).findFirst()
                .orElse(Forwarding.DR);
    }

    /** One forwarding method for every backend; ports that only NAT can map are dropped otherwise. */
    public static Cluster withForwarding(Cluster c, Forwarding forwarding) {
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .map(b -> new Backend(b.realServer(), forwarding == Forwarding.NAT ? b.port() : null, b.weight(),
                        forwarding, forwarding == Forwarding.TUN ? b.tunnelType() == null ? TunnelType.IPIP
                        : b.tunnelType() : null, forwarding == Forwarding.TUN ? b.tunnelPort() : null,
                        b.upperThreshold(), b.lowerThreshold())).toList())).toList();
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services);
    }

    /** A row of the real server table: the host and its membership (port, weight) in every service. */
    public record ServerRow(RealServer server, Integer port, int weight) {
        public ServerRow withServer(RealServer newServer) {
            return new ServerRow(newServer, port, weight);
        }
    }

    public static List<ServerRow> rows(Cluster c) {
        List<ServerRow> rows = new ArrayList<>();
        for (RealServer server : c.realServers()) {
            Backend backend = c.services().stream().flatMap(s -> s.backends().stream())
                    .filter(b -> server.name() != null && server.name().equals(b.realServer())).findFirst().orElse(null);
            rows.add(new ServerRow(server, backend == null ? null : backend.port(),
                    backend == null ? Backend.DEFAULT_WEIGHT : backend.weight()));
        }
        return rows;
    }

    /** Adds a real server to the cluster and to every service, with the cluster's forwarding method. */
    public static Cluster addRealServer(Cluster c, ServerRow row) {
        List<RealServer> servers = new ArrayList<>(c.realServers());
        servers.add(row.server());
        Forwarding forwarding = forwarding(c);
        List<VirtualService> services = c.services().stream().map(s -> {
            List<Backend> backends = new ArrayList<>(s.backends());
            backends.add(new Backend(row.server().name(), forwarding == Forwarding.NAT ? row.port() : null,
                    row.weight(), forwarding, null, null, null, null));
            return withBackends(s, backends);
        }).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services);
    }

    /** Replaces real server {@code index}; a rename follows into every service. */
    public static Cluster updateRealServer(Cluster c, int index, ServerRow row) {
        List<RealServer> servers = new ArrayList<>(c.realServers());
        String oldName = servers.get(index).name();
        servers.set(index, row.server());
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .map(b -> b.realServer() != null && b.realServer().equals(oldName)
                        ? new Backend(row.server().name(), b.forwarding() == Forwarding.NAT ? row.port() : b.port(),
                        row.weight(), b.forwarding(), b.tunnelType(), b.tunnelPort(), b.upperThreshold(),
                        b.lowerThreshold())
                        : b).toList())).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services);
    }

    public static Cluster removeRealServer(Cluster c, int index) {
        List<RealServer> servers = new ArrayList<>(c.realServers());
        String name = servers.remove(index).name();
        List<VirtualService> services = c.services().stream().map(s -> withBackends(s, s.backends().stream()
                .filter(b -> b.realServer() == null || !b.realServer().equals(name)).toList())).toList();
        return new Cluster(c.version(), c.name(), c.director(), servers, services);
    }

    public static VirtualService withBackends(VirtualService s, List<Backend> backends) {
        return new VirtualService(s.name(), s.protocol(), s.vip(), s.port(), s.fwmark(), s.markPorts(), s.scheduler(),
                s.schedulerFlags(), s.persistence(), backends);
    }
}
