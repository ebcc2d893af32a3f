package lvswizard.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lvswizard.imports.IpvsadmArgs.Clear;
import lvswizard.imports.IpvsadmArgs.DeleteServer;
import lvswizard.imports.IpvsadmArgs.DeleteService;
import lvswizard.imports.IpvsadmArgs.Op;
import lvswizard.imports.IpvsadmArgs.ServerOp;
import lvswizard.imports.IpvsadmArgs.ServiceOp;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.model.Forwarding;
import lvswizard.model.HealthCheck;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.Quorum;
import lvswizard.model.RealServer;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.SorryServer;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.plan.NatGateway;
import lvswizard.plan.Names;
import lvswizard.plan.ServiceKey;
import lvswizard.text.Message;

/**
 * The configuration an import is building, fed by one or more sources in order: services and
 * their real servers by key (as ipvsadm names them), the addresses and routes a source shows, and
 * the report of what each line gave. {@link #build} makes the Cluster and names every field no
 * source said.
 */
final class Assembly {
    /** A service being assembled. */
    static final class ServiceDraft {
        final ServiceKey key;
        String name;
        Protocol protocol;
        Scheduler scheduler = Scheduler.WLC;
        List<SchedulerFlag> flags = List.of();
        Persistence persistence;
        final Map<String, BackendDraft> backends = new LinkedHashMap<>();
        HealthCheck healthCheck;
        SorryServer sorryServer;
        Quorum quorum;
        boolean alpha;
        ServiceDraft(ServiceKey key) {
            this.key = key;
            this.protocol = key.isFwmark() ? null : key.protocol();
        }

        /** A port as the configuration keeps it: null for the service's own (and for any port of a mark). */
        Integer ownPort(Integer port) {
            return port == null || port.equals(Endpoint.port(key)) || key.isFwmark() && port == 0 ? null : port;
        }

        /** The real server at host and port (one host may serve a service on two ports), made when new. */
        BackendDraft member(String host, Integer port) {
            Integer own = ownPort(port);
            return backends.computeIfAbsent(host + " " + own, k -> new BackendDraft(host, own));
        }

        boolean hasMember(String host, Integer port) {
            return backends.containsKey(host + " " + ownPort(port));
        }

        BackendDraft removeMember(String host, Integer port) {
            return backends.remove(host + " " + ownPort(port));
        }
    }

    /** A real server of a service: its host, port (null: the service's) and ipvsadm settings. */
    static final class BackendDraft {
        final String host;
        final Integer port;
        Integer weight;
        Forwarding forwarding;
        TunnelType tunnelType;
        Integer tunnelPort;
        Integer upperThreshold;
        Integer lowerThreshold;

        BackendDraft(String host, Integer port) {
            this.host = host;
            this.port = port;
        }
    }

    /** What a source says about a real server host: its interface, prefix, gateway. */
    static final class HostDraft {
        String cidr;
        String iface;
        String gateway;
    }

    /** A MARK rule: traffic to {@code vip} (protocol, ports) gets {@code mark}. */
    record MarkRule(long mark, String vip, Protocol protocol, List<Integer> ports) {
    }

    private final List<Note> notes = new ArrayList<>();
    private final List<SourceFinding> findings = new ArrayList<>();
    private final List<RealServerScript> realServerScripts = new ArrayList<>();
    private final Map<ServiceKey, ServiceDraft> services = new LinkedHashMap<>();
    private final Map<String, HostDraft> hosts = new LinkedHashMap<>();
    /** The VIPs as a source put them on an interface: host address to CIDR and interface. */
    private final Map<String, String> vipCidrs = new LinkedHashMap<>();
    private final Map<String, String> vipInterfaces = new LinkedHashMap<>();
    private final Map<Long, MarkRule> marks = new LinkedHashMap<>();
    private final Set<String> missing = new LinkedHashSet<>();
    String clusterName;
    String directorName;
    String dipInterface;
    final List<String> dips = new ArrayList<>();
    String directorGateway;
    Failover failover;
    /** A source that would show MARK rules was read (a director's script, this host). */
    boolean sawFirewall;
    private String source = "";
    private int line;
    /** Whether the command being applied is a line ipvsadm -R reads (see {@link #apply(Op, String, boolean)}). */
    private boolean restoring;

    /** Notes from here on are about {@code source}, line {@code line}. */
    void at(String source, int line) {
        this.source = source;
        this.line = line;
    }

    void note(Note.Kind kind, String key, Object... args) {
        notes.add(new Note(source, line, kind, Texts.of(key, args)));
    }

