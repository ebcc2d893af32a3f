package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs before the wizard's first frame when the jar starts without arguments, seen from
 * outside in a real terminal (tmux): the JVM's class-loading log and every stty the process runs
 * (an stty that logs its arguments, first on PATH and given to Lanterna as its stty). The classes
 * loaded up to then must be in the launcher's class list, or its archive would not hold them.
 */
@Timeout(120)
class WizardStartTmuxIT {
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=\"$PWD/config\"";
    private static final String FIRST_FRAME = "nothing is written until you save.";
    private static final Path CLASS_LIST = Path.of("src/deb/lvs-wizard.classlist");

    @BeforeAll
    static void tmuxIsPresent() {
        assertThat(Tools.onPath("tmux")).as("tmux is required; the README's test command installs it").isTrue();
    }

    @Test
    void noArgumentsNoPicocliNoJacksonBeforeTheWarmUpAndOneSttyForTheSettings(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stty = bin.resolve("stty");
        Files.writeString(stty, "#!/bin/sh\necho \"$*\" >> \"" + dir.resolve("stty.log") + "\"\nexec /bin/stty \"$@\"\n");
        Files.setPosixFilePermissions(stty, PosixFilePermissions.fromString("rwxr-xr-x"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -Xlog:class+load:file=classes.log"
                + " -Dcom.googlecode.lanterna.terminal.UnixTerminal.sttyCommand=" + stty
                + " -jar " + Jar.JAR.toAbsolutePath();
        String command = "stty -a > before.txt; PATH=\"" + bin + ":$PATH\" " + ENV + " " + java
                + "; code=$?; stty -a > after.txt; echo EXIT=$code; sleep 120";
        try (Tmux tmux = new Tmux(dir, 100, 30, command)) {
            tmux.waitFor(FIRST_FRAME);
            List<String> sttyBeforeTheFrame = Files.readAllLines(dir.resolve("stty.log"));
            assertThat(sttyBeforeTheFrame).as("stty runs up to the first frame: save, then every setting at once")
                    .containsExactly("-g", "-icanon min 1 -echo intr undef susp undef quit undef -ixon");
            waitForTheWarmUpsJackson(dir.resolve("classes.log"));
            tmux.keys("F10");
            tmux.waitFor("EXIT=0");
        }
        assertThat(Files.readString(dir.resolve("after.txt"))).as("stty -a after the wizard")
                .isEqualTo(Files.readString(dir.resolve("before.txt")));

        List<String> loaded = Files.readAllLines(dir.resolve("classes.log")).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] *", "")).toList();
        assertThat(loaded).as("the start screen's frame").anyMatch(line -> line.startsWith("lvswizard.tui.StartChooser "));
        assertThat(loaded).as("picocli, in a session that opened the start screen and quit")
                .noneMatch(line -> line.startsWith("picocli."));
        int warmUp = indexOf(loaded, "lvswizard.tui.WarmUp ");
        assertThat(warmUp).as("the warm-up started (after the first frame: AfterFirstFrameTest)").isPositive();
        assertThat(loaded.subList(0, warmUp)).as("Jackson and the address library before the warm-up")
                .noneMatch(line -> line.startsWith("com.fasterxml.jackson.") || line.startsWith("inet.ipaddr."));
        assertThat(loaded.subList(warmUp, loaded.size())).as("the warm-up reads the how-to's example with Jackson")
                .anyMatch(line -> line.startsWith("com.fasterxml.jackson.databind."));

        Set<String> listed = Files.readAllLines(CLASS_LIST).stream().map(line -> line.replace('/', '.'))
                .collect(Collectors.toSet());
        List<String> missing = loaded.subList(0, warmUp).stream()
                // the jar's classes (which JDK classes load depends on the JVM's flags too)
                .filter(line -> line.contains(" source: file:"))
                .map(line -> line.substring(0, line.indexOf(' '))).filter(name -> !listed.contains(name)).toList();
        assertThat(missing).as("classes of the start screen missing from the launcher's class list: run "
                + "src/deb/make-classlist.sh").isEmpty();
    }

    /** Quitting at once would end the warm-up (a daemon thread) before it reads anything. */
    private static void waitForTheWarmUpsJackson(Path log) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (!Files.readString(log).contains("com.fasterxml.jackson.databind.ObjectMapper ")
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
