package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import lvswizard.Examples;
import lvswizard.plan.Plan;
import org.junit.jupiter.api.Test;

/** Two pairs of directors on one segment: their VRRP ids and sync ids, checked against each other. */
class NeighboursTest {
    private static Plan haDr(String... edits) {
        var tree = Examples.tree("ha-dr");
        Examples.set(tree, "/name", "\"other\"");
        for (String edit : edits) {
            int eq = edit.indexOf('=');
            Examples.set(tree, edit.substring(0, eq), edit.substring(eq + 1));
        }
        return Validator.check(Examples.cluster(tree)).validPlan();
    }

    private static List<Finding> against(Plan other) {
        return Neighbours.clashes(Examples.plan("ha-dr"), List.of(new Neighbours.Neighbour("other.json", other)));
    }

    @Test
    void theSameRouterIdOnTheSameSegmentIsAnErrorOnThisConfigurationsField() {
        List<Finding> found = against(haDr("/failover/connectionSync=false"));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.VRRP_ID);
            assertThat(f.isError()).isTrue();
            assertThat(f.path()).isEqualTo("failover.virtualRouterId");
            assertThat(f.message()).isEqualTo("VRRP router id 51 is also used by cluster other (other.json) on the"
                    + " same segment 10.10.10.0/24: give one of them another id");
            assertThat(f.message(Locale.SIMPLIFIED_CHINESE)).contains("51", "other (other.json)", "10.10.10.0/24")
                    .contains("网段");
        });
    }

    @Test
    void theSameSyncIdOnTheSameSegmentIsAnError() {
        assertThat(against(haDr("/failover/virtualRouterId=60"))).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("failover.syncId"));
        assertThat(against(haDr("/failover/virtualRouterId=60", "/failover/connectionSync=false"))).isEmpty();
        // id 0 on either side: that backup takes every sync daemon's connections on the segment
        assertThat(against(haDr("/failover/virtualRouterId=60", "/failover/syncId=7"))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("a sync daemon with id 0 takes every sync"
                        + " daemon's connections on its segment, and cluster other (other.json)"));
    }

    @Test
    void anotherIdAnotherSegmentOrAnotherFamilyDoesNotClash() {
        assertThat(against(haDr("/failover/virtualRouterId=60", "/failover/connectionSync=false"))).isEmpty();
        assertThat(against(haDr("/director/dips=[\"10.10.30.10/24\"]", "/director/ntpServer=\"10.10.30.10\"",
                "/failover/backup/dips=[\"10.10.30.9/24\"]", "/failover/backup/ntpServer=\"10.10.30.10\"",
                "/realServers/0/address=\"10.10.30.11/24\"", "/realServers/0/gateway=\"10.10.30.1\"",
                "/realServers/1/address=\"10.10.30.12/24\"", "/realServers/1/gateway=\"10.10.30.1\""))).isEmpty();
        // one id on one segment (dual-stack DIPs), but this pair's instance is VRRP over IPv4 and
        // the other's over IPv6: apart in VRRP
        var tree = Examples.tree("ipv6-dr");
        Examples.set(tree, "/director/dips", "[\"10.10.10.20/24\", \"2001:db8:10::10/64\"]");
        Examples.set(tree, "/failover", "{\"virtualRouterId\":51,\"connectionSync\":false,\"backup\":{\"name\":\"d2\","
                + "\"dipInterface\":\"eth0\",\"vipInterface\":\"eth0\",\"dips\":[\"10.10.10.21/24\","
                + "\"2001:db8:10::9/64\"]}}");
        Plan ipv6 = Validator.check(Examples.cluster(tree)).validPlan();
        assertThat(ipv6.vrrpInstances()).singleElement().satisfies(i -> assertThat(i.ipv6()).isTrue());
        assertThat(against(ipv6)).isEmpty();
    }

    @Test
    void aClusterWithoutAPairHasNoVrrpToClash() {
        Plan single = Examples.plan("seed-dr");
        assertThat(against(single)).isEmpty();
        assertThat(Neighbours.clashes(single, List.of(new Neighbours.Neighbour("ha.json", Examples.plan("ha-dr")))))
                .isEmpty();
    }
}