    void note(Note.Kind kind, Message text) {
        notes.add(new Note(source, line, kind, text));
    }

    void took(String what) {
        note(Note.Kind.TOOK, "took", what);
    }

    List<Note> notes() {
        return notes;
    }

    /** How many notes there are: where a source's own begin. */
    int noteCount() {
        return notes.size();
    }

    /** The notes from {@code from} on in line order (a note about the whole source after its lines). */
    void sortNotesFrom(int from) {
        List<Note> own = new ArrayList<>(notes.subList(from, notes.size()));
        own.sort(Comparator.comparingInt(n -> n.line() == 0 ? Integer.MAX_VALUE : n.line()));
        notes.subList(from, notes.size()).clear();
        notes.addAll(own);
    }

    /** A lint rule fired on the current line. */
    void finding(LintRule rule, String key, Object... args) {
        findings.add(new SourceFinding(rule, line > 0 ? source + ":" + line : source, Texts.of(key, args)));
    }

    List<SourceFinding> findings() {
        return findings;
    }

    /** What a real server's script showed; applied to the real servers when the cluster is built. */
    void realServerScript(RealServerScript script) {
        realServerScripts.add(script);
    }

    Map<ServiceKey, ServiceDraft> services() {
        return services;
    }

    boolean hasService(ServiceKey key) {
        return services.containsKey(key);
    }

    ServiceDraft service(ServiceKey key) {
        return services.computeIfAbsent(key, ServiceDraft::new);
    }

    HostDraft host(String address) {
        return hosts.computeIfAbsent(address, a -> new HostDraft());
    }

    Set<String> hostAddresses() {
        return hosts.keySet();
    }

    /** A VIP as a source put it on the director: its CIDR and the interface. */
    void vip(String cidr, String iface) {
        IpAddr address = IpAddr.parse(cidr);
        if (address != null) {
            vipCidrs.put(address.hostOnly().text(), cidr);
            if (iface != null) {
                vipInterfaces.put(address.hostOnly().text(), iface);
            }
        }
    }

    void mark(MarkRule rule) {
        marks.put(rule.mark(), rule);
    }

    Map<Long, MarkRule> marks() {
        return marks;
    }

    /** Applies one ipvsadm command, as the kernel would, and notes what it did. */
    void apply(Op op, String text) {
        apply(op, text, false);
    }

    /**
     * The same for a line fed to ipvsadm -R ({@code restoring}): there a line ipvsadm refuses is also
     * a lint error, as -R goes on without a word of it in its exit status; a script's own command
     * may be guarded (|| true, an if) in ways the import does not follow.
     */
    void apply(Op op, String text, boolean restoring) {
        this.restoring = restoring;
        if (op instanceof ServiceOp service) {
            applyService(service, text);
        } else if (op instanceof ServerOp server) {
            applyServer(server, text);
        } else if (op instanceof DeleteService delete) {
            if (services.remove(delete.key()) == null) {
                note(Note.Kind.IGNORED, "ignored.no-such-service", text, delete.key().toString());
            } else {
                took(text);
            }
        } else if (op instanceof DeleteServer delete) {
            ServiceDraft service = services.get(delete.key());
            Endpoint server = Endpoint.parse(delete.server());
            if (service == null || server == null || service.removeMember(server.host(), server.port()) == null) {
                note(Note.Kind.IGNORED, "ignored.no-such-service", text, delete.key() + " -r " + delete.server());
            } else {
                took(text);
            }
        } else if (op instanceof Clear) {
            services.clear();
            took(text);
        } else {
            note(Note.Kind.IGNORED, "ignored.harmless", text);
        }
    }

    private void applyService(ServiceOp op, String text) {
        if (op.edit() != services.containsKey(op.key())) {
            refused(op.edit(), text, op.key().toString());
            return;
        }
        ServiceDraft service = service(op.key());
        if (op.scheduler() != null) {
            service.scheduler = op.scheduler();
        }
        service.flags = op.flags();
        if (op.persistence() != null) {
            service.persistence = new Persistence(op.persistence(), fullMask(op.netmask()) ? null : op.netmask());
        }
        took(text);
    }

    /**
     * A command ipvsadm itself refuses (what it adds exists, or what it changes or adds to does
     * not): left out of the configuration; a lint error in what ipvsadm -R reads.
     */
    private void refused(boolean missing, String text, String what) {
        note(Note.Kind.IGNORED, missing ? "ignored.no-such-service" : "ignored.service-exists", text, what);
        if (restoring) {
            finding(LintRule.IPVSADM_REFUSES, missing ? "lint.ipvsadm-refuses.missing" : "lint.ipvsadm-refuses.exists",
                    text, what);
        }
    }

