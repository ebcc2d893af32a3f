package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package (target/lvs-wizard_VERSION_all.deb, built by mvn package) as Debian and an
 * operator see it: lintian, then, in a private mount namespace whose /usr, /var and /etc are
 * copy-on-write overlays (src/test/resources/deb/private-install.sh), dpkg -i, the command, its
 * man page and its bash completion, and dpkg -r leaving nothing behind. The host never changes.
 * Needs root and Debian's lintian, man-db and bash-completion (src/test/run-all.sh installs them);
 * without them it fails, naming what is missing.
 */
class DebPackageIT {
    static final Path DEB = Path.of(System.getProperty("lvs.deb", "target/lvs-wizard_0.1.0_all.deb"));
    private static final Path SCENARIO = Path.of("src/test/resources/deb/private-install.sh");
    private static final Path LAUNCHER = Path.of("src/deb/lvs-wizard.sh");

    /** The lintian warnings this package accepts, each with its reason (README "Installing the package"). */
    static final Map<String, String> ACCEPTED_WARNINGS = Map.of(
            "unknown-java-class-version", "jline's terminal classes for Java 22 and later (a multi-release jar's"
                    + " META-INF/versions/22): Java 17 never loads them; this lintian does not know class version 66");

    private static final List<String> TOOLS = List.of("lintian", "dpkg", "dpkg-deb", "dpkg-query", "unshare",
            "mount", "man", "bash", "shellcheck");
    private static final Path BASH_COMPLETION = Path.of("/usr/share/bash-completion/bash_completion");

    /** The scenario's steps by name, each with its exit code and output. */
    private static Map<String, Tools.Result> steps;

    @BeforeAll
    static void installUseAndRemoveInAPrivateRoot(@TempDir Path layers) throws Exception {
        List<String> missing = new ArrayList<>(TOOLS.stream().filter(tool -> !Tools.onPath(tool)).toList());
        if (!Files.isRegularFile(BASH_COMPLETION)) {
            missing.add(BASH_COMPLETION.toString());
        }
        assertThat(missing).as("tools the package test needs (as root: apt-get install lintian man-db bash-completion"
                + " shellcheck; src/test/run-all.sh does)").isEmpty();
        assertThat(Tools.run(List.of("id", "-u")).output().strip())
                .as("dpkg and the private mount namespace need root").isEqualTo("0");
        assertThat(DEB).as("mvn package builds the package before the integration tests").isRegularFile();
        Tools.Result run = Tools.run(List.of("unshare", "--mount", "sh", SCENARIO.toString(), DEB.toString(),
                layers.toString()));
        steps = ScenarioSteps.parse(run.output());
        assertThat(steps).as(run.output()).containsKey("changes-after-remove");
    }


    private static Tools.Result step(String name) {
        assertThat(steps).as("step " + name + " of " + SCENARIO).containsKey(name);
        return steps.get(name);
    }

    private static Tools.Result succeeded(String name) {
        Tools.Result result = step(name);
        assertThat(result.exitCode()).as(name + ":\n" + result.output()).isZero();
        return result;
    }

    @Test
    void lintianFindsNoErrorAndOnlyTheAcceptedWarnings() throws Exception {
        Tools.Result lintian = Tools.run(List.of("lintian", "--fail-on", "error", DEB.toString()));
        assertThat(lintian.exitCode()).as(lintian.output()).isZero();
        List<String> tags = lintian.output().lines().filter(line -> line.matches("[EW]: lvs-wizard: .*")).toList();
        assertThat(tags).as("lintian's errors").noneMatch(tag -> tag.startsWith("E: "));
        assertThat(tags.stream().map(tag -> tag.split(" ")[2]).toList()).as("lintian's warnings: " + tags)
                .isSubsetOf(ACCEPTED_WARNINGS.keySet());
    }

