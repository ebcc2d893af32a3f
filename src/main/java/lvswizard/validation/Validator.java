package lvswizard.validation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.RealServer;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.text.Message;
import lvswizard.text.Quote;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Plan;
import lvswizard.plan.Names;

/**
 * Checks a cluster for the mistakes that make LVS fail, loudly or silently. Pure and linear in the
 * size of the configuration: lookups go through hash maps, never nested loops over real servers.
 */
public final class Validator {
    /** Schedulers that already send one client (sh, mh) or one destination (dh, lblc, lblcr) to one server. */
    private static final Set<Scheduler> HASHING = EnumSet.of(Scheduler.SH, Scheduler.MH, Scheduler.DH,
            Scheduler.LBLC, Scheduler.LBLCR);

    /** ipvsadm's own limit (MAX_TIMEOUT, 31 days); the kernel would take more but ipvsadm refuses it. */
    private static final long MAX_PERSISTENCE = 86_400L * 31;
    private static final long MAX_FWMARK = (1L << 32) - 1;
    private static final Set<Scheduler> RECENT = Set.of(Scheduler.TWOS, Scheduler.MH, Scheduler.OVF);
    /** Schedulers that share connections without looking at weights, and their weighted twins. */
    private static final Map<Scheduler, Scheduler> UNWEIGHTED = Map.of(Scheduler.RR, Scheduler.WRR, Scheduler.LC,
            Scheduler.WLC);

    private final Findings findings = new Findings();
    private final List<IpAddr> dips = new ArrayList<>();
    private final Map<String, ParsedServer> servers = new HashMap<>();
    /** Each RIP's real server: the first to have it. */
    private final Map<String, RipOwner> ripOwners = new HashMap<>();
    /** The real servers already told that their RIP is a VIP (a VIP may serve several ports). */
    private final Set<String> ripsThatAreVips = new HashSet<>();
    private final Set<String> usedServers = new HashSet<>();
    private final Map<String, Integer> vipPrefixes = new HashMap<>();
    private final List<IpAddr> vipNetworks = new ArrayList<>();
    private final Map<String, String> markedPorts = new HashMap<>();
    private final Set<String> serviceKeys = new HashSet<>();
    private boolean drUsed;
    private boolean natUsed;
    /** The pair's floating gateway (NAT real servers' gateway), parsed before the services are checked. */
    private IpAddr floatingGateway;
    /** Every address the checks parsed, by its text: the plan takes them from here. */
    private final Map<String, IpAddr> parsed = new HashMap<>();
    /** DR and TUN real servers with a gateway, checked once every director address is parsed. */
    private final List<DirectReply> directReplies = new ArrayList<>();
    /** The real servers already told they have no gateway (once, however many services they answer). */
    private final Set<Integer> withoutGateway = new HashSet<>();

    private Validator() {
    }

    /** Every finding; with no error, the plan the checks built (the addresses they parsed, parsed once). */
    public static Validation check(Cluster cluster) {
        Validator validator = new Validator();
        validator.run(cluster);
        List<Finding> found = validator.findings.list();
        Plan plan = hasErrors(found) ? null
                : Plan.build(cluster, text -> validator.parsed.computeIfAbsent(text, IpAddr::parse));
        return new Validation(found, plan);
    }