    /** ipvsadm -S writes the default mask (255.255.255.255, 128) that the configuration leaves out. */
    private static boolean fullMask(String netmask) {
        return netmask == null || netmask.equals("255.255.255.255") || netmask.equals("128");
    }

    private void applyServer(ServerOp op, String text) {
        ServiceDraft service = services.get(op.key());
        Endpoint server = Endpoint.parse(op.server());
        if (service == null) {
            refused(true, text, op.key().toString());
            return;
        }
        if (server == null) {
            note(Note.Kind.UNREADABLE, "unreadable.server", text, op.server());
            return;
        }
        if (op.edit() != service.hasMember(server.host(), server.port())) {
            refused(op.edit(), text, op.key() + " -r " + op.server());
            return;
        }
        BackendDraft backend = service.member(server.host(), server.port());
        host(server.host());
        if (op.forwarding() != null || !op.edit()) {
            backend.forwarding = op.forwarding() == null ? Forwarding.DR : op.forwarding();
        }
        if (op.weight() != null || !op.edit()) {
            backend.weight = op.weight() == null ? Backend.DEFAULT_WEIGHT : op.weight();
        }
        if (op.upperThreshold() != null) {
            backend.upperThreshold = op.upperThreshold();
        }
        if (op.lowerThreshold() != null) {
            backend.lowerThreshold = op.lowerThreshold();
        }
        if (backend.forwarding == Forwarding.TUN) {
            backend.tunnelType = op.tunnelType() == null ? TunnelType.IPIP : op.tunnelType();
            backend.tunnelPort = backend.tunnelType == TunnelType.GUE ? op.tunnelPort() : null;
        }
        took(text);
    }

