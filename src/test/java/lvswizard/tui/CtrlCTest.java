package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lvswizard.Examples;
import lvswizard.exec.Command;
import lvswizard.exec.CommandLog;
import lvswizard.exec.ExecRunner;
import lvswizard.exec.FakeHost;
import lvswizard.exec.Runner;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.MonitorReport;
import lvswizard.plan.Ipvsadm;
import lvswizard.render.Flavour;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C leaves the whole wizard at once from any window, and types nothing; leaving the monitor leaves no process. */
@Timeout(60)
class CtrlCTest {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    private static VirtualScreen seed(Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, dir.resolve("saved.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        return new VirtualScreen(draft, EN, NO_COMMANDS, 100, 30).start();
    }

    /** Ctrl-C ended the wizard (not a dialog only) and no window is left open. */
    private static void assertInterrupted(VirtualScreen ui) throws Exception {
        assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.INTERRUPTED);
        assertThat(ui.gui.getWindows()).as("every window closed").isEmpty();
        assertThat(ui.wizard.farewell()).as("nothing to report: nothing was done").isNull();
    }

    @Test
    void ctrlCInTheAddRealServerDialogEndsTheWizard(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            for (int i = 0; i < 3; i++) {
                ui.ctrl('n');
            }
            ui.waitFor("10.10.10.12/24");
            ui.click("Add");
            ui.waitFor("Real server 3");
            ui.ctrl('c');
            assertInterrupted(ui);
            assertThat(ui.wizard.draft().cluster().realServers()).hasSize(2);
        }
    }

    @Test
    void ctrlCInTheHelpWindowEndsTheWizard(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            ui.press(KeyType.F1);
            ui.waitFor("─Help─");
            ui.ctrl('c');
            assertInterrupted(ui);
        }
    }

    @Test
    void ctrlCInTheQuitQuestionEndsTheWizardWithoutSaving(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            ui.tabTo(i -> i instanceof FieldBox, "a text field");
            ui.type("7");
            ui.press(KeyType.F10);
            ui.waitFor("unsaved changes");
            ui.ctrl('c');
            assertInterrupted(ui);
            assertThat(dir.resolve("saved.json")).doesNotExist();
        }
    }

    @Test
    void ctrlCInASettingsDialogEndsTheWizard(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            ui.ctrl('n');
            ui.ctrl('n');
            ui.click("Second director...");
            ui.waitFor("Second director (keepalived VRRP pair)");
            ui.ctrl('c');
            assertInterrupted(ui);
            assertThat(ui.wizard.draft().cluster().failover()).isNull();
        }
    }

    @Test
    void ctrlCInADialogOverADialogEndsTheWizardAndNothingOpensAfter(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            ui.ctrl('n');
            ui.ctrl('n');
            ui.click("Second director...");
            ui.waitFor("Second director (keepalived VRRP pair)");
            ui.press(KeyType.F1);
            ui.waitFor("─Help─");
            ui.ctrl('c');
            assertInterrupted(ui);
            // a caller's follow-up question after its dialog returned: answered at once, never shown
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> Dialogs.confirm(ui.gui, EN, "after", "a question asked after Ctrl-C"))).isFalse();
            assertThat(ui.gui.getWindows()).isEmpty();
        }
    }

    @Test
    void ctrlCInATextFieldTypesNothingAndEndsTheWizard(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir)) {
            ui.waitFor("This host is");
            ui.tabTo(i -> i instanceof FieldBox, "a text field");
            FieldBox field = (FieldBox) ui.focused();
            ui.press(KeyType.End);
            String before = field.getText();
            var cluster = ui.wizard.draft().cluster();
            ui.ctrl('c');
            assertInterrupted(ui);
            assertThat(field.getText()).isEqualTo(before);
            assertThat(ui.wizard.draft().cluster()).isEqualTo(cluster);
        }
    }

    @Test
    void aFieldTypesNoCtrlOrAltKeyButKeepsCtrlU() {
        FieldBox field = new FieldBox(new TerminalSize(20, 1), "web1");
        for (char c : new char[] {'c', '\\', 'z', 'x'}) {
            field.handleKeyStroke(new KeyStroke(c, true, false));
            field.handleKeyStroke(new KeyStroke(c, false, true));
        }
        assertThat(field.getText()).isEqualTo("web1");
        field.handleKeyStroke(new KeyStroke('2', false, false));
        assertThat(field.getText()).isEqualTo("web12");
        field.handleKeyStroke(new KeyStroke('u', true, false));
        assertThat(field.getText()).isEmpty();
    }

    @Test
    void ctrlCInTheMonitorsWeightQuestionEndsItAndChangesNothing(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.outputs.put(String.join(" ", Ipvsadm.list()),
                Files.readString(Path.of("src/test/resources/ipvsadm/one-service.txt")));
        host.outputs.put(String.join(" ", Ipvsadm.listStats()),
                Files.readString(Path.of("src/test/resources/ipvsadm/stats-exact.txt")));
        host.outputs.put(String.join(" ", Ipvsadm.listRate()),
                Files.readString(Path.of("src/test/resources/ipvsadm/rate-exact.txt")));
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new MonitorWindow(gui, EN, host,
                new CommandLog(dir.resolve("log")), Configured.NOTHING, Map.of(), MonitorReport.View.CONNECTIONS,
                Duration.ofMillis(200), null).showAndWait())) {
            ui.waitFor("10.10.10.11:80");
            ui.type("w");
            ui.waitFor("Quiesce a real server");
            ui.ctrl('c');
            assertThat(ui.result()).as("the monitor says it was interrupted").isEqualTo(true);
            assertThat(ui.gui.getWindows()).isEmpty();
            assertThat(host.displays()).noneMatch(d -> d.startsWith("ipvsadm -e"));
        }
    }

    /**
     * A listing that hangs after starting two sleeps of its own: q closes the monitor, and the
     * listing goes with both sleeps, and no other listing starts after it.
     */
    @Test
    void leavingTheMonitorStopsAHungListingWithEverythingItStarted(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        Path calls = dir.resolve("calls");
        ExecRunner real = new ExecRunner();
        Runner hung = (command, listener) -> real.run(Command.of("sh", "-c",
                "echo x >> \"$2\"; sleep 300 & echo $! >> \"$1\"; sleep 301 & echo $! >> \"$1\"; wait",
                "sh", pids.toString(), calls.toString()), listener);
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new MonitorWindow(gui, EN, hung,
                new CommandLog(dir.resolve("log")), Configured.NOTHING, Map.of(), MonitorReport.View.CONNECTIONS,
                Duration.ofMillis(200), null).showAndWait())) {
            List<Long> sleeps = waitForPids(pids, 2);
            ui.type("q");
            assertThat(ui.result()).isEqualTo(false);
            List<Long> left = sleeps.stream().filter(pid -> !gone(pid)).toList();
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            assertThat(left).as("the sleeps the hung listing started, still running").isEmpty();
            Thread.sleep(500);
            assertThat(Files.readAllLines(calls)).as("no listing after the monitor closed").hasSize(1);
        }
    }

    private static List<Long> waitForPids(Path file, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file)) {
                List<Long> pids = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .map(Long::parseLong).toList();
                if (pids.size() >= count) {
                    return pids;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the listing never started its sleeps");
    }

    /** Whether the process ends within ten seconds. */
    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(h -> h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join())
                .map(h -> !h.isAlive()).orElse(true);
    }
}
