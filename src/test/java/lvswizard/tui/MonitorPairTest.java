package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lvswizard.Examples;
import lvswizard.exec.CommandLog;
import lvswizard.exec.FakeHost;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.MonitorReport;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-screen monitor on a director of a pair: the VRRP side on top, refreshed with the table. */
class MonitorPairTest {
    @Test
    void theMonitorShowsWhichSideThisDirectorIsOnAndFollowsIt(@TempDir Path dir) throws Exception {
        Plan pair = Examples.plan("ha-dr");
        FakeHost host = FakeHost.seedDirector();
        host.address("eth1", "192.168.101.168/24");
        host.outputs.put(String.join(" ", Ipvsadm.list()),
                Files.readString(Path.of("src/test/resources/ipvsadm/one-service.txt")));
        host.outputs.put(String.join(" ", Ipvsadm.listStats()),
                Files.readString(Path.of("src/test/resources/ipvsadm/stats-exact.txt")));
        host.outputs.put(String.join(" ", Ipvsadm.listRate()),
                Files.readString(Path.of("src/test/resources/ipvsadm/rate-exact.txt")));
        Messages en = Messages.of(Language.EN);
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new MonitorWindow(gui, en, host,
                new CommandLog(dir.resolve("log")), Configured.NOTHING, Map.of(), MonitorReport.View.CONNECTIONS,
                Duration.ofMillis(200), pair).showAndWait())) {
            // the VRRP line and the table: one capture may land before the table is drawn
            ui.waitForAll("VRRP: master: director holds the VIPs (192.168.101.168)", "TCP");
            synchronized (host) {
                host.addresses.get("eth1").clear();
            }
            ui.waitFor("VRRP: backup: the VIPs (192.168.101.168) are not on director");
            ui.type("q");
        }
        Messages zh = Messages.of(Language.ZH);
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new MonitorWindow(gui, zh, host,
                new CommandLog(dir.resolve("log")), Configured.NOTHING, Map.of(), MonitorReport.View.CONNECTIONS,
                Duration.ofMillis(200), pair).showAndWait())) {
            assertThat(ui.waitFor("VRRP：备：VIP（192.168.101.168）不在 director 上")).doesNotContain("backup");
            ui.type("q");
        }
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new MonitorWindow(gui, en, host,
                new CommandLog(dir.resolve("log")), Configured.NOTHING, Map.of(), MonitorReport.View.CONNECTIONS,
                Duration.ofMillis(200), null).showAndWait())) {
            assertThat(ui.waitFor("TCP")).doesNotContain("VRRP");
            ui.type("q");
        }
    }
}