    /** The cluster, and a MISSING note for every field that no source said; {@link #missing()} their paths. */
    Cluster build() {
        source = "";
        line = 0;
        realServerScripts.forEach(this::applyScript);
        at("", 0);
        Map<String, String> names = new LinkedHashMap<>();
        for (String host : hosts.keySet()) {
            names.put(host, "rs" + (names.size() + 1));
        }
        List<RealServer> realServers = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, HostDraft> entry : hosts.entrySet()) {
            realServers.add(realServer(index++, names.get(entry.getKey()), entry.getKey(), entry.getValue()));
        }
        List<VirtualService> built = new ArrayList<>();
        for (ServiceDraft draft : services.values()) {
            built.add(service(built.size(), draft, names));
        }
        Director director = new Director(directorName, dipInterface, dips, vipInterface(), directorGateway, null);
        require(dipInterface, "director.dipInterface");
        require(dips.isEmpty() ? null : dips, "director.dips");
        require(director.vipInterface(), "director.vipInterface");
        require(null, "director.ntpServer");
        if (built.isEmpty()) {
            missing("services", "missing.services");
        }
        if (failover != null && failover.backup() != null) {
            require(null, "failover.backup.dips");
        }
        return new Cluster(null, clusterName(), director, realServers, built, failover);
    }

    /**
     * A real server's script gives its gateway and, when it shows the host's own address, its
     * interface to that real server; one that shows none is the same script on every real server.
     */
    private void applyScript(RealServerScript script) {
        at(script.source(), 0);
        List<String> targets = script.ownAddresses().keySet().stream().filter(hosts::containsKey).toList();
        if (targets.isEmpty()) {
            targets = List.copyOf(hosts.keySet());
            if (!targets.isEmpty()) {
                note(Note.Kind.TOOK, "took.script-for-all", String.join(", ", targets));
            }
        }
        for (String target : targets) {
            HostDraft host = hosts.get(target);
            RealServerScript.Own own = script.ownAddresses().get(target);
            if (own != null) {
                host.cidr = host.cidr == null ? own.cidr() : host.cidr;
                host.iface = host.iface == null ? own.iface() : host.iface;
            }
            if (host.gateway == null && script.gateway() != null) {
                host.gateway = script.gateway();
            }
        }
    }

    /** Whether {@code host} is the VIP of a service (by its key, or by the MARK rule of a fwmark service). */
    boolean isVip(String host) {
        for (ServiceKey key : services.keySet()) {
            if (!key.isFwmark() && Endpoint.parse(key.address()).host().equals(host)) {
                return true;
            }
        }
        return marks.values().stream().anyMatch(m -> host.equals(m.vip()));
    }

    boolean sawFirewall() {
        return sawFirewall;
    }

    /** The thresholds ipvsadm -S leaves out, from ipvsadm -L --thresholds. */
    void thresholds(ServiceKey key, Endpoint server, int upper, int lower) {
        ServiceDraft service = services.get(key);
        BackendDraft backend = service == null || !service.hasMember(server.host(), server.port()) ? null
                : service.member(server.host(), server.port());
        if (backend != null) {
            backend.upperThreshold = upper;
            backend.lowerThreshold = lower;
        }
    }

    Set<String> missing() {
        return missing;
    }

    private String clusterName() {
        return clusterName != null && Names.isName(clusterName) ? clusterName : "imported";
    }

    /** The interface every VIP is on, when the source put them all on one. */
    private String vipInterface() {
        Set<String> distinct = new LinkedHashSet<>(vipInterfaces.values());
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    private RealServer realServer(int index, String name, String host, HostDraft draft) {
        String path = "realServers[" + index + "]";
        String address = draft.cidr;
        if (address == null) {
            address = prefixFromDip(host);
        }
        if (address == null) {
            address = host;
            missing(path + ".address", "missing.prefix", path + ".address", host);
        }
        require(draft.iface, path + ".interface");
        String gateway = draft.gateway;
        if (gateway == null) {
            gateway = natGateway(host);
            if (gateway != null) {
                note(Note.Kind.TOOK, "took.nat-gateway", path + ".gateway", gateway);
            }
        }
        require(gateway, path + ".gateway");
        return new RealServer(name, address, draft.iface, gateway);
    }

    /**
     * A NAT member's gateway no source says: the director's address on its LAN, the only one NAT
     * works with (a pair's floating gateway, else a DIP whose subnet holds it); null for another
     * method or when no director address is known there.
     */
    private String natGateway(String host) {
        boolean nat = services.values().stream().flatMap(s -> s.backends.values().stream())
                .anyMatch(b -> b.host.equals(host) && b.forwarding == Forwarding.NAT);
        IpAddr gateway = nat ? NatGateway.of(failover, dips, IpAddr.parse(host)) : null;
        return gateway == null ? null : gateway.text();
    }

    /** A RIP in the subnet of a DIP the source showed is on that subnet: the DIP's prefix length. */
    private String prefixFromDip(String host) {
        IpAddr rip = IpAddr.parse(host);
        for (String dip : dips) {
            IpAddr parsed = IpAddr.parse(dip);
            if (rip != null && parsed != null && parsed.hasPrefix() && parsed.subnetContains(rip)) {
                String cidr = rip.withPrefixLength(parsed.prefixLength()).cidr();
                note(Note.Kind.TOOK, "took.prefix-of-dip", cidr, dip);
                return cidr;
            }
        }
        return null;
    }

    private VirtualService service(int index, ServiceDraft draft, Map<String, String> names) {
        String path = "services[" + index + "]";
        String vip;
        Integer port = null;
        Long fwmark = null;
        List<Integer> markPorts = List.of();
        Protocol protocol = draft.protocol;
        if (draft.key.isFwmark()) {
            fwmark = Long.parseLong(draft.key.address());
            MarkRule rule = marks.get(fwmark);
            vip = rule == null || rule.vip() == null ? null : vipCidrs.getOrDefault(rule.vip(), rule.vip());
            if (rule != null) {
                markPorts = rule.ports();
                protocol = rule.protocol();
            } else {
                missing(path + ".vip", "missing.mark-rule", draft.key.address());
                missing.add(path + ".markPorts");
            }
        } else {
            Endpoint endpoint = Endpoint.parse(draft.key.address());
            vip = vipCidrs.getOrDefault(endpoint.host(), endpoint.host());
            port = endpoint.port();
        }
        List<Backend> backends = new ArrayList<>();
        for (BackendDraft b : draft.backends.values()) {
            backends.add(new Backend(names.get(b.host), b.port, b.weight, b.forwarding, b.tunnelType, b.tunnelPort,
                    b.upperThreshold, b.lowerThreshold));
        }
        return new VirtualService(draft.name, protocol, vip, port, fwmark, markPorts, draft.scheduler, draft.flags,
                draft.persistence, backends, draft.healthCheck, draft.sorryServer, draft.quorum, draft.alpha);
    }

    private void require(Object value, String path) {
        if (value == null) {
            missing(path, "missing.field", path);
        }
    }

    private void missing(String path, String key, Object... args) {
        if (missing.add(path)) {
            note(Note.Kind.MISSING, key, args);
        }
    }
}
