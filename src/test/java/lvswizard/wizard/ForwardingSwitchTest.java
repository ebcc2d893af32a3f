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
    void aPairsFloatingGatewayIsTheNatGateway() throws Exception {
        Draft pair = draft(Examples.load("ha-nat"));
        Draft dr = switchTo(pair, "dr");
        assertThat(gateways(dr)).containsOnlyNulls();
        assertThat(gateways(switchTo(dr, "nat"))).containsOnly("10.10.20.1");
    }
}
