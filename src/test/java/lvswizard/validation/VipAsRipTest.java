package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import lvswizard.Examples;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A real server given the VIP as its own address: found where the RIP is typed too (the wizard's
 * real server dialog showed nothing, and Review sent the operator to the VIP), and named by the
 * real server's name, not a path with an index from zero.
 */
class VipAsRipTest {
    @Test
    void theRealServersAddressIsFlaggedOnceAndNamedByItsName() {
        ObjectNode tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/1/address", "\"10.10.10.100/24\"");
        Examples.set(tree, "/services/0/vip", "\"10.10.10.100/24\"");
        // a second service on the same VIP: the real server is still told once
        ObjectNode https = (ObjectNode) tree.withArray("services").get(0).deepCopy();
        tree.withArray("services").add(https.put("port", 443));
        List<Finding> findings = Validator.validate(Examples.cluster(tree));
        assertThat(findings).filteredOn(f -> f.rule() == Rule.DUPLICATE_ADDRESS)
                .extracting(Finding::path)
                .containsExactlyInAnyOrder("services[0].vip", "services[1].vip", "realServers[1].address");
        Finding atTheVip = findings.stream().filter(f -> f.path().equals("services[0].vip")).findFirst().orElseThrow();
        assertThat(atTheVip.message(Locale.ENGLISH)).isEqualTo("VIP 10.10.10.100 is the address of real server rs2");
        Finding atTheRip = findings.stream().filter(f -> f.path().equals("realServers[1].address")).findFirst()
                .orElseThrow();
        assertThat(atTheRip.message(Locale.ENGLISH))
                .isEqualTo("RIP 10.10.10.100 is also a VIP: a real server cannot have a VIP as its own address");
        assertThat(atTheRip.message(Locale.SIMPLIFIED_CHINESE)).contains("10.10.10.100").containsPattern("\\p{IsHan}");
    }

    @Test
    void aRipTwiceIsNamedByTheFirstServersName() {
        ObjectNode tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/1/address", "\"10.10.10.11/24\"");
        List<Finding> findings = Validator.validate(Examples.cluster(tree));
        assertThat(findings).filteredOn(f -> f.rule() == Rule.DUPLICATE_ADDRESS)
                .extracting(Finding::path, f -> f.message(Locale.ENGLISH))
                .contains(Tuple.tuple("realServers[1].address", "RIP 10.10.10.11 is also the address of real server rs1"));
    }
}
