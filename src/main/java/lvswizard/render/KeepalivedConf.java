package lvswizard.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.Forwarding;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.VirtualService;
import lvswizard.plan.Plan;

/**
 * The virtual servers of a plan as keepalived.conf writes them: the current keywords only
 * (lvs_sched, lvs_method, retry; never lb_algo, lb_kind, nat_mask or nb_get_retry), no VRRP and so
 * no vrrp_strict. Values are literal addresses, numbers and words the validator allowed; the one
 * string (a check command) is written the way keepalived's parser reads a quoted string.
 */
public final class KeepalivedConf {
    private static final String INDENT = "    ";

    private KeepalivedConf() {
    }

    /** The lines of the virtual_server blocks, one blank line between services. */
    public static List<String> virtualServers(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Plan.Service service : plan.services()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(virtualServer(service));
        }
        return lines;
    }

    /** Whether a check runs a command: keepalived then needs script security and a user for it. */
    public static boolean runsCommands(Plan plan) {
        return plan.services().stream().map(s -> s.spec().healthCheck())
                .anyMatch(c -> c != null && c.kind() == CheckKind.COMMAND);
    }

    private static List<String> virtualServer(Plan.Service service) {
        VirtualService spec = service.spec();
        HealthCheck check = spec.healthCheck();
        boolean checked = check != null && check.kind() != CheckKind.NONE;
        List<String> lines = new ArrayList<>();
        lines.add("# " + service.label() + (spec.name() == null ? "" : " (" + spec.name() + ")"));
        lines.add("virtual_server " + address(service) + " {");
        Block block = new Block(lines, 1);
        block.line("delay_loop", checked ? check.interval() : HealthCheck.DEFAULT_INTERVAL);
        block.line("lvs_sched", spec.scheduler());
        spec.schedulerFlags().forEach(flag -> block.line(flag.toString()));
        block.line("lvs_method", method(mostUsed(service)));
        if (!spec.hasFwmark()) {
            block.line("protocol", spec.protocol().toString().toUpperCase(Locale.ROOT));
        }
        if (spec.persistence() != null) {
            block.line("persistence_timeout", spec.persistence().timeout());
            if (spec.persistence().netmask() != null) {
                block.line("persistence_granularity", spec.persistence().netmask());
            }
        }
        if (checked && check.onFailure() == OnFailure.QUIESCE) {
            block.line("inhibit_on_failure");
        }
        if (spec.alpha()) {
            block.line("alpha");
        }
        if (spec.quorum() != null) {
            block.line("quorum", spec.quorum().minimum());
            block.line("hysteresis", spec.quorum().hysteresis());
        }
        if (spec.sorryServer() != null) {
            int port = spec.sorryServerPort();
            block.line("sorry_server", spec.sorryServer().address() + (port == 0 ? "" : " " + port));
        }
        for (Plan.Member member : service.members()) {
            lines.addAll(realServer(service, member, checked ? check : null));
        }
        lines.add("}");
        return lines;
    }

    private static List<String> realServer(Plan.Service service, Plan.Member member, HealthCheck check) {
        Backend backend = member.backend();
        List<String> lines = new ArrayList<>();
        String port = service.spec().hasFwmark() ? "" : " " + member.port();
        lines.add(INDENT + "real_server " + member.host().address().text() + port + " {");
        Block block = new Block(lines, 2);
        block.line("weight", backend.weight());
        block.line("lvs_method", method(backend));
        if (backend.upperThreshold() > 0) {
            block.line("uthreshold", backend.upperThreshold());
        }
        if (backend.lowerThreshold() > 0) {
            block.line("lthreshold", backend.lowerThreshold());
        }
        if (check != null) {
            lines.addAll(checker(check));
        }
        lines.add(INDENT + "}");
        return lines;
    }

    /** The checker block: a failure is down after {@code retries} failed checks, each {@code interval} apart. */
    private static List<String> checker(HealthCheck check) {
        String type = switch (check.kind()) {
            case TCP -> "TCP_CHECK";
            case HTTP -> "HTTP_GET";
            case HTTPS -> "SSL_GET";
            case COMMAND -> "MISC_CHECK";
            case NONE -> throw new IllegalArgumentException("no checker for none");
        };
        List<String> lines = new ArrayList<>();
        lines.add(INDENT.repeat(2) + type + " {");
        Block block = new Block(lines, 3);
        if (check.kind() == CheckKind.COMMAND) {
            block.line("misc_path", quoted(check.command()));
            block.line("misc_timeout", check.timeout());
        } else {
            if (check.checksHttp()) {
                lines.add(INDENT.repeat(3) + "url {");
                Block url = new Block(lines, 4);
                url.line("path", check.path());
                url.line("status_code", check.status());
                if (check.digest() != null) {
                    url.line("digest", check.digest());
                }
                lines.add(INDENT.repeat(3) + "}");
            }
            if (check.port() != null) {
                block.line("connect_port", check.port());
            }
            block.line("connect_timeout", check.timeout());
        }
        block.line("retry", Math.max(0, check.retries() - 1));
        block.line("delay_before_retry", check.interval());
        lines.add(INDENT.repeat(2) + "}");
        return lines;
    }

    /** "192.168.101.168 80", "2001:db8::100 443", "fwmark 1"; a persistent service on all ports has no port. */
    private static String address(Plan.Service service) {
        VirtualService spec = service.spec();
        if (spec.hasFwmark()) {
            return "fwmark " + spec.fwmark();
        }
        return service.vip().text() + (spec.port() == 0 ? "" : " " + spec.port());
    }

    private static String method(Backend backend) {
        if (backend.forwarding() != Forwarding.TUN) {
            return backend.forwarding() == Forwarding.NAT ? "NAT" : "DR";
        }
        return switch (backend.tunnelType()) {
            case IPIP -> "TUN";
            case GUE -> "TUN type gue port " + backend.tunnelPort();
            case GRE -> "TUN type gre";
        };
    }

    /** The virtual server's own method (its members' default): the one most of them use. */
    private static Backend mostUsed(Plan.Service service) {
        Map<String, Backend> byMethod = new LinkedHashMap<>();
        Map<String, Long> counts = service.members().stream().map(Plan.Member::backend)
                .collect(Collectors.groupingBy(KeepalivedConf::method, LinkedHashMap::new, Collectors.counting()));
        service.members().forEach(m -> byMethod.putIfAbsent(method(m.backend()), m.backend()));
        return counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                .map(e -> byMethod.get(e.getKey())).orElse(Backend.of(null, 1, Forwarding.DR));
    }

    /** A keepalived quoted string: the quote and the backslash escaped (the validator allows neither). */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Keyword lines at one depth. */
    private record Block(List<String> lines, int depth) {
        void line(String keyword) {
            lines.add(INDENT.repeat(depth) + keyword);
        }

        void line(String keyword, Object value) {
            lines.add(INDENT.repeat(depth) + keyword + " " + value);
        }
    }
}
