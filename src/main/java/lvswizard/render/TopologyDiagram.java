package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.text.Message;
import lvswizard.text.TextWidth;
import lvswizard.plan.Plan;

/**
 * The cluster as a text picture, top to bottom like the how-to's: clients, router, director, real
 * servers. Its words are in the locale's language (English for the README and the command line);
 * names, addresses, interfaces and ipvsadm's words stay as they are.
 */
public final class TopologyDiagram {
    private TopologyDiagram() {
    }

    /** In English: at most {@code maxServers} real servers are drawn; the rest are counted. */
    public static List<String> lines(Plan plan, int maxServers) {
        return lines(plan, maxServers, Locale.ENGLISH);
    }

    public static List<String> lines(Plan plan, int maxServers, Locale locale) {
        Director director = plan.cluster().director();
        List<String> lines = new ArrayList<>();
        lines.add(Texts.of("topology.clients").format(locale));
        lines.add("   |");
        if (plan.directorGateway() != null) {
            lines.add(Texts.of("topology.router", plan.directorGateway().text()).format(locale));
            lines.add("   |");
        }
        List<String> box = new ArrayList<>();
        Plan.Pair pair = plan.pair();
        box.add(pair == null ? Texts.of("topology.director", director.name()).format(locale)
                : Texts.of("topology.director.pair", director.name(), pair.settings().priority()).format(locale));
        for (Plan.Vip vip : plan.vips()) {
            box.add("  " + pad(director.vipInterface(), 8) + "VIP " + vip.address().cidr());
        }
        for (var dip : plan.dips()) {
            box.add("  " + pad(director.dipInterface(), 8) + "DIP " + dip.cidr());
        }
        if (pair != null) {
            box.add(Texts.of("topology.director.pair", pair.backup().name(), pair.settings().backupPriority())
                    .format(locale));
            for (var dip : pair.backupDips()) {
                box.add("  " + pad(pair.backup().dipInterface(), 8) + "DIP " + dip.cidr());
            }
            box.add(Texts.of("topology.vrrp", pair.settings().virtualRouterId(), pair.settings().advertInterval())
                    .format(locale));
        }
        int width = box.stream().mapToInt(TextWidth::of).max().orElse(0) + 2;
        String edge = "+" + "-".repeat(width) + "+";
        lines.add(edge);
        box.forEach(b -> lines.add("| " + pad(b, width - 1) + "|"));
        lines.add(edge);
        lines.add("   |");
        int shown = Math.min(maxServers, plan.hosts().size());
        for (int i = 0; i < shown; i++) {
            lines.add("   +-- " + hostLine(plan.hosts().get(i), locale));
        }
        if (plan.hosts().size() > shown) {
            lines.add("   +-- " + Texts.of("topology.more", plan.hosts().size() - shown).format(locale));
        }
        return lines;
    }

    private static String hostLine(Plan.Host host, Locale locale) {
        StringBuilder line = new StringBuilder(pad(host.server().name(), 8))
                .append(pad(host.address().cidr(), 20)).append(' ')
                .append(Texts.of("topology.on", host.server().iface()).format(locale));
        if (host.gateway() != null) {
            line.append("  ").append(Texts.of("topology.gateway", host.gateway().text()).format(locale));
        }
        List<String> roles = new ArrayList<>();
        for (Plan.HostVip vip : host.vips()) {
            Forwarding forwarding = vip.backend().forwarding();
            String role = forwarding == Forwarding.NAT ? forwarding.name()
                    : Texts.of(forwarding == Forwarding.DR ? "topology.vip.lo" : "topology.vip.tunnel",
                    forwarding.name(), vip.vip().text()).format(locale);
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        if (!roles.isEmpty()) {
            line.append("  ").append(String.join(", ", roles));
        }
        return line.toString();
    }

    /** Services and their members, one line each, as ipvsadm -L would group them (in English). */
    public static List<String> serviceLines(Plan plan) {
        return serviceLines(plan, Locale.ENGLISH);
    }

    /** The same, with each service's keepalived settings (check, sorry server, quorum) under it. */
    public static List<String> serviceLines(Plan plan, Locale locale) {
        return serviceLines(plan, locale, true);
    }

    /** The same; the keepalived settings only when {@code keepalived} (the scripts do not act on them). */
    public static List<String> serviceLines(Plan plan, Locale locale, boolean keepalived) {
        List<String> lines = new ArrayList<>();
        for (Plan.Service service : plan.services()) {
            StringBuilder head = new StringBuilder(service.text().format(locale)).append("  ")
                    .append(service.spec().scheduler());
            if (service.spec().persistence() != null) {
                head.append("  ").append(Texts.of("topology.persistent", service.spec().persistence().timeout())
                        .format(locale));
            }
            if (service.spec().name() != null) {
                head.append("  (").append(service.spec().name()).append(")");
            }
            lines.add(head.toString());
            (keepalived ? keepalivedLines(service) : List.<Message>of()).forEach(text -> lines.add("   " + text.format(locale)));
            for (Plan.Member member : service.members()) {
                lines.add("  -> " + pad(member.host().server().name(), 8)
                        + pad(member.host().address().withPort(member.port()), 24)
                        + pad(member.backend().forwarding().name(), 5)
                        + Texts.of("topology.weight", member.backend().weight()).format(locale));
            }
        }
        return lines;
    }

    /** The keepalived settings of a service (its check, sorry server, quorum, alpha), one line each. */
    static List<Message> keepalivedLines(Plan.Service service) {
        VirtualService spec = service.spec();
        List<Message> lines = new ArrayList<>();
        if (spec.healthCheck() != null) {
            lines.add(check(spec.healthCheck()));
        }
        if (spec.sorryServer() != null) {
            int port = spec.sorryServerPort();
            IpAddr address = IpAddr.parse(spec.sorryServer().address());
            lines.add(Texts.of("topology.sorry", port == 0 ? address.text() : address.withPort(port)));
        }
        if (spec.quorum() != null) {
            lines.add(Texts.of("topology.quorum", spec.quorum().minimum(), spec.quorum().hysteresis()));
        }
        if (spec.alpha()) {
            lines.add(Texts.of("topology.alpha"));
        }
        return lines;
    }

    private static Message check(HealthCheck check) {
        Message what = switch (check.kind()) {
            case NONE -> null;
            case TCP -> check.port() == null ? Texts.of("topology.check.tcp.member")
                    : Texts.of("topology.check.tcp", check.port());
            case HTTP, HTTPS -> Texts.of("topology.check.http", check.kind().toString().toUpperCase(Locale.ROOT),
                    check.path(), check.status());
            case COMMAND -> Texts.of("topology.check.command", check.command());
        };
        if (what == null) {
            return Texts.of("topology.check.none");
        }
        return Texts.of("topology.check", what, check.interval(), check.timeout(), check.retries(),
                Texts.of(check.onFailure() == OnFailure.QUIESCE ? "topology.check.quiesce" : "topology.check.remove"));
    }

    private static String pad(String text, int width) {
        return TextWidth.padRight(text, width);
    }
}
