package lvswizard.ipvs;

import static lvswizard.ipvs.ListingParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorReportTest {
    private static IpvsTable real() throws IOException {
        return ListingParser.merge(ListingParser.list(fixture("list")), ListingParser.counters(fixture("stats-exact")),
                ListingParser.counters(fixture("rate-exact")));
    }

    @Test
    void eachServerShowsWeightConnectionsRatesAndItsShareAgainstItsWeight() throws IOException {
        List<String> lines = MonitorReport.lines(real(), null, MonitorReport.View.CONNECTIONS,
                Map.of("10.10.10.11:80", "rs1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("TCP 192.168.101.168:80  wlc  2 conn/s  in 700 B/s"));
        String rs1 = lines.stream().filter(l -> l.contains("rs1 10.10.10.11:80")).findFirst().orElseThrow();
        // 22 of 33 connections (67%) against 2 of 3 weight (67%)
        assertThat(rs1).contains("Masq", " 67%/ 67%").doesNotContain("QUIESCED", "NO TRAFFIC");
        String rs3 = lines.stream().filter(l -> l.contains("10.10.10.13:80")).findFirst().orElseThrow();
        assertThat(rs3).contains("0%/  0%", "QUIESCED (weight 0)");
        String idle = lines.stream().filter(l -> l.contains("10.10.10.11:0")).findFirst().orElseThrow();
        assertThat(idle).as("weight 1 of 2 but no connection while its peer had 6").contains("0%/ 50%", "NO TRAFFIC");
    }

    @Test
    void withABaselineTheSharesAreOfNewConnectionsOnly() throws IOException {
        IpvsTable now = real();
        // a baseline where rs1 already had all 22 of its connections: since then only rs2 got new ones
        IpvsTable baseline = ListingParser.merge(ListingParser.list(fixture("list")), Map.of(
                "TCP 192.168.101.168:80 -> 10.10.10.11:80", new Counters(22, 0, 0, 0, 0),
                "TCP 192.168.101.168:80 -> 10.10.10.12:80", new Counters(1, 0, 0, 0, 0)), Map.of());
        List<String> lines = MonitorReport.lines(now, baseline, MonitorReport.View.CONNECTIONS, Map.of());
        assertThat(lines.stream().filter(l -> l.contains("10.10.10.11:80")).findFirst().orElseThrow())
                .contains("0%/ 67%", "NO TRAFFIC");
        assertThat(lines.stream().filter(l -> l.contains("10.10.10.12:80")).findFirst().orElseThrow())
                .contains("100%/ 33%");
    }

    @Test
    void statsAndRateViewsShowTheKernelsNumbers() throws IOException {
        assertThat(MonitorReport.lines(real(), null, MonitorReport.View.STATS, Map.of()))
                .anySatisfy(l -> assertThat(l).contains("10.10.10.11:80").contains("22", "144", "102", "9224", "9700"))
                .anySatisfy(l -> assertThat(l).contains("CONNS", "INPKTS", "OUTBYTES"));
        assertThat(MonitorReport.lines(real(), null, MonitorReport.View.RATE, Map.of()))
                .anySatisfy(l -> assertThat(l).contains("10.10.10.12:80").contains(" 228 ", " 241"))
                .anySatisfy(l -> assertThat(l).contains("CPS", "INBPS"));
    }

    @Test
    void barMarksTheShareAndWhereTheWeightShareEnds() {
        assertThat(MonitorReport.bar(0.5, 0.5)).isEqualTo("#########|..........");
        assertThat(MonitorReport.bar(1.0, 0.25)).isEqualTo("####|###############");
        assertThat(MonitorReport.bar(0, 0)).isEqualTo("....................");
        assertThat(MonitorReport.bytes(999)).isEqualTo("999 B");
        assertThat(MonitorReport.bytes(13_784)).isEqualTo("13.8 KB");
        assertThat(MonitorReport.bytes(5_000_000_000L)).isEqualTo("5.0 GB");
    }

    @Test
    void anEmptyTableSaysSo() {
        assertThat(MonitorReport.lines(IpvsTable.EMPTY, null, MonitorReport.View.CONNECTIONS, Map.of()))
                .containsExactly("IPVS has no virtual service (ipvsadm -L -n is empty).");
    }

    @Test
    void aServerAddedAfterTheBaselineCountsAllItsConnectionsAsNew() throws IOException {
        IpvsTable now = real();
        // a baseline taken before 10.10.10.12:80 existed, with rs1's 22 connections already made
        IpvsTable baseline = ListingParser.merge(ListingParser.list("""
                TCP  192.168.101.168:80 wlc
                  -> 10.10.10.11:80               Masq    2      0          0
                """), Map.of("TCP 192.168.101.168:80 -> 10.10.10.11:80", new Counters(22, 0, 0, 0, 0)), Map.of());
        List<String> lines = MonitorReport.lines(now, baseline, MonitorReport.View.CONNECTIONS, Map.of());
        assertThat(lines.stream().filter(l -> l.contains("10.10.10.12:80")).findFirst().orElseThrow())
                .contains("100%/ 33%").doesNotContain("NO TRAFFIC");
    }

    @Test
    void aCheckedServiceShowsEachServerAsKeepalivedHasItUpQuiescedDownOrTheSorryServer() throws IOException {
        Configured configured = new Configured(Map.of("10.10.10.11:80", "rs1", "10.10.10.14:80", "rs4"),
                Map.of("TCP 192.168.101.168:80", List.of("10.10.10.11:80", "10.10.10.13:80", "10.10.10.14:80"),
                        "UDP 192.168.101.168:53", List.of("10.10.10.11:53")),
                Map.of("UDP 192.168.101.168:53", "10.10.10.12:53"));
        List<String> lines = MonitorReport.rows(real(), null, MonitorReport.View.CONNECTIONS, configured,
                Locale.ENGLISH).stream().map(MonitorReport.Line::text).toList();
        assertThat(line(lines, "rs1 10.10.10.11:80")).contains("UP (its check passes)");
        assertThat(line(lines, "10.10.10.12:80")).as("not a member keepalived checks").doesNotContain("UP", "DOWN");
        assertThat(line(lines, "10.10.10.13:80")).contains("QUIESCED (weight 0)").doesNotContain("UP");
        assertThat(line(lines, "rs4 10.10.10.14:80")).isEqualTo("  rs4 10.10.10.14:80       DOWN: out of the"
                + " table (its check fails)");
        assertThat(line(lines, "10.10.10.12:53")).contains("SORRY SERVER (too few real servers up)");
        assertThat(line(lines, "10.10.10.13:22")).as("a service without a check").doesNotContain("UP", "DOWN");
        List<String> chinese = MonitorReport.rows(real(), null, MonitorReport.View.CONNECTIONS, configured,
                Locale.CHINESE).stream().map(MonitorReport.Line::text).toList();
        assertThat(line(chinese, "rs4 10.10.10.14:80")).contains("已下线：不在表中（健康检查失败）");
    }

    private static String line(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow(() -> new AssertionError(text
                + " not in " + String.join("\n", lines)));
    }
}
