package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar's wizard in a real terminal (tmux): what an operator's terminal sees and keeps. */
@Timeout(120)
class WizardTmuxIT {
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color";

    @BeforeAll
    static void tmuxIsPresent() {
        assertThat(Tools.onPath("tmux")).as("tmux is required; the README's test command installs it").isTrue();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Jar.JAR.toAbsolutePath();
    }

    @Test
    void walkThroughWritesTheSameFilesAsGenerate(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("examples/seed-dr.json"), dir.resolve("cluster.json"));
        String command = ENV + " " + java() + " --config cluster.json; echo EXIT=$?; sleep 60";
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor("This host is");
            tmux.keys("C-n");
            tmux.waitFor("Scheduler");
            for (String title : new String[] {"DIP interface", "10.10.10.12/24", "== Findings ==", "[director.sh]",
                    "Output directory"}) {
                tmux.keys("C-n");
                tmux.waitFor(title);
            }
            tmux.keys("Tab", "Tab", "Enter");
            tmux.waitFor("Written to out:");
            tmux.keys("F10");
            tmux.waitFor("EXIT=0");
        }
        Tools.Result generated = Jar.run("generate", "--config", dir.resolve("cluster.json").toString(), "--out",
                dir.resolve("expected").toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        try (Stream<Path> expected = Files.list(dir.resolve("expected"))) {
            for (Path file : expected.toList()) {
                assertThat(dir.resolve("out").resolve(file.getFileName())).hasSameTextualContentAs(file);
            }
        }
    }

    @Test
    void ctrlCLeavesASaneTerminal(@TempDir Path dir) throws Exception {
        String command = ENV + " " + java() + "; echo EXIT=$?; stty -a > stty.txt; sleep 60";
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor("This host is");
            tmux.keys("C-n");
            tmux.waitFor("Scheduler");
            tmux.keys("C-c");
            tmux.waitFor("EXIT=130");
        }
        String stty = Files.readString(dir.resolve("stty.txt"));
        assertThat(stty).containsPattern("(?m)(^|[ ;])echo([ ;]|$)").containsPattern("(?m)(^|[ ;])icanon([ ;]|$)")
                .containsPattern("(?m)(^|[ ;])isig([ ;]|$)").doesNotContain("-echo ").doesNotContain("-icanon")
                .as("Ctrl-Z, disabled while the wizard ran, is back").contains("susp = ^Z");
    }

    @Test
    void sigtermLeavesASaneTerminal(@TempDir Path dir) throws Exception {
        String command = "sh -c '" + ENV + " " + java() + "; echo EXIT=$?; stty -a > stty.txt; sleep 60'";
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor("This host is");
            ProcessHandle shell = ProcessHandle.of(tmux.panePid()).orElseThrow();
            ProcessHandle wizard = shell.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no java process under the pane"));
            assertThat(Tools.run(java.util.List.of("kill", "-TERM", Long.toString(wizard.pid()))).exitCode()).isZero();
            tmux.waitFor("EXIT=143");
            String screen = tmux.screen();
            assertThat(screen).as("the alternate screen is left").doesNotContain("This host is");
        }
        assertThat(Files.readString(dir.resolve("stty.txt"))).containsPattern("(?m)(^|[ ;])echo([ ;]|$)")
                .containsPattern("(?m)(^|[ ;])icanon([ ;]|$)").contains("susp = ^Z");
    }

    @Test
    void resizingBelowTheMinimumShowsAMessageAndBackRestoresTheLayout(@TempDir Path dir) throws Exception {
        String command = ENV + " " + java() + "; echo EXIT=$?; sleep 60";
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor("This host is");
            tmux.resize(70, 20);
            tmux.waitFor("needs at least 80x24");
            tmux.waitFor("run with --line.");
            assertThat(tmux.waitFor("The terminal is 70x20;")).as("the message is wrapped to the width, all of it visible")
                    .contains("needs at least 80x24", "run with --line.");
            tmux.resize(100, 30);
            tmux.waitFor("This host is");
            tmux.keys("F10");
            tmux.waitFor("EXIT=0");
        }
    }
}
