package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import lvswizard.Examples;
import lvswizard.exec.FakeHost;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import org.junit.jupiter.api.Test;

/** --role: each director of a pair by name, with its own script, addresses and keepalived file. */
class RoleTest {
    private static final Plan PAIR = Examples.plan("ha-dr");

    @Test
    void eachDirectorOfAPairByName() throws Exception {
        HostNeeds first = Role.resolve("director", PAIR, new FakeHost());
        HostNeeds byName = Role.resolve("director:director", PAIR, new FakeHost());
        HostNeeds second = Role.resolve("director:director2", PAIR, new FakeHost());
        assertThat(first).isEqualTo(byName);
        assertThat(second.scriptName()).isEqualTo("director-director2.sh");
        assertThat(second.ownAddresses()).extracting(a -> a.address().cidr()).containsExactly("10.10.10.9/24");
        assertThat(second.vips()).as("the VIPs are keepalived's").isEmpty();
        assertThat(KeepalivedDirector.inOutput(PAIR, second.name(), Path.of("out")).generated())
                .hasFileName("keepalived-director2.conf");
        assertThatThrownBy(() -> Role.resolve("director:lb9", PAIR, new FakeHost())).isInstanceOf(OpsException.class)
                .hasMessage("--role director:lb9: no director named \"lb9\"; expected one of director, director2");
    }
}
