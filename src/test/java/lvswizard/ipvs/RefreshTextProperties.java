package lvswizard.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A refresh of 10,000 real servers splits 30,000 listing lines and formats 10,000 report lines; both
 * are done by hand now (a regex compiled per line, a format parsed per line): the results must be
 * what split("\\s+") and String.format gave.
 */
class RefreshTextProperties {

    @Property(tries = 2000)
    void wordsAreWhatTheRegexSplitGave(@ForAll("lines") String line) {
        String trimmed = line.strip();
        String[] regex = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        assertThat(ListingParser.words(line)).as("\"%s\"", line).containsExactly(regex);
    }

    @Property(tries = 2000)
    void serverLinesAreWhatTheFormatGave(@ForAll("servers") IpvsTable.Server server, @ForAll("names") String name,
                                         @ForAll MonitorReport.View view,
                                         @ForAll("counts") long newConns, @ForAll("counts") long moreNew,
                                         @ForAll("counts") long otherWeights) {
        long totalNew = newConns + moreNew;
        long totalWeight = server.weight() + otherWeights;
        assertThat(MonitorReport.serverLine(server, name, view, newConns, totalNew, totalWeight))
                .isEqualTo(formatted(server, name, view, newConns, totalNew, totalWeight));
    }

    /** The line as MonitorReport formatted it before. */
    private static String formatted(IpvsTable.Server r, String name, MonitorReport.View view, long newConns,
                                    long totalNew, long totalWeight) {
        String numbers = switch (view) {
            case CONNECTIONS -> String.format(Locale.ROOT, "%6d %7d %7d %7d %9s", r.weight(), r.activeConns(),
                    r.inactiveConns(), r.rate().conns(), MonitorReport.bytes(r.rate().inBytes() + r.rate().outBytes()));
            case STATS -> String.format(Locale.ROOT, "%9d %9d %9d %9d %9d", r.stats().conns(), r.stats().inPkts(),
                    r.stats().outPkts(), r.stats().inBytes(), r.stats().outBytes());
            case RATE -> String.format(Locale.ROOT, "%7d %7d %7d %9d %9d", r.rate().conns(), r.rate().inPkts(),
                    r.rate().outPkts(), r.rate().inBytes(), r.rate().outBytes());
        };
        double share = totalNew == 0 ? 0 : (double) newConns / totalNew;
        double weightShare = totalWeight == 0 ? 0 : (double) r.weight() / totalWeight;
        String label = name.isEmpty() ? r.address() : name + " " + r.address();
        String clipped = label.length() <= 24 ? label : label.substring(0, 23) + "~";
        return String.format(Locale.ROOT, "  %-24s %-6s %s  %s %3d%%/%3d%%", clipped, r.forward(),
                numbers, MonitorReport.bar(share, weightShare), Math.round(share * 100), Math.round(weightShare * 100));
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', '\u001C',
                '\u0085', 'a', '-', '>', '1', ':').ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of("", "rs1", "web-server-with-a-long-name-01", "网站一"),
                Arbitraries.strings().alpha().ofMaxLength(30));
    }

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 20), Arbitraries.longs().between(0, 1L << 40));
    }

    @Provide
    Arbitrary<IpvsTable.Server> servers() {
        Arbitrary<Long> big = Arbitraries.oneOf(Arbitraries.longs().between(0, 999),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 4));
        Arbitrary<Counters> counters = Combinators.combine(big, big, big, big, big).as(Counters::new);
        Arbitrary<String> address = Arbitraries.of("10.0.0.1:80", "[2001:db8::11]:443", "192.168.101.168:65535");
        return Combinators.combine(address, Arbitraries.of("Route", "Masq", "Tunnel", "Local"),
                Arbitraries.integers().between(0, 65535), big, big, counters, counters)
                .as(IpvsTable.Server::new);
    }
}
