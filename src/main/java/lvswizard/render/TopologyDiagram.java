package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;

/** The cluster as a text picture, top to bottom like the how-to's: clients, router, director, real servers. */
public final class TopologyDiagram {
    private TopologyDiagram() {
    }

    /** At most {@code maxServers} real servers are drawn; the rest are counted. */
    public static List<String> lines(Plan plan, int maxServers) {
        Director director = plan.cluster().director();
        List<String> lines = new ArrayList<>();
        lines.add("client(s)");
        lines.add("   |");
        if (plan.directorGateway() != null) {
            lines.add("(router " + plan.directorGateway().text() + ")");
            lines.add("   |");
        }
        List<String> box = new ArrayList<>();
        box.add("director " + director.name());
        for (Plan.Vip vip : plan.vips()) {
            box.add("  " + pad(director.vipInterface(), 8) + "VIP " + vip.address().cidr());
        }
        for (var dip : plan.dips()) {
            box.add("  " + pad(director.dipInterface(), 8) + "DIP " + dip.cidr());
        }
        int width = box.stream().mapToInt(String::length).max().orElse(0) + 2;
        String edge = "+" + "-".repeat(width) + "+";
        lines.add(edge);
        box.forEach(b -> lines.add("| " + pad(b, width - 1) + "|"));
        lines.add(edge);
        lines.add("   |");
        int shown = Math.min(maxServers, plan.hosts().size());
        for (int i = 0; i < shown; i++) {
            lines.add("   +-- " + hostLine(plan.hosts().get(i)));
        }
        if (plan.hosts().size() > shown) {
            lines.add("   +-- ... and " + (plan.hosts().size() - shown) + " more real servers");
        }
        return lines;
    }

    private static String hostLine(Plan.Host host) {
        StringBuilder line = new StringBuilder(pad(host.server().name(), 8))
                .append(pad(host.address().cidr(), 20)).append(" on ").append(host.server().iface());
        if (host.gateway() != null) {
            line.append("  gw ").append(host.gateway().text());
        }
        List<String> roles = new ArrayList<>();
        for (Plan.HostVip vip : host.vips()) {
            Forwarding forwarding = vip.backend().forwarding();
            String role = forwarding.name() + (forwarding == Forwarding.NAT ? "" : " VIP "
                    + vip.vip().text() + " on " + (forwarding == Forwarding.DR ? "lo" : "tunnel"));
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        if (!roles.isEmpty()) {
            line.append("  ").append(String.join(", ", roles));
        }
        return line.toString();
    }

    /** Services and their members, one line each, as ipvsadm -L would group them. */
    public static List<String> serviceLines(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Plan.Service service : plan.services()) {
            StringBuilder head = new StringBuilder(service.label()).append("  ").append(service.spec().scheduler());
            if (service.spec().persistence() != null) {
                head.append("  persistent ").append(service.spec().persistence().timeout()).append("s");
            }
            if (service.spec().name() != null) {
                head.append("  (").append(service.spec().name()).append(")");
            }
            lines.add(head.toString());
            for (Plan.Member member : service.members()) {
                lines.add("  -> " + pad(member.host().server().name(), 8)
                        + pad(member.host().address().withPort(member.port()), 24)
                        + pad(member.backend().forwarding().name(), 5) + "weight " + member.backend().weight());
            }
        }
        return lines;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
