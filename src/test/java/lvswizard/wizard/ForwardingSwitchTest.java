package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.model.Cluster;
import lvswizard.model.RealServer;
import lvswizard.render.Flavour;
import lvswizard.validation.Rule;
import lvswizard.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * The Start step's method for the whole cluster brings the gateways along: a new user who switched
 * a NAT cluster to DR was blocked on every real server (their gateway, the DIP, is refused in DR)
 * and had to edit each dialog.
 */
class ForwardingSwitchTest {
    private static Draft draft(Cluster cluster) {
        return new Draft(cluster, HostRole.ALL, Path.of("c.json"), Path.of("out"), Flavour.IPROUTE2);
    }

    private static Draft switchTo(Draft draft, String method) throws Exception {
        return Fields.byId("forwarding").set(draft, At.NONE, method);
    }

    private static List<String> gateways(Draft draft) {
        return draft.cluster().realServers().stream().map(RealServer::gateway).toList();
    }

    @Test
    void natToDrDropsTheDipAsGatewayAndBackPutsItThere() throws Exception {
        Draft dr = switchTo(draft(Examples.load("nat-portmap")), "dr");
        assertThat(gateways(dr)).as("the director's gateway is not on their subnet").containsOnlyNulls();
        assertThat(Validator.validate(dr.cluster())).noneMatch(f -> f.rule() == Rule.DR_GATEWAY_DIP);
        assertThat(gateways(switchTo(dr, "nat"))).containsOnly("10.10.20.1");
    }

    @Test
    void theDirectorsGatewayOnTheirSubnetIsTheirRouterInDr() throws Exception {
        var tree = Examples.set(Examples.tree("nat-portmap"), "/director/gateway", "\"10.10.20.254\"");
        assertThat(gateways(switchTo(draft(Examples.cluster(tree)), "dr"))).containsOnly("10.10.20.254");
    }

    @Test
    void drToNatGivesEveryRealServerTheDipAndOtherGatewaysStayInDr() throws Exception {
        Draft seed = draft(Examples.load("seed-dr"));
        assertThat(gateways(switchTo(seed, "nat"))).containsOnly("10.10.10.10");
        assertThat(gateways(switchTo(seed, "tun"))).as("a router stays").containsOnly("10.10.10.1");
    }

    @Test
    void eachRealServerGetsTheDipOnItsSubnetAndAnyDipIsDroppedInDr() throws Exception {
        var tree = Examples.set(Examples.tree("nat-portmap"), "/director/dips", "[\"10.10.30.1/24\",\"10.10.20.1/24\"]");
        Draft twoLans = draft(Examples.cluster(tree));
        assertThat(gateways(switchTo(twoLans, "nat"))).as("the second DIP is theirs").containsOnly("10.10.20.1");
        assertThat(gateways(switchTo(twoLans, "dr"))).as("the second DIP is the director's too").containsOnlyNulls();
        var outside = Examples.set(Examples.tree("nat-portmap"), "/realServers/0/address", "\"172.16.0.5/24\"");
        assertThat(switchTo(draft(Examples.cluster(outside)), "nat").cluster().realServers().get(0).gateway())
                .as("no DIP's subnet holds it: left for the validator to explain").isEqualTo("10.10.20.1");
    }

    @Test
    void aRouterReplacedByTheDipIsAskedForAgainBackInDr() throws Exception {
        Draft back = switchTo(switchTo(draft(Examples.load("seed-dr")), "nat"), "dr");
        assertThat(gateways(back)).containsOnlyNulls();
        assertThat(Validator.validate(back.cluster())).filteredOn(f -> f.rule() == Rule.NO_GATEWAY).hasSize(2);
    }

    @Test
    void aPairsFloatingGatewayIsTheNatGateway() throws Exception {
        Draft pair = draft(Examples.load("ha-nat"));
        Draft dr = switchTo(pair, "dr");
        assertThat(gateways(dr)).containsOnlyNulls();
        assertThat(gateways(switchTo(dr, "nat"))).containsOnly("10.10.20.1");
    }
}
