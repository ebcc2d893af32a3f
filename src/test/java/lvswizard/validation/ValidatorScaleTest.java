package lvswizard.validation;

import lvswizard.Examples;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.RealServer;
import lvswizard.model.VirtualService;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Large clusters are validated completely; the time is measured by the benchmark, not asserted here. */
class ValidatorScaleTest {

    @Test
    void tenThousandRealServersValidateClean() {
        List<Finding> findings = Validator.validate(Examples.bigCluster(10_000));
        assertThat(findings).isEmpty();
    }

    @Test
    void aDuplicateAmongTenThousandIsFound() {
        Cluster cluster = Examples.bigCluster(10_000);
        List<RealServer> servers = new ArrayList<>(cluster.realServers());
        servers.set(9_999, new RealServer("rs9999", "10.0.1.1/16", "eth0", "10.0.0.254"));
        List<Finding> findings = Validator.validate(new Cluster(1, "big", cluster.director(), servers,
                cluster.services(), null));
        assertThat(findings).extracting(Finding::rule, Finding::path)
                .containsExactly(Tuple.tuple(Rule.DUPLICATE_ADDRESS, "realServers[9999].address"));
    }

    /**
     * IPv4 addresses are read and computed without inet.ipaddr now: among 10,000 real servers, each
     * address mistake is still found, at its path, and nothing else.
     */
    @Test
    void everyAddressMistakeAmongTenThousandIsFoundAtItsPath() {
        Cluster cluster = Examples.bigCluster(10_000);
        List<RealServer> servers = new ArrayList<>(cluster.realServers());
        servers.set(5_000, new RealServer("rs5000", "10.0.0.0/16", "eth0", "10.0.0.254"));
        servers.set(6_000, new RealServer("rs6000", "10.0.255.255/16", "eth0", "10.0.0.254"));
        servers.set(7_000, new RealServer("rs7000", "10.0.29.1/16", "eth0", "10.1.0.254"));
        servers.set(8_000, new RealServer("rs8000", "010.0.33.1/16", "eth0", "10.0.0.254"));
        servers.set(9_000, new RealServer("rs9000", "10.0.0.100/16", "eth0", "10.0.0.254"));
        servers.set(9_500, new RealServer("rs9500", "10.0.0.1/16", "eth0", "10.0.0.254"));
        servers.set(9_600, new RealServer("rs9600", "10.1.0.5/16", "eth0", "10.0.0.254"));
        List<Finding> findings = Validator.validate(new Cluster(1, "big", cluster.director(), servers,
                cluster.services(), null));
        assertThat(findings).extracting(Finding::rule, Finding::path).containsExactlyInAnyOrder(
                Tuple.tuple(Rule.NETWORK_OR_BROADCAST, "realServers[5000].address"),
                Tuple.tuple(Rule.NETWORK_OR_BROADCAST, "realServers[6000].address"),
                Tuple.tuple(Rule.GATEWAY_SUBNET, "realServers[7000].gateway"),
                Tuple.tuple(Rule.ADDRESS_SYNTAX, "realServers[8000].address"),
                Tuple.tuple(Rule.DUPLICATE_ADDRESS, "services[0].vip"),
                Tuple.tuple(Rule.DUPLICATE_ADDRESS, "realServers[9000].address"),
                Tuple.tuple(Rule.DUPLICATE_ADDRESS, "realServers[9500].address"),
                Tuple.tuple(Rule.DR_SAME_SUBNET, "realServers[9600].address"),
                Tuple.tuple(Rule.GATEWAY_SUBNET, "realServers[9600].gateway"));
    }
}
