package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.Tools;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar's wizard in a real terminal (tmux): what an operator's terminal sees and keeps. */
@Timeout(240)
class WizardTmuxIT {
    /** The wizard remembers the file used last under XDG_CONFIG_HOME: a test keeps that in its own directory. */
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=\"$PWD/config\"";

    @BeforeAll
    static void tmuxIsPresent() {
        assertThat(Tools.onPath("tmux")).as("tmux is required; the README's test command installs it").isTrue();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Jar.JAR.toAbsolutePath();
    }

    /** Runs the wizard between two snapshots of the terminal's settings (stty -a), then waits. */
    private static String between(String args) {
        // the settings are saved before EXIT= is shown, so that a test that saw EXIT= can read them
        return "stty -a > before.txt; " + ENV + " " + java() + args + "; code=$?; stty -a > after.txt; echo EXIT=$code;"
                + " sleep 120";
    }

    private static void assertSameFilesAsGenerate(Path dir, Path config, Path out) throws Exception {
        Path expectedDir = Files.createTempDirectory(dir, "expected-");
        Tools.Result generated = Jar.run("generate", "--config", config.toString(), "--out", expectedDir.toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        try (Stream<Path> expected = Files.list(expectedDir)) {
            List<Path> files = expected.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
            assertThat(files).hasSizeGreaterThan(5);
            for (Path file : files) {
                assertThat(out.resolve(file.getFileName())).hasSameTextualContentAs(file);
            }
        }
    }

    /** The line settings as they were; the size is the window's (a test may have resized it), not the wizard's. */
    private static void assertTerminalAsBefore(Path dir) throws Exception {
        assertThat(withoutSize(Files.readString(dir.resolve("after.txt")))).as("stty -a after the wizard")
                .isEqualTo(withoutSize(Files.readString(dir.resolve("before.txt"))));
    }

    private static String withoutSize(String stty) {
        return stty.replaceFirst("rows \\d+; columns \\d+;", "");
    }

    /**
     * From nothing to the README's TUN cluster with the keys alone: two services on one VIP, three
     * real servers on two subnets, a name of its own. Ctrl-S saves (the file appears), quit, start
     * again on the file used last, change one weight, write: the files are what generate writes for
     * the saved configuration, and line mode with piped answers builds the same configuration.
     */
    @Test
    void aTunClusterFromNothingThenReopenedChangedAndWritten(@TempDir Path dir) throws Exception {
        String twice = "stty -a > before.txt; " + ENV + " " + java() + "; echo FIRST=$? | tee first.txt; " + ENV + " " + java()
                + "; code=$?; stty -a > after.txt; echo EXIT=$code; sleep 120";
        try (Tmux tmux = new Tmux(dir, 100, 30, twice)) {
            tmux.waitForAll("New configuration", "The how-to's example");
            tmux.keys("Enter");
            tmux.waitFor("This host is");
            tmux.keys("Tab", "Down", "Down", "Enter", "Tab", "BSpace", "BSpace", "BSpace");
            tmux.text("edge");
            tmux.keys("C-n");
            tmux.waitFor("Service name");
            tmux.text("https");
            tmux.keys("Tab", "Tab");
            tmux.text("10.1.0.100/24");
            tmux.keys("Tab", "BSpace", "BSpace");
            tmux.text("443");
            tmux.keys("BTab", "BTab", "BTab", "BTab", "BTab");
            tmux.keys("Enter");
            tmux.waitFor("2 tcp 10.1.0.100/24:?");
            tmux.text("dns");
            tmux.keys("Tab", "Enter", "Down", "Enter", "Tab", "Tab");
            tmux.text("53");
            tmux.keys("Tab", "Tab", "Tab", "Enter", "Up", "Up", "Up", "Enter");
            tmux.waitFor("round robin: each server in turn");
            tmux.keys("C-n");
            tmux.waitFor("DIP interface");
            for (int i = 0; i < 8; i++) {
                tmux.keys("BSpace");
            }
            tmux.text("lb1");
            for (String value : new String[] {"eth0", "10.1.0.10/24", "eth0", "10.1.0.1", "10.1.0.1"}) {
                tmux.keys("Tab");
                tmux.text(value);
            }
            tmux.keys("C-n");
            tmux.waitFor("No real servers yet");
            String[][] servers = {{"web1", "10.2.0.11/24", "10.2.0.1"}, {"web2", "10.2.0.12/24", "10.2.0.1"},
                {"web3", "10.3.0.13/24", "10.3.0.1"}};
            for (int s = 0; s < servers.length; s++) {
                if (s > 0) {
                    tmux.keys("Tab");
                }
                tmux.keys("Enter");
                tmux.waitFor("Real server " + (s + 1));
                tmux.keys("BSpace", "BSpace", "BSpace");
                tmux.text(servers[s][0]);
                tmux.keys("Tab");
                tmux.text(servers[s][1]);
                tmux.keys("Tab", "Tab");
                tmux.text(servers[s][2]);
                // back to the name, past Cancel to OK: however many services the grid has
                tmux.keys("BTab", "BTab", "BTab", "BTab", "BTab", "Enter");
                tmux.waitFor(servers[s][1] + " eth0");
            }
            tmux.keys("C-s");
            tmux.waitFor("Save the configuration as");
            // Enter in the file name saves
            tmux.keys("Enter");
            tmux.waitFor("Configuration saved to edge.json");
            assertThat(dir.resolve("edge.json")).as("Ctrl-S saved the file").exists();
            tmux.keys("F10");
            assertThat(tmux.waitForLine(dir.resolve("first.txt"))).isEqualTo("FIRST=0");
            Files.copy(dir.resolve("edge.json"), dir.resolve("first.json"));

            tmux.waitFor("(used last)");
            tmux.keys("Enter");
            tmux.waitFor("This host is");
            tmux.keys("C-n", "C-n", "C-n");
            tmux.waitFor("web3");
            tmux.keys("Enter");
            tmux.waitFor("Real server 1");
            for (int i = 0; i < 6; i++) {
                tmux.keys("Tab");
            }
            tmux.keys("BSpace");
            tmux.text("3");
            for (int i = 0; i < 8; i++) {
                tmux.keys("BTab");
            }
            tmux.keys("Enter");
            tmux.waitFor("3/1");
            tmux.keys("C-n", "C-n", "C-n");
            tmux.waitFor("Output directory");
            tmux.keys("Enter");
            tmux.waitFor("Written to out:");
            tmux.keys("Enter");
            tmux.waitForAll("EXIT=0", "lvs-wizard: 11 files in out", "real server web1 (10.2.0.11)");
        }
        assertTerminalAsBefore(dir);
        Cluster first = ConfigFile.read(dir.resolve("first.json"));
        Cluster changed = ConfigFile.read(dir.resolve("edge.json"));
        assertThat(changed.name()).isEqualTo("edge");
        assertThat(changed.services().get(0).backends().get(0).weight()).isEqualTo(3);
        assertThat(changed.services().get(1).backends().get(0).weight()).isEqualTo(1);
        assertSameFilesAsGenerate(dir, dir.resolve("edge.json"), dir.resolve("out"));
        assertThat(Files.readString(dir.resolve("out/director.sh"))).contains("cluster edge");

        Path piped = Files.createDirectories(dir.resolve("piped"));
        Tools.Result line = Tools.run(List.of("sh", "-c", "cd \"$3\" && exec \"$0\" -jar \"$1\" --line --config edge.json"
                + " < \"$2\"", Path.of(System.getProperty("java.home"), "bin", "java").toString(), Jar.JAR.toString(),
                Path.of("src/test/resources/line/tun-from-scratch.txt").toAbsolutePath().toString(), piped.toString()));
        assertThat(line.exitCode()).as(line.output()).isZero();
        assertThat(ConfigFile.read(piped.resolve("edge.json"))).as("line mode builds the same cluster").isEqualTo(first);
        assertSameFilesAsGenerate(dir, dir.resolve("first.json"), piped.resolve("out"));
    }

    /**
     * In Chinese with LANG naming a locale the host lacks (a bare Debian has C.UTF-8 only): the
     * screen and the lines printed after it are UTF-8, not question marks.
     */
    @Test
    void theFarewellIsReadableChineseWithoutTheLocaleInstalled(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/seed-dr.json"), dir.resolve("cluster.json"));
        String command = between(" --lang zh --config cluster.json").replace(ENV,
                ENV.replace("LANG=C.UTF-8", "LANG=zh_CN.UTF-8"));
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor("本机是");
            tmux.keys("C-n");
            tmux.waitFor("服务  ·");
            for (String title : new String[] {"调度器  ·", "真实服务器  ·", "检查  ·", "预览  ·", "生成  ·"}) {
                tmux.keys("C-n");
                tmux.waitFor(title);
            }
            tmux.keys("Enter");
            tmux.waitFor("已写入 out：");
            tmux.keys("F10");
            tmux.waitForAll("EXIT=0", "lvs-wizard：out 中共 9 个文件");
            assertThat(tmux.screen()).doesNotContain("lvs-wizard?");
        }
        assertTerminalAsBefore(dir);
    }

