package lvswizard.ipvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lvswizard.text.TextWidth;

/**
 * The monitor's picture of the IPVS table, as text lines: per service and real server the weight,
 * active and inactive connections, new connections and bytes per second, and a bar of each
 * server's share of new connections with a mark where its share of the weight is. Pure: the same
 * tables in, the same lines out.
 */
public final class MonitorReport {
    /** Which numbers the table shows; the monitor toggles them with a key. */
    public enum View { CONNECTIONS, STATS, RATE }

    static final int BAR = 20;

    /** The view's name in {@code locale}'s language: "connections", "stats", "rate". */
    public static String viewName(View view, Locale locale) {
        return Texts.of("monitor.view." + view.name().toLowerCase(Locale.ROOT)).format(locale);
    }

    /**
     * A line of the report; server lines name their service and server so that keys can act on them.
     * {@code quiet}: a server that gets no new connections (quiesced, or no traffic), shown apart.
     */
    public record Line(String text, IpvsTable.Service service, IpvsTable.Server server, boolean quiet) {
        public boolean isServer() {
            return server != null;
        }
    }

    private MonitorReport() {
    }

    /**
     * @param now      the table just read
     * @param baseline the table when monitoring began, or null: the shares are then of every
     *                 connection since the service was created, otherwise of those since the baseline
     * @param names    real server names by address:port ("10.10.10.11:80" to "rs1"), may be empty
     */
    public static List<String> lines(IpvsTable now, IpvsTable baseline, View view, Map<String, String> names) {
        return lines(now, baseline, view, names, Locale.ENGLISH);
    }

    /** The report with its words in {@code locale}'s language (numbers, addresses and ipvsadm's words as they are). */
    public static List<String> lines(IpvsTable now, IpvsTable baseline, View view, Map<String, String> names,
                                     Locale locale) {
        return rows(now, baseline, view, names, locale).stream().map(Line::text).toList();
    }

    /** The same report in English, with each line's service and server. */
    public static List<Line> rows(IpvsTable now, IpvsTable baseline, View view, Map<String, String> names) {
        return rows(now, baseline, view, names, Locale.ENGLISH);
    }

    public static List<Line> rows(IpvsTable now, IpvsTable baseline, View view, Map<String, String> names,
                                  Locale locale) {
        return rows(now, baseline, view, Configured.named(names), locale);
    }

    /**
     * The report with the configuration's names, and for a service keepalived checks each member's
     * health as keepalived has it in the table: up, quiesced (weight 0), down (out of the table), and
     * the sorry server when it serves.
     */
    public static List<Line> rows(IpvsTable now, IpvsTable baseline, View view, Configured configured,
                                  Locale locale) {
        Words words = new Words(locale);
        List<Line> lines = new ArrayList<>();
        if (now.services().isEmpty()) {
            lines.add(new Line(Texts.of("monitor.empty", "ipvsadm -L -n").format(locale), null, null, false));
            return lines;
        }
        Map<String, Counters> before = baseline == null ? Map.of() : byServer(baseline);
        for (IpvsTable.Service service : now.services()) {
            lines.add(new Line(serviceLine(service, words), service, null, false));
            lines.add(new Line(words.header(view), service, null, false));
            long[] newConns = new long[service.servers().size()];
            long totalNew = 0;
            for (int i = 0; i < newConns.length; i++) {
                IpvsTable.Server server = service.servers().get(i);
                // a server the baseline does not know appeared since: all its connections are new
                Counters earlier = before.getOrDefault(service.key() + " -> " + server.address(), Counters.ZERO);
                newConns[i] = server.stats().since(earlier).conns();
                totalNew += newConns[i];
            }
            long totalWeight = service.totalWeight();
            List<String> checked = configured.checkedMembers().get(service.key());
            String sorry = configured.sorryServers().get(service.key());
            for (int i = 0; i < newConns.length; i++) {
                IpvsTable.Server server = service.servers().get(i);
                boolean quiesced = server.weight() == 0;
                boolean idle = totalNew > 0 && newConns[i] == 0;
                String health = checked == null ? "" : server.address().equals(sorry) ? words.sorry
                        : checked.contains(server.address()) && !quiesced ? words.up : "";
                lines.add(new Line(serverLine(server, configured.name(server.address()), view, newConns[i],
                        totalNew, totalWeight) + health + (quiesced ? words.quiesced : idle ? words.noTraffic : ""),
                        service, server, quiesced || idle));
            }
            if (checked != null) {
                for (String address : checked) {
                    if (service.servers().stream().noneMatch(r -> r.address().equals(address))) {
                        String name = configured.name(address);
                        lines.add(new Line(String.format(Locale.ROOT, "  %-24s %s", clip(name.isEmpty() ? address
                                : name + " " + address, 24), words.down), service, null, true));
                    }
                }
            }
        }
        return lines;
    }

    private static Map<String, Counters> byServer(IpvsTable table) {
        Map<String, Counters> map = new HashMap<>();
        for (IpvsTable.Service s : table.services()) {
            for (IpvsTable.Server r : s.servers()) {
                map.put(s.key() + " -> " + r.address(), r.stats());
            }
        }
        return map;
    }

    private static String serviceLine(IpvsTable.Service s, Words words) {
        StringBuilder line = new StringBuilder(s.key()).append("  ").append(s.scheduler());
        if (!s.flags().isEmpty()) {
            line.append(" (").append(s.flags()).append(')');
        }
        if (s.persistence() > 0) {
            line.append("  ").append(words.format("monitor.persistent", s.persistence()));
        }
        int servers = s.servers().size();
        line.append("  ").append(words.format("monitor.traffic", s.rate().conns(), bytes(s.rate().inBytes()),
                bytes(s.rate().outBytes()))).append("  ")
                .append(words.format(servers == 1 ? "monitor.servers.one" : "monitor.servers.many", servers));
        return line.toString();
    }