    public static List<Finding> validate(Cluster cluster) {
        return check(cluster).findings();
    }

    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }

    private record ParsedServer(RealServer server, IpAddr address, IpAddr gateway, int index) {
    }

    private void run(Cluster cluster) {
        if (cluster.version() != Cluster.CURRENT_VERSION) {
            findings.add(Rule.VERSION, "version", "version.unsupported", cluster.version(), Cluster.CURRENT_VERSION);
        }
        checkName("name", cluster.name(), "what.cluster-name");
        Director director = cluster.director();
        if (findings.required("director", director, "what.director")) {
            checkDirector(director);
        }
        if (cluster.failover() != null && cluster.failover().floatingGateway() != null) {
            floatingGateway = hostWithPrefix("failover.floatingGateway", cluster.failover().floatingGateway(),
                    "what.floating-gateway");
        }
        for (int i = 0; i < cluster.realServers().size(); i++) {
            checkRealServer(cluster.realServers().get(i), i);
        }
        if (cluster.services().isEmpty()) {
            findings.add(Rule.NO_SERVICES, "services", "no-services");
        }
        for (int i = 0; i < cluster.services().size(); i++) {
            checkService(cluster.services().get(i), i);
        }
        if (director != null) {
            checkDirectorNetworks(director);
            if (cluster.failover() != null) {
                checkFailover(cluster.failover(), director, cluster);
            }
        }
        checkDirectReplies();
        for (ParsedServer parsed : servers.values()) {
            if (parsed.gateway() != null && vipPrefixes.containsKey(parsed.gateway().text())) {
                findings.add(Rule.DUPLICATE_ADDRESS, "realServers[" + parsed.index() + "].gateway",
                        "duplicate-address.gateway-vip", parsed.gateway().text());
            }
        }
        for (ParsedServer parsed : servers.values()) {
            if (!usedServers.contains(parsed.server().name())) {
                findings.add(Rule.UNUSED_REAL_SERVER, "realServers[" + parsed.index() + "]", "unused-real-server",
                        parsed.server().name());
            }
        }
    }

    // ---- director -------------------------------------------------------------------------

    private void checkDirector(Director director) {
        checkName("director.name", director.name(), "what.director-name");
        checkInterface("director.dipInterface", director.dipInterface(), "what.dip-interface");
        checkInterface("director.vipInterface", director.vipInterface(), "what.vip-interface");
        if (director.dips().isEmpty()) {
            findings.add(Rule.REQUIRED, "director.dips", "required.dips");
        }
        for (int i = 0; i < director.dips().size(); i++) {
            IpAddr dip = hostWithPrefix("director.dips[" + i + "]", director.dips().get(i), "what.dip");
            if (dip != null) {
                dips.add(dip);
            }
        }
        if (director.ntpServer() == null) {
            findings.add(Rule.NTP, "director.ntpServer", "ntp");
        } else if (IpAddr.parse(director.ntpServer()) == null && !Names.isHostname(director.ntpServer())) {
            findings.add(Rule.ADDRESS_SYNTAX, "director.ntpServer", "address-syntax.ntp", director.ntpServer());
        }
    }

    /** The director's gateway can only be judged once the VIP subnets are known. */
    private void checkDirectorNetworks(Director director) {
        if (director.gateway() == null) {
            return;
        }
        IpAddr gateway = address("director.gateway", director.gateway(), "what.gateway");
        if (gateway == null) {
            return;
        }
        List<IpAddr> networks = new ArrayList<>(dips);
        vipPrefixes.forEach((vip, prefix) -> {
            if (prefix != null) {
                networks.add(IpAddr.parse(vip).withPrefixLength(prefix));
            }
        });
        checkGatewayInside("director.gateway", gateway, networks, Words.of("where.director-networks",
                networks.stream().map(IpAddr::network).distinct().toList()));
        if (dips.stream().anyMatch(d -> d.sameHost(gateway)) || vipPrefixes.containsKey(gateway.text())) {
            findings.add(Rule.DUPLICATE_ADDRESS, "director.gateway", "duplicate-address.gateway-director",
                    gateway.text());
        }
        // a name that is no interface has its own error (interface-name): comparing it says nothing more
        if (!drUsed || !Names.isInterface(director.vipInterface()) || !Names.isInterface(director.dipInterface())) {
            return;
        }
        if (!Names.baseDevice(director.vipInterface()).equals(Names.baseDevice(director.dipInterface()))) {
            findings.add(Rule.DR_TWO_NICS, "director.vipInterface", "dr-two-nics", director.vipInterface(),
                    director.dipInterface());
        }
    }

    // ---- a pair of directors ---------------------------------------------------------------

    private void checkFailover(Failover failover, Director director, Cluster cluster) {
        Director backup = failover.backup();
        if (findings.required("failover.backup", backup, "what.backup-director")) {
            checkBackup(backup, director, cluster);
        }
        if (findings.required("failover.virtualRouterId", failover.virtualRouterId(), "what.virtual-router-id")) {
            int id = failover.virtualRouterId();
            if (id < 1 || id > 255) {
                findings.add(Rule.VRRP_ID, "failover.virtualRouterId", "vrrp-id.range", id);
            }
            // one VRRP instance per address family of the VIPs, ids counted up from this one
            int instances = (int) Math.max(1, vipPrefixes.keySet().stream().map(v -> v.contains(":")).distinct()
                    .count());
            int last = failover.virtualRouterId() + instances - 1;
            if (failover.virtualRouterId() >= 1 && failover.virtualRouterId() <= 255 && last > 255) {
                findings.add(Rule.VRRP_ID, "failover.virtualRouterId", "vrrp-id.room", failover.virtualRouterId(),
                        instances);
            }
        }
        findings.range("failover.advertInterval", "what.advert-interval", failover.advertInterval(), 1, 255);
        findings.range("failover.priority", "what.vrrp-priority", failover.priority(), 1, 254);
        findings.range("failover.backupPriority", "what.backup-priority", failover.backupPriority(), 1, 254);
        findings.range("failover.syncId", "what.sync-id", failover.syncId(), 0, 255);
        if (failover.preempt() && failover.priority().equals(failover.backupPriority())) {
            findings.add(Rule.VRRP_PRIORITY, "failover.backupPriority", "vrrp-priority.equal", failover.priority());
        }
        if (failover.authPass() != null) {
            if (!failover.authPass().matches("[!#-&(-~]{1,8}")) {
                findings.add(Rule.VRRP_AUTH, "failover.authPass", "vrrp-auth.syntax",
                        Quote.forMessage(failover.authPass()));
            } else if (vipPrefixes.keySet().stream().anyMatch(v -> v.contains(":"))) {
                findings.add(Rule.VRRP_AUTH, "failover.authPass", "vrrp-auth.ipv6");
            }
        }
        if (natUsed && failover.floatingGateway() == null) {
            findings.add(Rule.FAILOVER_GATEWAY, "failover.floatingGateway", "failover-gateway.required");
        } else if (floatingGateway != null) {
            checkGatewayInside("failover.floatingGateway", floatingGateway, dips, Words.of("where.dip-networks",
                    dips.stream().map(IpAddr::network).distinct().toList()));
            if (dips.stream().anyMatch(d -> d.sameHost(floatingGateway)) || backupDips.stream()
                    .anyMatch(d -> d.sameHost(floatingGateway)) || ripOwners.containsKey(floatingGateway.text())
                    || vipPrefixes.containsKey(floatingGateway.text())) {
                findings.add(Rule.FAILOVER_GATEWAY, "failover.floatingGateway", "failover-gateway.taken",
                        floatingGateway.text());
            }
        }
    }

    private final List<IpAddr> backupDips = new ArrayList<>();

    private void checkBackup(Director backup, Director director, Cluster cluster) {
        checkName("failover.backup.name", backup.name(), "what.director-name");
        if (backup.name().equals(director.name()) || servers.containsKey(backup.name())) {
            findings.add(Rule.DUPLICATE_NAME, "failover.backup.name", "duplicate-name.backup", backup.name());
        }
        // the pair shares the first director's gateway and time source: the backup's own would be ignored
        if (backup.gateway() != null && !backup.gateway().equals(director.gateway())) {
            findings.add(Rule.FAILOVER_PEER, "failover.backup.gateway", "failover-peer.shared",
                    Quote.forMessage(backup.gateway()), director.gateway() == null ? Words.of("none")
                            : Quote.forMessage(director.gateway()));
        }
        if (backup.ntpServer() != null && !backup.ntpServer().equals(director.ntpServer())) {
            findings.add(Rule.FAILOVER_PEER, "failover.backup.ntpServer", "failover-peer.shared",
                    Quote.forMessage(backup.ntpServer()), director.ntpServer() == null ? Words.of("none")
                            : Quote.forMessage(director.ntpServer()));
        }
        checkInterface("failover.backup.dipInterface", backup.dipInterface(), "what.dip-interface");
        checkInterface("failover.backup.vipInterface", backup.vipInterface(), "what.vip-interface");
        if (backup.dips().isEmpty()) {
            findings.add(Rule.REQUIRED, "failover.backup.dips", "required.backup-dips");
        }
        for (int i = 0; i < backup.dips().size(); i++) {
            String path = "failover.backup.dips[" + i + "]";
            IpAddr dip = hostWithPrefix(path, backup.dips().get(i), "what.dip");
            if (dip == null) {
                continue;
            }
            backupDips.add(dip);
            if (dips.stream().anyMatch(d -> d.sameHost(dip)) || ripOwners.containsKey(dip.text())
                    || vipPrefixes.containsKey(dip.text())) {
                findings.add(Rule.DUPLICATE_ADDRESS, path, "duplicate-address.backup-dip", dip.text());
            } else if (dips.stream().noneMatch(d -> d.family() == dip.family() && d.subnetContains(dip))) {
                findings.add(Rule.FAILOVER_PEER, path, "failover-peer.subnet", dip.text(),
                        dips.stream().map(IpAddr::network).distinct().toList());
            }
        }
        for (IpAddr dip : dips) {
            if (!backupDips.isEmpty() && backupDips.stream().noneMatch(b -> b.family() == dip.family())) {
                findings.add(Rule.FAILOVER_PEER, "failover.backup.dips", "failover-peer.family", dip.family(),
                        dip.text());
            }
        }
    }

    // ---- real servers ---------------------------------------------------------------------

    private void checkRealServer(RealServer server, int index) {
        String path = "realServers[" + index + "]";
        boolean named = checkName(path + ".name", server.name(), "what.real-server-name")
                && findings.required(path + ".name", server.name(), "what.real-server-name");
        if (named && servers.containsKey(server.name())) {
            // numbered as the wizard shows it (Real server 1), with the file's path that the command line prints
            int other = servers.get(server.name()).index();
            findings.add(Rule.DUPLICATE_NAME, path + ".name", "duplicate-name", server.name(),
                    Words.of("where.real-server-number", String.valueOf(other + 1), "realServers[" + other + "]"));
            named = false;
        }
        checkInterface(path + ".interface", server.iface(), "what.real-server-interface");
        IpAddr address = hostWithPrefix(path + ".address", server.address(), "what.rip");
        if (address != null) {
            RipOwner owner = ripOwners.putIfAbsent(address.text(), new RipOwner(path, named ? server.name() : path));
            if (owner != null) {
                findings.add(Rule.DUPLICATE_ADDRESS, path + ".address", "duplicate-address.rip", address.text(),
                        owner.name());
            }
            for (IpAddr dip : dips) {
                if (dip.sameHost(address)) {
                    findings.add(Rule.DUPLICATE_ADDRESS, path + ".address", "duplicate-address.rip-dip",
                            address.text());
                }
            }
        }
        IpAddr gateway = null;
        if (server.gateway() != null) {
            gateway = address(path + ".gateway", server.gateway(), "what.gateway");
            if (gateway != null && address != null) {
                checkGatewayInside(path + ".gateway", gateway, List.of(address),
                        Words.of("where.real-server-subnet", address.network()));
                if (gateway.sameHost(address)) {
                    findings.add(Rule.DUPLICATE_ADDRESS, path + ".gateway", "duplicate-address.gateway-own",
                            gateway.text());
                }
            }
        }
        if (named) {
            servers.put(server.name(), new ParsedServer(server, address, gateway, index));
        }
    }

    // ---- services -------------------------------------------------------------------------

    private void checkService(VirtualService service, int index) {
        String path = "services[" + index + "]";
        if (service.name() != null) {
            checkName(path + ".name", service.name(), "what.service-name");
        }
        IpAddr vip = address(path + ".vip", service.vip(), "what.vip");
        if (vip != null) {
            checkVip(path, vip);
        }
        checkPorts(path, service);
        checkScheduler(path, service);
        checkPersistence(path, service, vip);
        if (vip != null) {
            String key = service.hasFwmark() ? "fwmark " + service.fwmark() + " " + vip.family()
                    : service.protocol() + " " + vip.withPort(service.port() == null ? 0 : service.port());
            if (!serviceKeys.add(key)) {
                findings.add(Rule.DUPLICATE_SERVICE, path, "duplicate-service", key);
            }
        }
        if (vip != null) {
            checkMarkOverlap(path, service, vip);
        }
        if (service.backends().isEmpty()) {
            // which one: a step that lists them all shows this once for each service without members
            findings.add(Rule.NO_BACKENDS, path + ".backends", "no-backends",
                    isBlank(service.name()) ? String.valueOf(index + 1) : service.name());
        }
        Set<String> members = new HashSet<>();
        for (int i = 0; i < service.backends().size(); i++) {
            checkBackend(path + ".backends[" + i + "]", service.backends().get(i), service, vip, members);
        }
        checkTunnelWarnings(path, service);
        IpAddr sorry = service.sorryServer() == null ? null
                : address(path + ".sorryServer.address", service.sorryServer().address(), "what.sorry-server");
        new KeepalivedChecks(findings).check(path, service, vip, sorry, name -> {
            ParsedServer server = name == null ? null : servers.get(name);
            return server == null ? null : server.address();
        });
        if (vip != null) {
            checkNatClientNetwork(path, service, vip);
        }
        if (service.hasFwmark() && service.markPorts().size() > 1 && service.persistence() == null) {
            findings.add(Rule.FWMARK_PERSISTENCE, path + ".persistence", "fwmark-persistence", service.fwmark(),
                    service.markPorts());
        }
        if (service.persistence() != null && HASHING.contains(service.scheduler())) {
            findings.add(Rule.PERSISTENCE_SCHEDULER, path + ".scheduler", "persistence-scheduler", service.scheduler(),
                    service.persistence().timeout());
        }
        drUsed |= service.uses(Forwarding.DR);
        if (vip != null && vip.isIPv6() && service.uses(Forwarding.NAT)) {
            findings.add(Rule.NAT6_FORWARDING, path, "nat6-forwarding", vip.text());
        }
    }

    private void checkSpecial(String path, IpAddr address, String what) {
        String kind = address.specialKind();
        if (kind != null) {
            findings.add(Rule.SPECIAL_ADDRESS, path, "special-address", Words.of(what), address.text(),
                    Words.of("kind." + kind.replace(' ', '-')));
        }
    }

    private void checkVip(String path, IpAddr vip) {
        checkSpecial(path + ".vip", vip, "what.vip");
        if (vip.isNetworkOrBroadcast()) {
            findings.add(Rule.NETWORK_OR_BROADCAST, path + ".vip", "network-or-broadcast", Words.of("what.vip"), vip,
                    vip.network());
        }
        if (vipPrefixes.containsKey(vip.text())
                && !java.util.Objects.equals(vipPrefixes.get(vip.text()), vip.prefixLength())) {
            findings.add(Rule.VIP_PREFIX, path + ".vip", "vip-prefix", vip.text(), vip.prefixLength(),
                    vipPrefixes.get(vip.text()));
        }
        if (vipPrefixes.putIfAbsent(vip.text(), vip.prefixLength()) == null && vip.hasPrefix()) {
            vipNetworks.add(vip);
        }
        for (IpAddr dip : dips) {
            if (dip.sameHost(vip)) {
                findings.add(Rule.DUPLICATE_ADDRESS, path + ".vip", "duplicate-address.vip-dip", vip.text());
            }
        }
        RipOwner owner = ripOwners.get(vip.text());
        if (owner != null) {
            findings.add(Rule.DUPLICATE_ADDRESS, path + ".vip", "duplicate-address.vip-rip", vip.text(), owner.name());
            // and where the real server's address is typed: the mistake may be that one
            if (ripsThatAreVips.add(owner.path())) {
                findings.add(Rule.DUPLICATE_ADDRESS, owner.path() + ".address", "duplicate-address.rip-vip",
                        vip.text());
            }
        }
    }

    private void checkPorts(String path, VirtualService service) {
        if (service.hasFwmark()) {
            findings.range(path + ".fwmark", "what.fwmark", service.fwmark(), 1, MAX_FWMARK);
            if (service.port() != null) {
                findings.add(Rule.FWMARK_FIELDS, path + ".port", "fwmark-fields.service-port", service.port());
            }
            if (service.markPorts().isEmpty()) {
                findings.add(Rule.FWMARK_FIELDS, path + ".markPorts", "fwmark-fields.no-ports", service.fwmark());
            }
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < service.markPorts().size(); i++) {
                Integer port = service.markPorts().get(i);
                if (findings.required(path + ".markPorts[" + i + "]", port, "what.port")) {
                    findings.range(path + ".markPorts[" + i + "]", "what.port", port, 1, 65535);
                    if (!seen.add(port)) {
                        findings.add(Rule.FWMARK_FIELDS, path + ".markPorts[" + i + "]", "fwmark-fields.port-twice",
                                port);
                    }
                }
            }
            return;
        }
        if (!service.markPorts().isEmpty()) {
            findings.add(Rule.FWMARK_FIELDS, path + ".markPorts", "fwmark-fields.no-fwmark", service.markPorts());
        }
        if (findings.required(path + ".port", service.port(), "what.service-port")) {
            findings.range(path + ".port", "what.port", service.port(), 0, 65535);
            if (service.port() == 0 && service.persistence() == null) {
                findings.add(Rule.PORT_ZERO, path + ".port", "port-zero");
            }
        }
    }

    /** Each protocol+VIP+port may be claimed once: by a port service or by one fwmark's MARK rule. */
    private void checkMarkOverlap(String path, VirtualService service, IpAddr vip) {
        List<Integer> ports = service.hasFwmark() ? service.markPorts()
                : service.port() == null ? List.of() : List.of(service.port());
        for (Integer port : ports) {
            if (port == null) {
                continue;
            }
            String key = service.protocol() + " " + vip.withPort(port);
            String owner = markedPorts.putIfAbsent(key, path);
            if (owner != null && (service.hasFwmark() || owner.endsWith("(fwmark)"))) {
                findings.add(Rule.MARK_OVERLAP, path, "mark-overlap", key, owner.replace(" (fwmark)", ""));
            }
            if (owner == null && service.hasFwmark()) {
                markedPorts.put(key, path + " (fwmark)");
            }
        }
    }

    private void checkScheduler(String path, VirtualService service) {
        Scheduler scheduler = service.scheduler();
        for (int i = 0; i < service.schedulerFlags().size(); i++) {
            SchedulerFlag flag = service.schedulerFlags().get(i);
            if (flag == null || flag.scheduler() != scheduler) {
                findings.add(Rule.SCHEDULER_FLAG, path + ".schedulerFlags[" + i + "]", "scheduler-flag", flag,
                        scheduler);
            }
        }
        if (RECENT.contains(scheduler)) {
            findings.add(Rule.RECENT_SCHEDULER, path + ".scheduler", "recent-scheduler", scheduler,
                    scheduler == Scheduler.TWOS ? "5.5" : scheduler == Scheduler.MH ? "4.18" : "4.20");
        }
        if (UNWEIGHTED.containsKey(scheduler)) {
            // weight 0 still quiesces a server under these: only the other weights are ignored
            List<Integer> weights = service.backends().stream().map(Backend::weight).filter(w -> w != null && w > 0)
                    .distinct().sorted().toList();
            if (weights.size() > 1) {
                findings.add(Rule.UNWEIGHTED_SCHEDULER, path + ".scheduler", "unweighted-scheduler", scheduler,
                        weights.stream().map(String::valueOf).collect(Collectors.joining("/")),
                        UNWEIGHTED.get(scheduler));
            }
        }
    }

    private void checkPersistence(String path, VirtualService service, IpAddr vip) {
        Persistence persistence = service.persistence();
        if (persistence == null) {
            return;
        }
        findings.range(path + ".persistence.timeout", "what.persistence-timeout", persistence.timeout(), 1,
                MAX_PERSISTENCE);
        String mask = persistence.netmask();
        if (mask == null || vip == null) {
            return;
        }
        if (!PersistenceMask.isValid(mask, vip.isIPv6())) {
            findings.add(Rule.PERSISTENCE_NETMASK, path + ".persistence.netmask",
                    vip.isIPv6() ? "persistence-netmask.ipv6" : "persistence-netmask.ipv4", mask);
        }
    }

    // ---- backends -------------------------------------------------------------------------

    private void checkBackend(String path, Backend backend, VirtualService service, IpAddr vip, Set<String> members) {
        if (!findings.required(path + ".realServer", backend.realServer(), "what.backend-real-server")) {
            return;
        }
        ParsedServer server = servers.get(backend.realServer());
        usedServers.add(backend.realServer());
        findings.range(path + ".weight", "what.weight", backend.weight(), 0, 65535);
        if (backend.weight() == 0) {
            findings.add(Rule.WEIGHT_ZERO, path + ".weight", "weight-zero", backend.realServer());
        }
        checkThresholds(path, backend);
        checkBackendPort(path, backend, service);
        checkTunnelFields(path, backend);
        if (server == null) {
            findings.add(Rule.UNKNOWN_REAL_SERVER, path + ".realServer", "unknown-real-server", backend.realServer());
            return;
        }
        String member = backend.realServer() + ":" + effectivePort(backend, service);
        if (!members.add(member)) {
            findings.add(Rule.DUPLICATE_BACKEND, path, "duplicate-backend", member);
        }
        if (vip == null || server.address() == null) {
            return;
        }
        checkFamilies(path, backend, vip, server);
        switch (backend.forwarding()) {
            case DR -> {
                checkDirectRouting(path, server);
                noteDirectReply(path, server, backend.forwarding());
            }
            case NAT -> checkNat(path, server);
            case TUN -> noteDirectReply(path, server, backend.forwarding());
        }
    }

    private static Integer effectivePort(Backend backend, VirtualService service) {
        return backend.port() != null ? backend.port() : service.port();
    }

    private void checkThresholds(String path, Backend backend) {
        findings.range(path + ".upperThreshold", "what.upper-threshold", backend.upperThreshold(), 0, 65535);
        findings.range(path + ".lowerThreshold", "what.lower-threshold", backend.lowerThreshold(), 0, 65535);
        if (backend.upperThreshold() > 0 && backend.lowerThreshold() > backend.upperThreshold()) {
            findings.add(Rule.THRESHOLD_ORDER, path + ".lowerThreshold", "threshold-order", backend.lowerThreshold(),
                    backend.upperThreshold());
        }
    }

    private void checkBackendPort(String path, Backend backend, VirtualService service) {
        if (backend.port() == null) {
            return;
        }
        findings.range(path + ".port", "what.port", backend.port(), 1, 65535);
        if (service.hasFwmark()) {
            findings.add(Rule.FWMARK_FIELDS, path + ".port", "fwmark-fields.backend-port", backend.port());
        } else if (backend.forwarding() != Forwarding.NAT && !backend.port().equals(service.port())) {
            findings.add(Rule.PORT_MAPPING, path + ".port", "port-mapping", backend.port(), service.port(),
                    backend.forwarding().name());
        }
    }

    private void checkTunnelFields(String path, Backend backend) {
        if (backend.forwarding() != Forwarding.TUN) {
            if (backend.tunnelType() != null || backend.tunnelPort() != null) {
                findings.add(Rule.TUN_FIELDS, path + ".tunnelType", "tun-fields.not-tun", backend.forwarding());
            }
            return;
        }
        if (backend.tunnelType() == TunnelType.GUE) {
            if (findings.required(path + ".tunnelPort", backend.tunnelPort(), "what.gue-tunnel-port")) {
                findings.range(path + ".tunnelPort", "what.tunnel-port", backend.tunnelPort(), 1, 65535);
            }
        } else if (backend.tunnelPort() != null) {
            findings.add(Rule.TUN_FIELDS, path + ".tunnelPort", "tun-fields.gue-only", backend.tunnelPort(),
                    backend.tunnelType());
        }
    }

    /**
     * The tunnels the real server's script cannot receive: it sets GUE up over IPv4 carrying IPv4
     * (ip fou add ... ipproto 4), and ipip over IPv6 arrives on ip6tnl0, which takes IPv6 inside only
     * and, on Debian 12's kernel in the lab, decapsulated none of IPVS's packets.
     * Across families nothing works as generated: the real server answers from the VIP, so it needs
     * an address and a route of the VIP's family, which a configuration gives it only in the real
     * server's own family. Null when the script's tunnel serves this outer (real server) and inner (VIP) family.
     */
    static String unworkableTunnel(TunnelType type, boolean outerIpv6, boolean innerIpv6) {
        if (type == TunnelType.GUE && (outerIpv6 || innerIpv6)) {
            return outerIpv6 ? "tun-family.gue-ipv6" : "tun-family.gue-inner-ipv6";
        }
        if ((type == null || type == TunnelType.IPIP) && outerIpv6) {
            // IPv6 in IPv6: the lab on Debian 12's kernel got no answer through ip6tnl0 (GRE over IPv6 answered)
            return innerIpv6 ? "tun-family.ipip6" : "tun-family.ipip-in-ipv6";
        }
        return outerIpv6 != innerIpv6 ? "tun-family.mixed" : null;
    }

    private void checkFamilies(String path, Backend backend, IpAddr vip, ParsedServer server) {
        String unworkable = backend.forwarding() != Forwarding.TUN ? null
                : unworkableTunnel(backend.tunnelType(), server.address().isIPv6(), vip.isIPv6());
        if (unworkable != null) {
            findings.add(Rule.TUN_FAMILY, path, "tun-family",
                    backend.tunnelType() == null ? TunnelType.IPIP : backend.tunnelType(), vip.text(),
                    server.server().name(), server.address().text(), Words.of(unworkable));
        } else if (vip.family() != server.address().family()) {
            findings.add(Rule.FAMILY_MISMATCH, path, "family-mismatch", vip.text(), vip.family(),
                    server.server().name(), server.address().text(), server.address().family(),
                    backend.forwarding().name());
        }
        if (backend.forwarding() != Forwarding.TUN && !dips.isEmpty()
                && dips.stream().noneMatch(d -> d.family() == server.address().family())) {
            findings.add(Rule.DIP_FAMILY, "director.dips", "dip-family", server.address().family(),
                    server.server().name());
        }
    }

    private void checkDirectRouting(String path, ParsedServer server) {
        IpAddr rip = server.address();
        boolean onDirectorLan = dips.stream().anyMatch(dip -> dip.subnetContains(rip))
                || vipNetworks.stream().anyMatch(vip -> vip.subnetContains(rip));
        if (!onDirectorLan && dips.stream().anyMatch(d -> d.family() == rip.family())) {
            offTheDipLan(Rule.DR_SAME_SUBNET, "dr-same-subnet", path, server);
        }
    }

    /**
     * DR and TUN real servers answer from the VIP straight to the client: through a director (a
     * DIP, a pair's backup DIP or floating gateway), the director receives packets from an address
     * it holds itself and drops them as martians. Noted here, checked once every director address
     * is parsed ({@link #checkDirectReplies}).
     */
    private void noteDirectReply(String path, ParsedServer server, Forwarding forwarding) {
        if (server.gateway() != null) {
            directReplies.add(new DirectReply(path, server, forwarding));
        } else if (isBlank(server.server().gateway()) && withoutGateway.add(server.index())) {
            findings.add(Rule.NO_GATEWAY, "realServers[" + server.index() + "].gateway", "no-gateway",
                    server.server().name(), path, forwarding.name());
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private void checkDirectReplies() {
        for (DirectReply reply : directReplies) {
            IpAddr gateway = reply.server().gateway();
            if (dips.stream().anyMatch(d -> d.sameHost(gateway)) || backupDips.stream().anyMatch(d -> d.sameHost(gateway))
                    || floatingGateway != null && floatingGateway.sameHost(gateway)) {
                findings.add(Rule.DR_GATEWAY_DIP, "realServers[" + reply.server().index() + "].gateway",
                        "dr-gateway-dip", reply.server().server().name(), gateway.text(), reply.path(),
                        reply.forwarding().name());
            }
        }
    }

    private record DirectReply(String path, ParsedServer server, Forwarding forwarding) {
    }

    private void checkNat(String path, ParsedServer server) {
        String serverPath = "realServers[" + server.index() + "]";
        IpAddr gateway = server.gateway();
        natUsed = true;
        checkNatSubnet(path, server);
        if (floatingGateway != null) {
            // with two directors the gateway is the address that moves with the master
            if (gateway == null) {
                findings.add(Rule.NAT_GATEWAY, serverPath + ".gateway", "nat-gateway.floating-none",
                        server.server().name(), floatingGateway.text(), path);
            } else if (!floatingGateway.sameHost(gateway)) {
                findings.add(Rule.NAT_GATEWAY, serverPath + ".gateway", "nat-gateway.floating", server.server().name(),
                        gateway.text(), floatingGateway.text(), path);
            }
            return;
        }
        if (gateway == null) {
            findings.add(Rule.NAT_GATEWAY, serverPath + ".gateway", "nat-gateway.none", server.server().name(),
                    dipText(server.address()), path);
        } else if (dips.stream().noneMatch(dip -> dip.sameHost(gateway))) {
            findings.add(Rule.NAT_GATEWAY, serverPath + ".gateway", "nat-gateway", server.server().name(),
                    gateway.text(), dipText(server.address()), path);
        }
    }

    /**
     * A NAT real server answers through the DIP, its gateway, and the director reaches it over the
     * DIP's interface: its RIP lies in a DIP's subnet (a DIP typed as /32 leaves every RIP outside).
     */
    private void checkNatSubnet(String path, ParsedServer server) {
        IpAddr rip = server.address();
        if (dips.stream().noneMatch(d -> d.family() == rip.family()) || dips.stream().anyMatch(d -> d.subnetContains(rip))) {
            return;
        }
        offTheDipLan(Rule.NAT_SAME_SUBNET, "nat-same-subnet", path, server);
    }

    /** A real server whose RIP no DIP's subnet holds: the DIP's network when there is one, else the DIPs. */
    private void offTheDipLan(Rule rule, String key, String path, ParsedServer server) {
        String field = "realServers[" + server.index() + "].address";
        IpAddr rip = server.address();
        if (dips.size() == 1) {
            findings.add(rule, field, key + ".one", rip.text(), server.server().name(), dips.get(0).network(), path);
        } else {
            findings.add(rule, field, key + ".many", rip.text(), server.server().name(), path);
        }
    }

    private void checkNatClientNetwork(String path, VirtualService service, IpAddr vip) {
        service.backends().stream().filter(b -> b.forwarding() == Forwarding.NAT)
                .map(b -> servers.get(b.realServer()))
                .filter(s -> s != null && s.address() != null && s.address().subnetContains(vip))
                .findFirst()
                .ifPresent(s -> findings.add(Rule.NAT_CLIENT_NETWORK, path + ".vip", "nat-client-network", vip.text(),
                        s.address().network()));
    }

    /** The DIP of the real server's family, or the word for none. */
    private Object dipText(IpAddr rip) {
        return dips.stream().filter(d -> d.family() == rip.family()).<Object>map(IpAddr::text).findFirst()
                .orElse(Words.of("none"));
    }

    private void checkTunnelWarnings(String path, VirtualService service) {
        List<Backend> tunnelled = service.backends().stream().filter(b -> b.forwarding() == Forwarding.TUN).toList();
        if (tunnelled.isEmpty()) {
            return;
        }
        String who = tunnelled.stream().map(Backend::realServer).collect(java.util.stream.Collectors.joining(", "));
        findings.add(Rule.TUN_MTU, path, "tun-mtu", who);
        findings.add(Rule.TUN_RP_FILTER, path, "tun-rp-filter", who);
        tunnelled.stream().map(Backend::tunnelType).filter(t -> t == TunnelType.GUE || t == TunnelType.GRE)
                .distinct().forEach(t -> findings.add(Rule.TUN_KERNEL, path, "tun-kernel", t));
    }

    // ---- shared field checks ------------------------------------------------------------------

    // {@code what}, here and below, is a word of the findings bundles: what.vip, what.gateway, ...

    private boolean checkName(String path, String name, String what) {
        if (name != null && !Names.isName(name)) {
            findings.add(Rule.NAME_SYNTAX, path, "name-syntax", Words.of(what), Quote.forMessage(name));
            return false;
        }
        return true;
    }

    private void checkInterface(String path, String iface, String what) {
        if (findings.required(path, iface, what) && !Names.isInterface(iface)) {
            findings.add(Rule.INTERFACE_NAME, path, "interface-name", Quote.forMessage(iface));
        }
    }

    private IpAddr address(String path, String text, String what) {
        if (!findings.required(path, text, what)) {
            return null;
        }
        IpAddr.Attempt attempt = IpAddr.attempt(text);
        if (attempt.reason() != null) {
            findings.add(Rule.ADDRESS_SYNTAX, path, "address-syntax", Words.of(what),
                    attempt.reason().clipped());
        } else {
            parsed.put(text, attempt.address());
        }
        return attempt.address();
    }

    private IpAddr hostWithPrefix(String path, String text, String what) {
        IpAddr address = address(path, text, what);
        if (address == null) {
            return null;
        }
        if (!address.hasPrefix()) {
            findings.add(Rule.PREFIX_REQUIRED, path, "prefix-required", Words.of(what), address.text(),
                    address.text() + (address.isIPv6() ? "/64" : "/24"));
            return null;
        }
        if (address.isNetworkOrBroadcast()) {
            findings.add(Rule.NETWORK_OR_BROADCAST, path, "network-or-broadcast", Words.of(what), address,
                    address.network());
        }
        checkSpecial(path, address, what);
        return address;
    }

    private void checkGatewayInside(String path, IpAddr gateway, List<IpAddr> networks, Message where) {
        List<IpAddr> sameFamily = networks.stream().filter(n -> n.family() == gateway.family()).toList();
        if (sameFamily.isEmpty()) {
            if (!networks.isEmpty()) {
                findings.add(Rule.GATEWAY_SUBNET, path, "gateway-subnet.family", gateway.text(), gateway.family(),
                        where);
            }
            return;
        }
        if (sameFamily.stream().noneMatch(n -> n.subnetContains(gateway))) {
            findings.add(Rule.GATEWAY_SUBNET, path, "gateway-subnet.outside", gateway.text(), where);
        } else if (sameFamily.stream().anyMatch(n -> n.subnetContains(gateway)
                && gateway.withPrefixLength(n.effectivePrefixLength()).isNetworkOrBroadcast())) {
            findings.add(Rule.NETWORK_OR_BROADCAST, path, "network-or-broadcast.gateway", gateway.text());
        }
    }

    /** A real server by its path (realServers[N]) and the name messages call it (its path when it has none). */
    private record RipOwner(String path, String name) {
    }
}
