package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.text.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * undo of one cluster's real server on a host in two clusters: its script's stop leaves the ARP fix
 * that the other cluster's script still holds, and undo must not then write the snapshot's value
 * over it (the other cluster's VIP would answer ARP again, and its traffic bypass its director).
 */
class SharedUndoTest {
    @Test
    void undoLeavesASettingAnotherConfigurationsScriptStillHolds(@TempDir Path dir) throws Exception {
        Plan seed = Examples.plan("seed-dr");
        HostNeeds rs1 = HostNeeds.realServer(seed, seed.hosts().get(0));
        FakeHost host = FakeHost.seedRealServer();
        host.scripts = c -> {
            if (c.argv().get(2).equals("start")) {
                host.sysctls.replaceAll((path, value) -> path.endsWith("arp_ignore") ? "1" : "2");
            }
            return FakeRunner.exit(c, 0, "", "");
        };
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(rs1.scriptName()), "#!/bin/bash\n");
        List<String> said = new ArrayList<>();
        RoleRun.Console console = new RoleRun.Console() {
            @Override
            public void say(Message message) {
                said.add(message.english());
            }

            @Override
            public void output(String line) {
            }

            @Override
            public boolean confirm(List<Message> changes) {
                changes.forEach(c -> said.add(c.english()));
                return true;
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
        Path records = dir.resolve("shared");
        Path held = Files.createDirectories(records.resolve("net-7/net.ipv4.conf.all.arp_ignore"));
        Files.writeString(held.resolve("owner.other.realserver-web1"), "");
        RoleRun run = new RoleRun(host, seed, rs1, out, console, Duration.ofSeconds(5), clock)
                .reading(new SharedRecords(records, "7"));
        assertThat(run.start(false)).isZero();
        assertThat(run.undo(false)).isZero();
        assertThat(said).contains("leave /proc/sys/net/ipv4/conf/all/arp_ignore as it is: the script of"
                + " other.realserver-web1 still holds it");
        assertThat(host.displays()).noneMatch(d -> d.contains("net.ipv4.conf.all.arp_ignore="))
                .anyMatch(d -> d.contains("net.ipv4.conf.eth0.arp_ignore=0"));
        assertThat(host.sysctls.get("/proc/sys/net/ipv4/conf/all/arp_ignore")).isEqualTo("1");
        assertThat(host.sysctls.get("/proc/sys/net/ipv4/conf/eth0/arp_ignore")).isEqualTo("0");
    }
}