    @Test
    void walkThroughWritesTheSameFilesAsGenerate(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/seed-dr.json"), dir.resolve("cluster.json"));
        try (Tmux tmux = new Tmux(dir, 100, 30, between(" --config cluster.json"))) {
            tmux.waitFor("This host is");
            tmux.keys("C-n");
            tmux.waitFor("Scheduler");
            for (String title : new String[] {"DIP interface", "10.10.10.12/24", "== Findings ==", "File (of 9):  director.sh",
                "Output directory"}) {
                tmux.keys("C-n");
                tmux.waitFor(title);
            }
            tmux.keys("Enter");
            tmux.waitFor("Written to out:");
            tmux.keys("F10");
            tmux.waitForAll("EXIT=0", "lvs-wizard: 9 files in out");
        }
        assertTerminalAsBefore(dir);
        assertSameFilesAsGenerate(dir, dir.resolve("cluster.json"), dir.resolve("out"));
    }

    @Test
    void ctrlCLeavesTheTerminalAsItWas(@TempDir Path dir) throws Exception {
        try (Tmux tmux = new Tmux(dir, 100, 30, between(""))) {
            tmux.waitFor("New configuration");
            tmux.keys("Enter");
            tmux.waitFor("This host is");
            tmux.keys("C-n");
            tmux.waitFor("Service name");
            tmux.keys("C-c");
            tmux.waitFor("EXIT=130");
        }
        assertTerminalAsBefore(dir);
        assertThat(Files.readString(dir.resolve("after.txt"))).contains("susp = ^Z").containsPattern("(?m)(^|[ ;])ixon");
    }

