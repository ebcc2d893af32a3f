package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.FakeHost;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.text.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleRunTest {
    private static final Plan SEED = Examples.plan("seed-dr");

    private final List<String> lines = new ArrayList<>();

    private RoleRun roleRun(FakeHost host, Path outputDir) {
        return new RoleRun(host, SEED, HostNeeds.director(SEED), outputDir, new RoleRun.Console() {
            @Override
            public void say(Message text) {
                lines.add(text.english());
            }

            @Override
            public void output(String line) {
                lines.add(line);
            }

            @Override
            public boolean confirm(List<Message> changes) {
                return true;
            }
        }, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void aMissingScriptIsOneLineNamingTheFileAndNothingRuns(@TempDir Path dir) {
        FakeHost host = FakeHost.seedDirector();
        host.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        host.address("eth1", "192.168.101.168/24");
        RoleRun run = roleRun(host, dir);
        String expected = dir.toAbsolutePath().resolve("director.sh") + " does not exist: lvs-wizard generate --out "
                + dir.toAbsolutePath() + " writes it (so does run without --dry-run); nothing was run";
        assertThatThrownBy(() -> run.status(false)).isInstanceOf(MissingScript.class).hasMessage(expected);
        assertThatThrownBy(() -> run.stop(false)).isInstanceOf(MissingScript.class);
        assertThatThrownBy(() -> run.start(false)).isInstanceOf(MissingScript.class);
        assertThat(host.commands()).noneMatch(c -> c.argv().get(0).equals("bash"));
        assertThat(dir.resolve("snapshots")).as("no snapshot for a start that cannot run").doesNotExist();
        assertThat(lines).noneMatch(l -> l.startsWith("$ "));
    }
}