    /**
     * The report's words in one language, looked up once per report (the report is rebuilt every
     * second, for up to tens of thousands of real servers). Column headings are padded by the cells
     * they take, so that Chinese headings line up with the numbers below them.
     */
    private static final class Words {
        private final Locale locale;
        private final String quiesced;
        private final String noTraffic;
        private final String up;
        private final String down;
        private final String sorry;

        Words(Locale locale) {
            this.locale = locale;
            this.quiesced = "  " + format("monitor.quiesced");
            this.noTraffic = "  " + format("monitor.no-traffic");
            this.up = "  " + format("monitor.up");
            this.down = format("monitor.down");
            this.sorry = "  " + format("monitor.sorry");
        }

        String format(String key, Object... args) {
            return Texts.of(key, args).format(locale);
        }

        String header(View view) {
            String numbers = switch (view) {
                case CONNECTIONS -> right(format("monitor.head.weight"), 6) + " "
                        + right(format("monitor.head.active"), 7) + " " + right(format("monitor.head.inactive"), 7)
                        + " " + right(format("monitor.head.conns-per-second"), 7) + " "
                        + right(format("monitor.head.bytes-per-second"), 9);
                // ipvsadm's own column names (--stats, --rate): the same in every language
                case STATS -> String.format(Locale.ROOT, "%9s %9s %9s %9s %9s", "CONNS", "INPKTS", "OUTPKTS",
                        "INBYTES", "OUTBYTES");
                case RATE -> String.format(Locale.ROOT, "%7s %7s %7s %9s %9s", "CPS", "INPPS", "OUTPPS", "INBPS",
                        "OUTBPS");
            };
            return "  " + TextWidth.fill(format("monitor.head.server"), 24) + " "
                    + TextWidth.fill(format("monitor.head.fwd"), 6) + " " + numbers + "  "
                    + TextWidth.fill(format("monitor.head.bar"), BAR) + " " + format("monitor.head.share");
        }

        private static String right(String text, int cells) {
            return TextWidth.padLeft(text, cells);
        }
    }

    /**
     * One real server's line. Padded by hand, as String.format("  %-24s %-6s %s  %s %3d%%/%3d%%", ...)
     * would: parsing the format again for each of 10,000 servers was most of a refresh's report.
     */
    static String serverLine(IpvsTable.Server r, String name, View view, long newConns, long totalNew,
                             long totalWeight) {
        StringBuilder line = new StringBuilder(112);
        String label = name.isEmpty() ? r.address() : name + " " + r.address();
        line.append("  ");
        padRight(line, clip(label, 24), 24).append(' ');
        padRight(line, r.forward(), 6).append(' ');
        switch (view) {
            case CONNECTIONS -> {
                padLeft(line, r.weight(), 6).append(' ');
                padLeft(line, r.activeConns(), 7).append(' ');
                padLeft(line, r.inactiveConns(), 7).append(' ');
                padLeft(line, r.rate().conns(), 7).append(' ');
                padLeft(line, bytes(r.rate().inBytes() + r.rate().outBytes()), 9);
            }
            case STATS -> numbers(line, 9, r.stats().conns(), r.stats().inPkts(), r.stats().outPkts(),
                    r.stats().inBytes(), r.stats().outBytes());
            case RATE -> {
                numbers(line, 7, r.rate().conns(), r.rate().inPkts(), r.rate().outPkts());
                line.append(' ');
                numbers(line, 9, r.rate().inBytes(), r.rate().outBytes());
            }
        }
        double share = totalNew == 0 ? 0 : (double) newConns / totalNew;
        double weightShare = totalWeight == 0 ? 0 : (double) r.weight() / totalWeight;
        line.append("  ").append(bar(share, weightShare)).append(' ');
        padLeft(line, Math.round(share * 100), 3).append("%/");
        padLeft(line, Math.round(weightShare * 100), 3).append('%');
        return line.toString();
    }

    /** The numbers right-aligned in {@code width} characters each, one space apart. */
    private static void numbers(StringBuilder line, int width, long... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            padLeft(line, values[i], width);
        }
    }

    private static StringBuilder padLeft(StringBuilder line, long value, int width) {
        return padLeft(line, Long.toString(value), width);
    }

    private static StringBuilder padLeft(StringBuilder line, String text, int width) {
        line.append(" ".repeat(Math.max(0, width - text.length())));
        return line.append(text);
    }

    private static StringBuilder padRight(StringBuilder line, String text, int width) {
        line.append(text);
        return line.append(" ".repeat(Math.max(0, width - text.length())));
    }

    /** '#' for the share of new connections, '|' where the share of weight ends. */
    static String bar(double share, double weightShare) {
        char[] cells = new char[BAR];
        int filled = (int) Math.round(share * BAR);
        for (int i = 0; i < BAR; i++) {
            cells[i] = i < filled ? '#' : '.';
        }
        int mark = (int) Math.round(weightShare * BAR);
        if (weightShare > 0) {
            cells[Math.min(BAR - 1, Math.max(0, mark - 1))] = '|';
        }
        return new String(cells);
    }

    /** 999 B, 12.3 KB, 4.5 MB (powers of 1000, like ipvsadm). */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