    @Test
    void controlFieldsAreAnOperatorsTool() throws Exception {
        Tools.Result fields = Tools.run(List.of("dpkg-deb", "-f", DEB.toString(), "Package", "Architecture",
                "Section", "Priority", "Depends", "Recommends", "Suggests"));
        assertThat(fields.output()).isEqualTo("""
                Package: lvs-wizard
                Architecture: all
                Section: admin
                Priority: optional
                Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless
                Recommends: ipvsadm, iproute2
                Suggests: keepalived
                """);
        String version = Tools.run(List.of("dpkg-deb", "-f", DEB.toString(), "Version")).output().strip();
        assertThat(Files.readAllLines(Path.of("src/deb/changelog")).get(0))
                .as("the changelog's newest entry is this version").startsWith("lvs-wizard (" + version + ") ");
    }

    @Test
    void installsTheJarLauncherManPageCompletionAndExamples() {
        succeeded("install");
        assertThat(succeeded("changes-after-install").output().lines())
                .as("the check that must find nothing after dpkg -r sees the installed files")
                .contains("/usr/bin/lvs-wizard", "/usr/share/lvs-wizard/lvs-wizard.jar",
                        "/usr/share/man/man1/lvs-wizard.1.gz", "/usr/share/bash-completion/completions/lvs-wizard",
                        "/usr/share/doc/lvs-wizard/copyright", "/usr/share/doc/lvs-wizard/changelog.gz",
                        "/usr/share/doc/lvs-wizard/examples/seed-dr.json",
                        "/usr/share/lvs-wizard/lvs-wizard.classlist");
    }

    @Test
    void theLauncherFindsJavaOrSaysWhyNotInOneLine() throws IOException, InterruptedException {
        assertThat(succeeded("version").output()).matches("lvs-wizard \\d+\\.\\d+\\.\\d+.*\\n");
        assertThat(succeeded("version-with-unusable-java-home").output())
                .as("a JAVA_HOME without java falls back to PATH").matches("lvs-wizard \\d+\\.\\d+\\.\\d+.*\\n");
        Tools.Result withoutJava = step("without-java");
        assertThat(withoutJava.exitCode()).as(withoutJava.output()).isEqualTo(2);
        assertThat(withoutJava.output()).hasLineCount(1).startsWith("lvs-wizard: needs Java 17 or later");
        Tools.Result shellcheck = Tools.run(List.of("shellcheck", "-s", "sh", LAUNCHER.toString()));
        assertThat(shellcheck.exitCode()).as(shellcheck.output()).isZero();
    }

    @Test
    void rootsFirstStartBuildsAPrivateClassDataArchiveThatTheNextStartMaps() {
        assertThat(succeeded("archive").output().lines()).as("built in the background after the first start")
                .hasSize(2).first().isEqualTo("root 700 /var/cache/lvs-wizard");
        assertThat(succeeded("archive").output().lines().skip(1))
                .allMatch(line -> line.matches("root 600 /var/cache/lvs-wizard/\\d+-\\d+\\.jsa"));
        assertThat(succeeded("loaded-from").output().strip()).isEqualTo("shared objects file");
    }

    @Test
    void manFindsAndRendersOnePageWithASectionPerCommand() {
        assertThat(succeeded("man-path").output().strip()).isEqualTo("/usr/share/man/man1/lvs-wizard.1.gz");
        String page = succeeded("man").output();
        assertThat(page).as("no groff warning").doesNotContain("warning:");
        assertThat(page.lines().map(String::strip)).contains("NAME", "SYNOPSIS", "OPTIONS", "COMMANDS",
                "LVS-WIZARD GENERATE", "LVS-WIZARD RUN", "LVS-WIZARD LAB UP", "NOTES");
        assertThat(page).contains("--templates=DIR", "Exit codes: 0 success");
    }

    @Test
    void bashCompletesASubcommandAndAnOption() {
        assertThat(succeeded("complete-subcommand").output().lines()).containsExactly("generate");
        assertThat(succeeded("complete-option").output().lines()).containsExactly("--force", "--format");
    }

    @Test
    void removalLeavesNothingBehind() {
        succeeded("remove");
        assertThat(step("status").output()).as("removed with nothing kept (no conffiles)")
                .contains("no packages found matching lvs-wizard");
        assertThat(succeeded("changes-after-remove").output()).isEmpty();
    }
}
