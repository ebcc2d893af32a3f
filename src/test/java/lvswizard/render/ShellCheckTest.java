package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated shell file passes bash -n and shellcheck without a single warning. */
class ShellCheckTest {

    @BeforeAll
    static void toolsArePresent() {
        assertThat(Tools.onPath("shellcheck"))
                .as("shellcheck is required by this test; the README's test command installs it (apt-get install shellcheck)")
                .isTrue();
    }

    static List<Generated.Case> cases() {
        return Generated.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scriptsPassBashAndShellcheck(Generated.Case c, @TempDir Path dir) throws Exception {
        List<String> scripts = new ArrayList<>();
        for (RenderedFile file : c.files()) {
            if (file.name().endsWith(".sh")) {
                Files.writeString(dir.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
                scripts.add(dir.resolve(file.name()).toString());
                assertThat(file.executable()).as(file.name() + " is a script").isTrue();
            }
        }
        assertThat(scripts).as("scripts of " + c).hasSizeGreaterThanOrEqualTo(2);
        for (String script : scripts) {
            Tools.Result syntax = Tools.run(List.of("bash", "-n", script));
            assertThat(syntax.exitCode()).as("bash -n " + script + "\n" + syntax.output()).isZero();
        }
        List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "--severity=style", "--format=gcc"));
        shellcheck.addAll(scripts);
        Tools.Result lint = Tools.run(shellcheck);
        assertThat(lint.output()).as("shellcheck findings for " + c).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    /** The project's own scripts too: the test command, the QEMU harness and its scenarios, the benchmarks. */
    @org.junit.jupiter.api.Test
    void theProjectsOwnScriptsPassShellcheck() throws Exception {
        List<String> scripts = new ArrayList<>();
        for (String dir : List.of("src/test/vm", "src/test/vm/scenarios", "src/test/bench", "src/test", ".ci")) {
            try (var files = Files.list(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".sh") || f.getFileName().toString().equals("run"))
                        .forEach(f -> scripts.add(f.toString()));
            }
        }
        assertThat(scripts).contains("src/test/vm/lab-vm.sh", "src/test/vm/scenarios/jar-seed.sh", ".ci/run");
        List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "-x", "--severity=style", "--format=gcc"));
        shellcheck.addAll(scripts);
        Tools.Result lint = Tools.run(shellcheck);
        assertThat(lint.output()).as("shellcheck findings").isEmpty();
        assertThat(lint.exitCode()).isZero();
    }
}
