package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import org.junit.jupiter.api.Test;

/** no-gateway and nat-same-subnet beyond the catalogue's one case each. */
class GatewayRulesTest {
    private static List<Finding> findings(String example, String... edits) {
        var tree = Examples.tree(example);
        for (String edit : edits) {
            int eq = edit.indexOf('=');
            Examples.set(tree, edit.substring(0, eq), edit.substring(eq + 1));
        }
        return Validator.validate(Examples.cluster(tree));
    }

    private static List<Finding> of(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    @Test
    void aRealServerWithoutGatewayInTwoServicesIsToldOnce() {
        List<Finding> found = findings("fwmark-https", "/realServers/0/gateway=null",
                "/services/1={\"protocol\":\"tcp\",\"vip\":\"192.168.101.168/32\",\"port\":8080,"
                        + "\"backends\":[{\"realServer\":\"rs1\",\"forwarding\":\"dr\"}]}");
        assertThat(of(found, Rule.NO_GATEWAY)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("realServers[0].gateway"));
    }

    @Test
    void natAndAnUnreadableGatewayAreNotNoGateway() {
        assertThat(of(findings("nat-portmap", "/realServers/0/gateway=null"), Rule.NO_GATEWAY)).isEmpty();
        List<Finding> unreadable = findings("seed-dr", "/realServers/0/gateway=\"10.10.10.300\"");
        assertThat(of(unreadable, Rule.NO_GATEWAY)).isEmpty();
        assertThat(of(unreadable, Rule.ADDRESS_SYNTAX)).isNotEmpty();
    }

    @Test
    void aNatRealServerOutsideEveryOneOfTwoDipsSubnetsIsNamed() {
        List<Finding> found = findings("nat-portmap", "/director/dips=[\"10.10.30.1/24\",\"10.10.40.1/24\"]");
        assertThat(of(found, Rule.NAT_SAME_SUBNET)).hasSize(3).first().satisfies(f -> assertThat(f.message())
                .isEqualTo("RIP 10.10.20.11 of app1 is outside the director's DIP subnets (services[0].backends[0] uses NAT)"));
    }
}
