package lvswizard.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLogTest {
    @Test
    void everyCommandIsRecordedInOrderWithExitAndDurationAndAppendedToTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/commands.log");
        CommandLog log = new CommandLog(file, Clock.fixed(Instant.parse("2026-11-24T23:10:01.5Z"), ZoneOffset.UTC));
        List<String> notified = new ArrayList<>();
        log.onEntry(e -> notified.add(e.execution().command().display()));
        FakeRunner fake = new FakeRunner().answer("ipvsadm -S -n", 0, "").answer("ipvsadm -e -t 1.2.3.4:80", 2, "");
        Runner logged = log.around(fake);
        logged.run(Command.of("ipvsadm", "-S", "-n"));
        logged.run(Command.of("ipvsadm", "-e", "-t", "1.2.3.4:80"));
        assertThat(log.entries()).hasSize(2);
        assertThat(notified).containsExactly("ipvsadm -S -n", "ipvsadm -e -t 1.2.3.4:80");
        assertThat(Files.readAllLines(file)).containsExactly(
                "2026-11-24T23:10:01Z  exit 0        3 ms  ipvsadm -S -n",
                "2026-11-24T23:10:01Z  exit 2        3 ms  ipvsadm -e -t 1.2.3.4:80");
        new CommandLog(file).around(fake).run(Command.of("ipvsadm", "-S", "-n"));
        assertThat(Files.readAllLines(file)).as("appended, never truncated").hasSize(3);
    }

    @Test
    void aTimedOutCommandIsLoggedAsSuchWithItsQuotedArguments() {
        CommandLog log = new CommandLog(null);
        Command command = Command.of("sh", "-c", "sleep 5; echo 'x'");
        log.around((c, l) -> new Execution(c, -1, "", "", java.time.Duration.ofSeconds(30),
                Execution.Ending.TIMED_OUT)).run(command);
        assertThat(log.entries().get(0).toLine()).endsWith("timed_out  30000 ms  sh -c 'sleep 5; echo '\\''x'\\'''");
    }

    @Test
    void anUnwritableLogFileKeepsTheEntriesAndSaysWhyInsteadOfFailingTheCommand(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        CommandLog log = new CommandLog(notADirectory.resolve("commands.log"));
        Execution run = log.around(new FakeRunner().answer("ipvsadm -S -n", 0, "")).run(Command.of("ipvsadm", "-S", "-n"));
        assertThat(run.succeeded()).isTrue();
        assertThat(log.entries()).hasSize(1);
        assertThat(log.fileProblem()).startsWith("cannot append to the command log " + notADirectory.resolve("commands.log"));
    }

    /** run appends as root: a link planted as commands.log must not make it write where the link points. */
    @Test
    void aLogThatIsASymbolicLinkIsNotFollowed(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("shadow"), "root:x:0:0\n");
        Path link = Files.createSymbolicLink(dir.resolve("commands.log"), target);
        CommandLog log = new CommandLog(link);
        Execution run = log.around(new FakeRunner().answer("ipvsadm -S -n", 0, "")).run(Command.of("ipvsadm", "-S", "-n"));
        assertThat(run.succeeded()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("root:x:0:0\n");
        assertThat(log.fileProblem()).isEqualTo("the command log " + link + " is a symbolic link: nothing was appended"
                + " (a link there could point a run as root at any file)");
    }
}
