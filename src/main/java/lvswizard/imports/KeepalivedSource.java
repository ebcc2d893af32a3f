package lvswizard.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lvswizard.imports.Assembly.BackendDraft;
import lvswizard.imports.Assembly.ServiceDraft;
import lvswizard.imports.KeepalivedTree.Node;
import lvswizard.model.CheckKind;
import lvswizard.model.Forwarding;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.Quorum;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.SorryServer;
import lvswizard.model.TunnelType;
import lvswizard.plan.IpAddr;
import lvswizard.plan.ServiceKey;

/**
 * keepalived.conf: its virtual servers (current and old keywords, fwmark services, groups), their
 * health checks, sorry server and quorum, and what its VRRP instances say about the director.
 * Every keyword is accounted for: taken, left out with the reason, or reported as not understood.
 */
final class KeepalivedSource extends KeepalivedReader {
    /** keepalived's defaults where a file says nothing (keepalived.conf(5)). */
    private static final int DEFAULT_DELAY_LOOP = 60;
    private static final int DEFAULT_PERSISTENCE = 360;

    private final String name;
    private final Map<String, List<ServiceKey>> groups = new LinkedHashMap<>();
    private final List<KeepalivedInstance.Vrrp> instances = new ArrayList<>();
    private boolean strict;
    private Node strictNode;
    private boolean firewallLeftAlone;
    private String syncInterface;
    private Integer syncId;

    private KeepalivedSource(String name, Assembly into) {
        super(into);
        this.name = name;
    }

    /** Reads one file (and its includes); returns what its VRRP instances say, one per instance. */
    static List<KeepalivedInstance.Vrrp> read(String name, String text, Path dir, Assembly into) throws KeepalivedTree.TreeException {
        List<Note> report = new ArrayList<>();
        List<Node> nodes = KeepalivedTree.parse(name, text, dir, report);
        report.forEach(n -> {
            into.at(n.source(), n.line());
            into.note(n.kind(), n.text());
        });
        KeepalivedSource source = new KeepalivedSource(name, into);
        source.read(nodes);
        return source.instances;
    }

    /** Whether {@code text} reads as keepalived.conf. */
    static boolean looksLike(String text) {
        return text.matches("(?s).*(^|\\n)\\s*(virtual_server|vrrp_instance|global_defs|virtual_server_group|include)\\b.*");
    }

    private void read(List<Node> nodes) {
        // the globals first: vrrp_strict and the sync daemon apply to instances above them too
        for (Node node : nodes) {
            if (node.keyword().equals("global_defs") && node.isBlock()) {
                at(node);
                into.took("global_defs");
                globals(node);
            }
        }
        for (Node node : nodes) {
            at(node);
            switch (node.keyword()) {
                case "global_defs" -> {
                    if (!node.isBlock()) {
                        children(node);
                    }
                }
                case "virtual_server_group" -> group(node);
                case "virtual_server" -> virtualServer(node);
                case "vrrp_instance" -> instances.add(new KeepalivedInstance(into).read(node, strict, syncInterface, syncId));
                case "vrrp_sync_group", "vrrp_script", "static_ipaddress", "static_routes", "linkbeat_use_polling" ->
                        into.note(Note.Kind.IGNORED, "ignored.keepalived-only", node.keyword());
                default -> unknown(node);
            }
        }
        if (strict && !firewallLeftAlone && !into.services().isEmpty()) {
            at(strictNode);
            into.finding(LintRule.VRRP_STRICT, "lint.vrrp-strict-blocks");
        }
    }

    private void globals(Node block) {
        for (Node node : block.children()) {
            at(node);
            switch (node.keyword()) {
                case "vrrp_strict" -> {
                    strict = true;
                    strictNode = node;
                    into.took("vrrp_strict");
                }
                case "vrrp_iptables" -> {
                    // without a chain name keepalived adds no firewall rules (vrrp_nftables without a
                    // table name uses its default table: rules are still added)
                    firewallLeftAlone = node.words().isEmpty();
                    into.took(text(node));
                }
                case "lvs_sync_daemon", "lvs_sync_daemon_interface" -> {
                    deprecated(node);
                    syncInterface = node.word(0);
                    int id = node.words().indexOf("id");
                    syncId = id >= 0 && id + 1 < node.words().size() ? number(node.words().get(id + 1)) : 0;
                    into.took(text(node));
                }
                default -> leftOut(node);
            }
        }
    }