    /** Ctrl-\ would make the JVM write a thread dump over the screen; Ctrl-C in a dialog leaves the wizard. */
    @Test
    void ctrlBackslashDrawsNoThreadDumpAndCtrlCLeavesFromADialog(@TempDir Path dir) throws Exception {
        try (Tmux tmux = new Tmux(dir, 100, 30, between(" --config new.json"))) {
            tmux.waitFor("This host is");
            tmux.keys("C-\\");
            Thread.sleep(1000);
            assertThat(tmux.screen()).doesNotContain("Full thread dump").contains("This host is");
            tmux.keys("F1");
            tmux.waitFor("Help");
            tmux.keys("C-c");
            tmux.waitFor("EXIT=130");
            assertThat(tmux.screen()).doesNotContain("Full thread dump");
        }
        assertTerminalAsBefore(dir);
        assertThat(Files.readString(dir.resolve("after.txt"))).contains("quit = ^\\;");
    }

    @Test
    void quittingFromTheStartScreenLeavesTheTerminalAsItWas(@TempDir Path dir) throws Exception {
        try (Tmux tmux = new Tmux(dir, 80, 24, between(""))) {
            tmux.waitFor("New configuration");
            tmux.keys("Escape");
            tmux.waitFor("EXIT=0");
        }
        assertTerminalAsBefore(dir);
    }

    /** The start screen's import at 80x24 in Chinese: the how-to's scripts, the report, then the wizard on them. */
    @Test
    void importingTheHowTosScriptsFromTheStartScreenInChinese(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/imports/seed-director.sh"), dir.resolve("director.sh"));
        Files.copy(Path.of("src/test/resources/imports/seed-realserver.sh"), dir.resolve("realserver.sh"));
        try (Tmux tmux = new Tmux(dir, 80, 24, between(" --lang zh"))) {
            tmux.waitFor("导入已有的配置...");
            tmux.keys("Down", "Down", "Enter");
            tmux.waitFor("ldirectord.cf");
            tmux.text("director.sh realserver.sh");
            tmux.keys("Tab", "Enter");
            tmux.waitForAll("已导入 1 个服务和 2 台 RealServer", "director.dipInterface");
            tmux.keys("Enter");
            tmux.waitFor("本机是");
            tmux.keys("C-c");
            tmux.waitFor("EXIT=130");
        }
        assertTerminalAsBefore(dir);
    }

    @Test
    void sigtermLeavesTheTerminalAsItWas(@TempDir Path dir) throws Exception {
        try (Tmux tmux = new Tmux(dir, 100, 30, "sh -c '" + between(" --config new.json").replace("\"$PWD/config\"",
                "$PWD/config") + "'")) {
            tmux.waitFor("This host is");
            ProcessHandle shell = ProcessHandle.of(tmux.panePid()).orElseThrow();
            ProcessHandle wizard = shell.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no java process under the pane"));
            assertThat(Tools.run(List.of("kill", "-TERM", Long.toString(wizard.pid()))).exitCode()).isZero();
            tmux.waitFor("EXIT=143");
            assertThat(tmux.screen()).as("the alternate screen is left").doesNotContain("This host is");
        }
        assertTerminalAsBefore(dir);
    }

    /**
     * Shrinking below 80x24 shows the whole message, growing back restores the layout, five times
     * over: a terminal that scrolls while it shrinks must not cost the message its first line.
     */
    @Test
    void resizingBelowTheMinimumShowsAMessageAndBackRestoresTheLayout(@TempDir Path dir) throws Exception {
        try (Tmux tmux = new Tmux(dir, 100, 30, between(" --config new.json"))) {
            tmux.waitFor("This host is");
            for (int round = 0; round < 5; round++) {
                tmux.resize(70, 20);
                assertThat(tmux.waitForAll("The terminal is 70x20;", "needs at least 80x24", "run with --line."))
                        .as("round " + round).isNotEmpty();
                tmux.resize(100, 30);
                tmux.waitForAll("This host is", "Tab move");
            }
            tmux.keys("F10");
            tmux.waitFor("EXIT=0");
        }
        assertTerminalAsBefore(dir);
    }
}
