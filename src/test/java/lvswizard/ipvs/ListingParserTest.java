package lvswizard.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixtures are what Debian 12's ipvsadm printed on kernel 6.1 (src/test/vm/scenarios/listings.sh). */
class ListingParserTest {
    static String fixture(String name) throws IOException {
        return Fixtures.listing(name);
    }

    @Test
    void listHasEveryServiceWithSchedulerFlagsPersistenceAndServers() throws IOException {
        IpvsTable table = ListingParser.list(fixture("list"));
        assertThat(table.services()).extracting(IpvsTable.Service::key).containsExactly(
                "TCP 192.168.101.168:22", "TCP 192.168.101.168:80", "UDP 192.168.101.168:53",
                "TCP [2001:db8:1::100]:80", "TCP [2001:db8:1::100]:443", "FWM 7");
        IpvsTable.Service web = table.service("TCP 192.168.101.168:80").orElseThrow();
        assertThat(web.scheduler()).isEqualTo("wlc");
        assertThat(web.servers()).extracting(IpvsTable.Server::address, IpvsTable.Server::forward,
                IpvsTable.Server::weight, IpvsTable.Server::activeConns, IpvsTable.Server::inactiveConns)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10.10.10.11:80", "Masq", 2, 2L, 20L),
                        org.assertj.core.groups.Tuple.tuple("10.10.10.12:80", "Masq", 1, 1L, 10L),
                        org.assertj.core.groups.Tuple.tuple("10.10.10.13:80", "Masq", 0, 0L, 0L));
        assertThat(web.totalWeight()).isEqualTo(3);
        IpvsTable.Service dns = table.service("UDP 192.168.101.168:53").orElseThrow();
        assertThat(dns.flags()).isEqualTo("sh-fallback,sh-port");
        assertThat(dns.servers()).extracting(IpvsTable.Server::forward).containsExactly("Route", "Tunnel");
        assertThat(table.service("TCP 192.168.101.168:22").orElseThrow().persistence()).isEqualTo(300);
        IpvsTable.Service v6 = table.service("TCP [2001:db8:1::100]:443").orElseThrow();
        assertThat(v6.flags()).isEqualTo("mh-port");
        assertThat(v6.persistence()).isEqualTo(60);
        assertThat(v6.servers().get(0).address()).isEqualTo("[2001:db8:2::13]:443");
        IpvsTable.Service mark = table.service("FWM 7").orElseThrow();
        assertThat(mark.scheduler()).isEqualTo("rr");
        assertThat(mark.persistence()).isEqualTo(600);
        assertThat(mark.servers()).extracting(IpvsTable.Server::address).containsExactly("10.10.10.11:0", "10.10.10.12:0");
        assertThat(table.serverCount()).isEqualTo(11);
    }

    @Test
    void statsAndRateAreMergedPerServiceAndPerServer() throws IOException {
        Map<String, Counters> stats = ListingParser.counters(fixture("stats-exact"));
        Map<String, Counters> rates = ListingParser.counters(fixture("rate-exact"));
        IpvsTable table = ListingParser.merge(ListingParser.list(fixture("list")), stats, rates);
        IpvsTable.Service web = table.service("TCP 192.168.101.168:80").orElseThrow();
        assertThat(web.stats()).isEqualTo(new Counters(33, 215, 154, 13784, 14602));
        assertThat(web.rate()).isEqualTo(new Counters(2, 11, 8, 700, 732));
        assertThat(web.server("10.10.10.11:80").orElseThrow().stats().conns()).isEqualTo(22);
        assertThat(web.server("10.10.10.12:80").orElseThrow().rate().inBytes()).isEqualTo(228);
        assertThat(table.service("TCP [2001:db8:1::100]:80").orElseThrow().server("[2001:db8:2::11]:80")
                .orElseThrow().stats().conns()).isEqualTo(9);
        assertThat(table.service("FWM 7").orElseThrow().server("10.10.10.12:0").orElseThrow().stats().outBytes())
                .isEqualTo(2926);
        assertThat(ListingParser.counters(fixture("stats"))).as("small numbers print the same without --exact")
                .isEqualTo(stats);
        assertThat(ListingParser.counters(fixture("rate"))).isEqualTo(rates);
    }

    @Test
    void aSingleServiceListingAndEmptyTablesParse() throws IOException {
        assertThat(ListingParser.list(fixture("one-service")).services()).singleElement()
                .extracting(IpvsTable.Service::key).isEqualTo("TCP 192.168.101.168:80");
        assertThat(ListingParser.counters(fixture("one-fwmark"))).containsEntry("FWM 7 -> 10.10.10.12:0",
                new Counters(6, 41, 31, 2678, 2926)).hasSize(3);
        assertThat(ListingParser.list(fixture("empty")).services()).isEmpty();
        assertThat(ListingParser.counters(fixture("empty-stats"))).isEmpty();
    }

    @Test
    void abbreviatedNumbersWithoutExactAreScaledByThousands() {
        String listing = """
                Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
                  -> RemoteAddress:Port
                TCP  192.168.101.168:80             123456     5432K       0    12M      3G
                """;
        assertThat(ListingParser.counters(listing).get("TCP 192.168.101.168:80"))
                .isEqualTo(new Counters(123456, 5_432_000, 0, 12_000_000, 3_000_000_000L));
    }

    @Test
    void anUnknownLineIsAnErrorNamingIt() throws IOException {
        assertThatThrownBy(() -> ListingParser.list(fixture("none")))
                .hasMessage("ipvsadm listing line 1: \"No such service\": expected a service (TCP/UDP/SCTP/FWM) or a real server (->)");
        assertThatThrownBy(() -> ListingParser.list("  -> 10.10.10.11:80 Route 1 0 0"))
                .hasMessageContaining("after a service");
        assertThatThrownBy(() -> ListingParser.counters("TCP  1.2.3.4:80 1 2 x 4 5")).hasMessageContaining("not \"x\"");
    }

    @Test
    void connectionsListingIsParsedForIpv4AndIpv6() throws IOException {
        var connections = Connection.parse(fixture("connections"));
        assertThat(connections).hasSizeGreaterThan(30);
        assertThat(connections).filteredOn(c -> c.state().equals("ESTABLISHED")).hasSize(3)
                .allSatisfy(c -> assertThat(c.virtual()).isEqualTo("192.168.101.168:80"));
        assertThat(connections).anySatisfy(c -> {
            assertThat(c.source()).isEqualTo("[2001:db8:1::253]:36210");
            assertThat(c.destination()).isEqualTo("[2001:db8:2::11]:80");
            assertThat(c.expire()).isEqualTo("01:54");
        });
        assertThat(connections).filteredOn(c -> c.virtual().endsWith(":8443")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.destination()).as("persistent fwmark: one server").isEqualTo("10.10.10.12:8443"));
    }
}