    private void group(Node node) {
        List<ServiceKey> keys = new ArrayList<>();
        for (Node member : children(node)) {
            at(member);
            ServiceKey key = key(member.keyword(), member.words());
            if (key == null) {
                into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(member));
            } else {
                keys.add(key);
                into.took(text(member));
            }
        }
        groups.put(node.word(0), keys);
    }

    /** "192.168.101.168 80", "fwmark 1", "2001:db8::100 443", "192.168.101.168" (all ports). */
    private static ServiceKey key(String first, List<String> rest) {
        if (first.equals("fwmark")) {
            Integer mark = rest.isEmpty() ? null : number(rest.get(0));
            return mark == null ? null : new ServiceKey(null, String.valueOf(mark), false);
        }
        IpAddr address = IpAddr.parse(first);
        Integer port = rest.isEmpty() ? Integer.valueOf(0) : number(rest.get(0));
        if (address == null || address.hasPrefix() || port == null) {
            return null;
        }
        return new ServiceKey(Protocol.TCP, address.withPort(port), false);
    }

    private void virtualServer(Node node) {
        if (!node.isBlock()) {
            into.note(Note.Kind.UNREADABLE, "unreadable.not-a-block", text(node));
            return;
        }
        List<ServiceKey> keys;
        if ("group".equals(node.word(0))) {
            keys = groups.get(node.word(1));
            if (keys == null) {
                into.note(Note.Kind.UNREADABLE, "unreadable.group", node.word(1));
                return;
            }
        } else {
            ServiceKey key = key(node.word(0) == null ? "" : node.word(0), node.words().subList(Math.min(1,
                    node.words().size()), node.words().size()));
            if (key == null) {
                into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(node));
                return;
            }
            keys = List.of(key);
        }
        Protocol protocol = protocol(node);
        for (ServiceKey raw : keys) {
            ServiceKey key = raw.isFwmark() ? raw : new ServiceKey(protocol, raw.address(), false);
            at(node);
            if (into.hasService(key)) {
                into.note(Note.Kind.IGNORED, "ignored.service-exists", text(node), key.toString());
                continue;
            }
            into.took("virtual_server " + String.join(" ", node.words()));
            service(into.service(key), node, protocol);
        }
    }

    private Protocol protocol(Node node) {
        for (Node child : children(node)) {
            if (child.keyword().equals("protocol") && child.word(0) != null) {
                return switch (child.word(0).toUpperCase(Locale.ROOT)) {
                    case "UDP" -> Protocol.UDP;
                    case "SCTP" -> Protocol.SCTP;
                    default -> Protocol.TCP;
                };
            }
        }
        return Protocol.TCP;
    }

    private void service(ServiceDraft service, Node node, Protocol protocol) {
        // keepalived's own default when no lvs_method is given ("setting default NAT")
        Method method = new Method(Forwarding.NAT, null, null);
        Integer delayLoop = null;
        boolean inhibit = false;
        List<SchedulerFlag> flags = new ArrayList<>();
        Long persistence = null;
        String granularity = null;
        List<Node> realServers = new ArrayList<>();
        for (Node child : children(node)) {
            at(child);
            String keyword = child.keyword();
            switch (keyword) {
                case "delay_loop" -> delayLoop = took(child, number(child.word(0)));
                case "lvs_sched", "lb_algo" -> {
                    deprecated(child);
                    try {
                        service.scheduler = IpvsadmArgs.scheduler(child.word(0));
                        into.took(text(child));
                    } catch (IpvsadmArgs.Unreadable e) {
                        into.note(Note.Kind.UNREADABLE, Texts.of("unreadable.because", text(child), e.reason()));
                    }
                }
                case "lvs_method", "lb_kind" -> {
                    deprecated(child);
                    Method read = method(child);
                    if (read != null) {
                        method = read;
                    }
                }
                case "protocol" -> {
                    service.protocol = service.key.isFwmark() ? protocol : service.protocol;
                    into.took(text(child));
                }
                case "persistence_timeout" -> {
                    Integer timeout = child.word(0) == null ? Integer.valueOf(DEFAULT_PERSISTENCE)
                            : took(child, number(child.word(0)));
                    if (child.word(0) == null) {
                        into.took(text(child));
                    }
                    persistence = timeout == null ? persistence : Long.valueOf(timeout);
                }
                case "persistence_granularity" -> {
                    granularity = child.word(0);
                    into.took(text(child));
                }
                case "sh-port", "sh-fallback", "mh-port", "mh-fallback" -> {
                    flags.add(SchedulerFlag.valueOf(keyword.toUpperCase(Locale.ROOT).replace('-', '_')));
                    into.took(keyword);
                }
                case "inhibit_on_failure" -> {
                    inhibit = yes(child);
                    into.took(text(child));
                }
                case "alpha" -> {
                    service.alpha = true;
                    into.took(keyword);
                }
                case "quorum" -> {
                    Integer minimum = took(child, number(child.word(0)));
                    service.quorum = new Quorum(minimum, service.quorum == null ? null : service.quorum.hysteresis());
                }
                case "hysteresis" -> {
                    Integer hysteresis = took(child, number(child.word(0)));
                    service.quorum = new Quorum(service.quorum == null ? null : service.quorum.minimum(), hysteresis);
                }
                case "sorry_server" -> {
                    IpAddr address = child.word(0) == null ? null : IpAddr.parse(child.word(0));
                    if (address == null) {
                        into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(child));
                    } else {
                        Integer port = child.word(1) == null ? null : number(child.word(1));
                        Integer own = port == null || port.equals(Endpoint.port(service.key)) ? null : port;
                        service.sorryServer = new SorryServer(address.text(), own);
                        into.took(text(child));
                    }
                }
                case "real_server" -> realServers.add(child);
                case "nat_mask" -> deprecated(child);
                case "ops", "persistence_engine" -> into.note(Note.Kind.UNREADABLE, "unreadable.unsupported", text(child));
                default -> leftOut(child);
            }
        }
        service.flags = List.copyOf(flags);
        if (persistence == null && granularity != null) {
            // keepalived persists with its default timeout when only a granularity is given
            persistence = (long) DEFAULT_PERSISTENCE;
        }
        if (persistence != null) {
            service.persistence = new Persistence(persistence, granularity == null
                    || granularity.equals("255.255.255.255") || granularity.equals("128") ? null : granularity);
        }
        HealthCheck first = null;
        boolean checked = false;
        for (Node realServer : realServers) {
            if (repeated(service, realServer)) {
                continue;
            }
            HealthCheck check = realServer(service, realServer, method,
                    delayLoop == null ? DEFAULT_DELAY_LOOP : delayLoop, inhibit);
            if (!checked) {
                first = check;
                checked = true;
            } else if (!Objects.equals(first, check)) {
                at(realServer);
                into.note(Note.Kind.IGNORED, "ignored.other-check", text(realServer));
            }
        }
        service.healthCheck = first;
    }

    /** keepalived's boolean keywords: no word, or true/on/yes, is true. */
    private static boolean yes(Node node) {
        String word = node.word(0);
        return word == null || word.equalsIgnoreCase("true") || word.equalsIgnoreCase("on")
                || word.equalsIgnoreCase("yes");
    }

    /** The forwarding a lvs_method line names: NAT, DR, TUN [type ipip|gue port N|gre]. */
    private record Method(Forwarding forwarding, TunnelType tunnelType, Integer tunnelPort) {
    }

    private Method method(Node node) {
        String word = node.word(0) == null ? "" : node.word(0).toUpperCase(Locale.ROOT);
        Method method = switch (word) {
            case "NAT" -> new Method(Forwarding.NAT, null, null);
            case "DR" -> new Method(Forwarding.DR, null, null);
            case "TUN" -> {
                int type = node.words().indexOf("type");
                String tunnel = type >= 0 && type + 1 < node.words().size() ? node.words().get(type + 1) : "ipip";
                int port = node.words().indexOf("port");
                Integer tunnelPort = port >= 0 && port + 1 < node.words().size() ? number(node.words().get(port + 1))
                        : null;
                yield switch (tunnel) {
                    case "gue" -> new Method(Forwarding.TUN, TunnelType.GUE, tunnelPort);
                    case "gre" -> new Method(Forwarding.TUN, TunnelType.GRE, null);
                    case "ipip" -> new Method(Forwarding.TUN, TunnelType.IPIP, null);
                    default -> null;
                };
            }
            default -> null;
        };
        if (method == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(node));
        } else {
            into.took(text(node));
        }
        return method;
    }

    /**
     * A real_server block for an address and port this virtual_server already has: left out, and
     * a lint warning (keepalived cannot add one destination twice; which block's weight and check
     * count is not what the file seems to say).
     */
    private boolean repeated(ServiceDraft service, Node node) {
        Endpoint endpoint = endpoint(node);
        Integer port = node.word(1) == null ? null : number(node.word(1));
        if (endpoint == null || !service.hasMember(endpoint.host(), port)) {
            return false;
        }
        at(node);
        into.note(Note.Kind.IGNORED, "ignored.real-server-twice", text(node));
        into.finding(LintRule.REAL_SERVER_TWICE, "lint.real-server-twice", text(node));
        return true;
    }

    /** A real_server's address (an IPv6 one with its port in brackets, as Endpoint reads it). */
    private static Endpoint endpoint(Node node) {
        return node.word(0) == null ? null
                : Endpoint.parse(node.word(0).contains(":") && node.word(1) != null ? "[" + node.word(0) + "]"
                : node.word(0));
    }

    /** One real server; returns its checker as the model's health check (none: null). */
    private HealthCheck realServer(ServiceDraft service, Node node, Method serviceMethod, int delayLoop,
                                   boolean serviceInhibit) {
        at(node);
        Endpoint endpoint = endpoint(node);
        Integer port = node.word(1) == null ? null : number(node.word(1));
        if (endpoint == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.keepalived", text(node));
            return null;
        }
        BackendDraft backend = service.member(endpoint.host(), port);
        into.host(endpoint.host());
        into.took(text(node));
        Method method = serviceMethod;
        boolean inhibit = serviceInhibit;
        HealthCheck check = null;
        backend.weight = 1;
        for (Node child : children(node)) {
            at(child);
            switch (child.keyword()) {
                case "weight" -> backend.weight = took(child, number(child.word(0)));
                case "lvs_method" -> {
                    Method read = method(child);
                    method = read == null ? method : read;
                }
                case "uthreshold" -> backend.upperThreshold = took(child, number(child.word(0)));
                case "lthreshold" -> backend.lowerThreshold = took(child, number(child.word(0)));
                case "inhibit_on_failure" -> {
                    inhibit = yes(child);
                    into.took(text(child));
                }
                case "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK" -> check = new KeepalivedCheck(into).read(child, delayLoop);
                case "DNS_CHECK", "SMTP_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK" ->
                        into.note(Note.Kind.UNREADABLE, "unreadable.checker", child.keyword());
                default -> leftOut(child);
            }
        }
        backend.forwarding = method.forwarding();
        backend.tunnelType = method.tunnelType();
        backend.tunnelPort = method.tunnelPort();
        if (check != null && inhibit) {
            check = new HealthCheck(check.kind(), check.port(), check.path(), check.status(), check.digest(),
                    check.command(), check.interval(), check.timeout(), check.retries(), OnFailure.QUIESCE);
        }
        return check;
    }

}
