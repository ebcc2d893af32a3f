package lvswizard.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.model.Forwarding;
import lvswizard.model.RealServer;
import lvswizard.model.VirtualService;
import lvswizard.text.Message;

/**
 * A valid cluster with its addresses parsed and its cross references resolved once, shared by
 * every renderer. Building a plan from a cluster with validation errors is a programming error.
 */
public record Plan(Cluster cluster, List<IpAddr> dips, List<Vip> vips, List<Service> services,
                   List<Host> hosts, IpAddr directorGateway, Pair pair) {

    /**
     * A pair of directors: the second one with its parsed DIPs, the real servers' floating gateway
     * (NAT; null otherwise) and the VRRP settings both share.
     */
    public record Pair(Failover settings, List<IpAddr> backupDips, IpAddr floatingGateway) {
        public Director backup() {
            return settings.backup();
        }
    }

    /** A distinct VIP and the services that use it. */
    public record Vip(IpAddr address, List<Service> services) {
    }

    /** A virtual service with its parsed VIP and resolved members. */
    public record Service(VirtualService spec, IpAddr vip, List<Member> members) {
        /**
         * Human label: "tcp 192.168.101.168:80" or "fwmark 1 (tcp 80,443 to 192.168.101.168)", in English
         * for the scripts and the README (built directly: a script per real server asks for it).
         */
        public String label() {
            if (spec.hasFwmark()) {
                return "fwmark " + spec.fwmark() + " (" + spec.protocol() + " "
                        + String.join(",", spec.markPorts().stream().map(String::valueOf).toList()) + " to "
                        + vip.text() + ")";
            }
            return spec.protocol() + " " + vip.withPort(spec.port());
        }

        /** {@link #label()} in no language yet, for the operator (a fwmark service's label has a word). */
        public Message text() {
            if (spec.hasFwmark()) {
                return Texts.of("service.fwmark", spec.fwmark(), spec.protocol(),
                        String.join(",", spec.markPorts().stream().map(String::valueOf).toList()), vip.text());
            }
            return Texts.of("service.port", spec.protocol() + " " + vip.withPort(spec.port()));
        }
    }

    /** A real server inside one service. */
    public record Member(Backend backend, Host host, int port) {
    }

    /** A real server host with its parsed addresses and every VIP it must answer for. */
    public record Host(RealServer server, IpAddr address, IpAddr gateway, List<HostVip> vips) {
        public boolean uses(Forwarding forwarding) {
            return vips.stream().anyMatch(v -> v.backend().forwarding() == forwarding);
        }
    }

    /** One VIP a real server holds (DR, TUN) or only routes back through the director (NAT). */
    public record HostVip(IpAddr vip, Backend backend, Service service) {
    }

    /**
     * The plan of a cluster the validator found no error in, with the addresses it parsed
     * ({@code parsed} turns an address's text into its value). Only the validator builds plans:
     * everything else takes one from {@code Validator.check}.
     */
    public static Plan build(Cluster cluster, Function<String, IpAddr> parsed) {
        List<IpAddr> dips = cluster.director().dips().stream().map(parsed).toList();
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (RealServer server : cluster.realServers()) {
            IpAddr gateway = server.gateway() == null ? null : parsed.apply(server.gateway());
            hosts.put(server.name(), new Host(server, parsed.apply(server.address()), gateway, new ArrayList<>()));
        }
        Map<String, List<Service>> byVip = new LinkedHashMap<>();
        Map<String, IpAddr> vipAddresses = new LinkedHashMap<>();
        List<Service> services = new ArrayList<>();
        for (VirtualService spec : cluster.services()) {
            IpAddr vip = parsed.apply(spec.vip());
            List<Member> members = new ArrayList<>();
            Service service = new Service(spec, vip, members);
            for (Backend backend : spec.backends()) {
                Host host = hosts.get(backend.realServer());
                int port = spec.hasFwmark() ? 0 : backend.port() != null ? backend.port() : spec.port();
                members.add(new Member(backend, host, port));
                host.vips().add(new HostVip(vip, backend, service));
            }
            services.add(service);
            vipAddresses.putIfAbsent(vip.text(), vip);
            byVip.computeIfAbsent(vip.text(), k -> new ArrayList<>()).add(service);
        }
        List<Vip> vips = vipAddresses.values().stream().map(v -> new Vip(v, byVip.get(v.text()))).toList();
        IpAddr gateway = cluster.director().gateway() == null ? null : parsed.apply(cluster.director().gateway());
        Failover failover = cluster.failover();
        Pair pair = failover == null ? null : new Pair(failover,
                failover.backup().dips().stream().map(parsed).toList(),
                failover.floatingGateway() == null ? null : parsed.apply(failover.floatingGateway()));
        return new Plan(cluster, dips, vips, services, List.copyOf(hosts.values()), gateway, pair);
    }

    /**
     * A pair's VRRP instance: one per address family of the VIPs (IPv4 first), ids counted up from
     * the configured one; IPv4 and IPv6 instances are apart in VRRP even with one id.
     */
    public record VrrpInstance(int id, boolean ipv6, List<IpAddr> vips) {
    }

    /** The pair's VRRP instances (none without a pair). */
    public List<VrrpInstance> vrrpInstances() {
        List<VrrpInstance> instances = new ArrayList<>();
        if (pair == null) {
            return instances;
        }
        int id = pair.settings().virtualRouterId();
        for (boolean ipv6 : new boolean[] {false, true}) {
            List<IpAddr> family = vips.stream().map(Vip::address).filter(v -> v.isIPv6() == ipv6).toList();
            if (!family.isEmpty()) {
                instances.add(new VrrpInstance(id++, ipv6, family));
            }
        }
        return instances;
    }

    public boolean uses(Forwarding forwarding) {
        return services.stream().anyMatch(s -> s.spec().uses(forwarding));
    }
}
