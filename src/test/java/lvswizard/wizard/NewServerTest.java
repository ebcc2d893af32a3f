package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lvswizard.Examples;
import lvswizard.model.Cluster;
import lvswizard.model.RealServer;
import org.junit.jupiter.api.Test;

/** A real server added in either wizard starts with what the others share: interface and router. */
class NewServerTest {
    private static Draft draft(String example) {
        Cluster cluster = Examples.cluster(Examples.tree(example));
        return new Draft(cluster, HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
    }

    @Test
    void aDrRealServerTakesTheLastOnesInterfaceAndGateway() {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/1/interface", "\"ens3\"");
        Draft draft = new Draft(Examples.cluster(tree), HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
        RealServer last = draft.cluster().realServers().get(1);
        RealServer added = Edits.newServer(draft);
        assertThat(added.name()).isEqualTo("rs3");
        assertThat(added.address()).as("the address is the operator's to give").isNull();
        assertThat(added.iface()).isEqualTo("ens3");
        assertThat(added.gateway()).isEqualTo(last.gateway()).isNotBlank();
    }

    @Test
    void aNatRealServerStillGetsTheDipAsItsGateway() {
        Draft draft = draft("nat-portmap");
        String dip = draft.cluster().director().dips().get(0);
        assertThat(Edits.newServer(draft).gateway()).isEqualTo(dip.substring(0, dip.indexOf('/')));
    }

    @Test
    void aNatRealServerOfAPairGetsTheFloatingGateway() {
        Draft draft = draft("ha-nat");
        String floating = draft.cluster().failover().floatingGateway();
        assertThat(Edits.newServer(draft).gateway()).as("a DIP leaves with its director at a failover")
                .isEqualTo(floating.substring(0, floating.indexOf('/')));
    }

    @Test
    void aNatRealServerKeepsTheDipTheLastOneUses() {
        var tree = Examples.tree("nat-portmap");
        Examples.set(tree, "/director/dips", "[\"10.0.1.1/24\", \"10.0.2.1/24\"]");
        int last = Examples.cluster(tree).realServers().size() - 1;
        Examples.set(tree, "/realServers/" + last + "/gateway", "\"10.0.2.1\"");
        Draft draft = new Draft(Examples.cluster(tree), HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
        assertThat(Edits.newServer(draft).gateway()).as("the LAN being filled").isEqualTo("10.0.2.1");
    }
}
