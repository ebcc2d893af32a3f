package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.Examples;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import lvswizard.render.Flavour;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's last step, "Run on this host", against a pretend director. */
@org.junit.jupiter.api.Timeout(60)
class RunWindowTest {
    private static VirtualScreen atRunWindow(Path dir, FakeHost host) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.DIRECTOR, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        VirtualScreen ui = new VirtualScreen(draft, Messages.of(Language.EN), host, 110, 36).start();
        ui.waitFor("This host is");
        for (String next : new String[] {"Scheduler", "DIP interface", "10.10.10.11/24", "== Findings ==",
                "File (of 9):  director.sh", "Output directory"}) {
            ui.tabToButton("Next");
            ui.press(KeyType.Enter);
            ui.waitFor(next);
        }
        ui.tabToButton("Write files");
        ui.press(KeyType.Enter);
        ui.waitFor("Written to");
        ui.tabToButton("Run on this host...");
        ui.press(KeyType.Enter);
        ui.waitFor("This host is:");
        return ui;
    }

    private static void click(VirtualScreen ui, String button) throws InterruptedException {
        ui.tabToButton(button);
        ui.press(KeyType.Enter);
    }

    @Test
    void dryRunThenStartAfterConfirmingAndTheCommandLog(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.scripts = c -> FakeRunner.exit(c, 0, "director.sh: started\n", "");
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            click(ui, "Dry run");
            ui.waitFor("would run: bash " + dir.resolve("out").toAbsolutePath() + "/director.sh start");
            assertThat(host.displays()).noneMatch(d -> d.startsWith("bash "));
            click(ui, "Start");
            ui.waitForAll("Change this host?", "add the VIP 192.168.101.168/24 to eth1", "load the IPVS service tcp");
            click(ui, "Yes");
            ui.waitFor("director.sh: started");
            ui.waitForAll("director.sh: started", "snapshot saved:");
            assertThat(host.displays()).contains("bash " + dir.resolve("out").toAbsolutePath() + "/director.sh start");
            click(ui, "Command log");
            ui.waitForAll("Command log (" + dir.resolve("out/commands.log"), "director.sh start");
            click(ui, "OK");
            click(ui, "Close");
            ui.waitFor("Output directory");
            ui.ctrl('c');
            ui.outcome();
        }
        assertThat(Files.readString(dir.resolve("out/commands.log"))).contains("exit 0", "director.sh start");
        assertThat(dir.resolve("out/snapshots/director.json")).exists();
    }

    /** As root, an output directory others can write is refused before anything runs (as run --out is). */
    @Test
    void anOutputDirectoryOthersCanWriteIsRefusedAsRoot(@TempDir Path dir) throws Exception {
        assertThat(lvswizard.output.TrustedDirectory.currentUid()).as("the check is made as root").isZero();
        FakeHost host = FakeHost.seedDirector();
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            Files.setPosixFilePermissions(dir.resolve("out"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            click(ui, "Start");
            ui.waitFor("is writable by others (mode 0777)");
            assertThat(host.displays()).noneMatch(d -> d.startsWith("bash "));
            click(ui, "Close");
            ui.waitFor("Output directory");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void declinedStartChangesNothingAndDoctorShowsWhatIsWrong(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            click(ui, "Start");
            ui.waitFor("Change this host?");
            click(ui, "No");
            ui.waitFor("nothing was changed");
            assertThat(host.displays()).noneMatch(d -> d.startsWith("bash "));
            click(ui, "Doctor");
            ui.waitForAll("WRONG  VIP 192.168.101.168/24 on eth1: missing", "OK     interface eth0");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void theMonitorShowsTheTableAndQuiescesAServerAfterConfirming(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.outputs.put("ipvsadm -L -n", """
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.168.101.168:80 wlc
                  -> 10.10.10.11:80               Route   2      0          20
                  -> 10.10.10.12:80               Route   1      0          10
                """);
        host.outputs.put("ipvsadm -L -n --stats --exact", "");
        host.outputs.put("ipvsadm -L -n --rate --exact", "");
        host.ipvsRules = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2
                -a -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 1
                """;
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            click(ui, "Monitor");
            ui.waitForAll("rs1 10.10.10.11:80", "lvs-wizard monitor: connections view", "rs2 10.10.10.12:80",
                    "w weight 0");
            ui.press(KeyType.ArrowDown);
            ui.type("w");
            ui.waitForAll("Quiesce a real server", "Set the weight of rs2 (10.10.10.12:80) in TCP 192.168.101.168:80 from",
                    "1 to 0?");
            click(ui, "Yes");
            ui.waitFor("Ran: ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 0");
            ui.type("s");
            ui.waitFor("stats view");
            ui.type("q");
            ui.waitFor("This host is:");
            ui.ctrl('c');
            ui.outcome();
        }
        assertThat(host.displays()).contains("ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 0");
        assertThat(Files.readString(dir.resolve("out/commands.log")))
                .contains("ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 0");
    }

    @Test
    void tryItInALabWritesTheBundleAndRunsItsUp(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.scripts = c -> FakeRunner.exit(c, 0, "lab: up: every host started; next: lab.sh test\n", "");
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            click(ui, "Close");
            ui.waitFor("Output directory");
            click(ui, "Try it in a lab...");
            ui.waitFor("in network namespaces");
            click(ui, "Up");
            ui.waitForAll("lab: up: every host started", "exit code 0");
            ui.ctrl('c');
            ui.outcome();
        }
        assertThat(dir.resolve("out/lab/lab.sh")).exists().isExecutable();
        assertThat(dir.resolve("out/lab/scripts/director.sh")).exists();
        assertThat(host.displays()).contains("bash " + dir.resolve("out/lab/lab.sh").toAbsolutePath() + " up");
    }

    @Test
    void runOnThisHostWritesTheDraftFirstSoThatWhatRunsIsWhatWasChecked(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.DIRECTOR, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, Messages.of(Language.EN), host, 110, 36).start()) {
            ui.waitFor("This host is");
            for (String next : new String[] {"Scheduler", "DIP interface", "10.10.10.11/24", "== Findings ==",
                    "File (of 9):  director.sh", "Output directory"}) {
                ui.tabToButton("Next");
                ui.press(KeyType.Enter);
                ui.waitFor(next);
            }
            click(ui, "Run on this host...");
            ui.waitFor("This host is:");
            assertThat(dir.resolve("out/director.sh")).as("written before the window opened").exists();
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void theMonitorScrollsTenThousandRealServers(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        StringBuilder list = new StringBuilder("TCP  10.0.0.100:80 wlc\n");
        for (int i = 0; i < 10_000; i++) {
            list.append(String.format("  -> 10.0.%d.%d:80 Route %d 0 %d%n", 1 + i / 250, 1 + i % 250, 1 + i % 3, i % 7));
        }
        host.outputs.put("ipvsadm -L -n", list.toString());
        host.outputs.put("ipvsadm -L -n --stats --exact", "");
        host.outputs.put("ipvsadm -L -n --rate --exact", "");
        try (VirtualScreen ui = atRunWindow(dir, host)) {
            click(ui, "Monitor");
            ui.waitForAll("10000 real servers", "10.0.1.1:80");
            for (int i = 0; i < 40; i++) {
                ui.press(KeyType.PageDown);
            }
            // 40 pages of 31 rows: around server 1,240 (10.0.5.x), the first rows are gone from the screen
            String screen = ui.waitForAll("10.0.5.2");
            assertThat(screen).doesNotContain("10.0.1.1:80 ");
            ui.type("q");
            ui.waitFor("This host is:");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    /** A pair's directors are offered by name, as --role names them, and a real server's role starts on the first real server. */
    @Test
    void aPairsDirectorsAreNamedAndARealServerStartsOnTheFirstRealServer(@TempDir Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("ha-nat"), HostRole.REAL_SERVER, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, Messages.of(Language.EN), FakeHost.seedRealServer(), 110, 36)
                .start()) {
            ui.waitFor("This host is");
            ui.onGui(() -> {
                ui.gui.addWindow(new RunWindow(ui.gui, Messages.of(Language.EN), draft, FakeHost.seedRealServer()));
                return null;
            });
            String screen = ui.waitFor("director:director2");
            assertThat(screen).contains("< > director:director ", "< > director:director2", "<o> realserver:app1");
            ui.ctrl('c');
        }
    }
}
