package lvswizard.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real runner on real processes (sh, cat, sleep): no root needed. */
class ExecRunnerTest {
    private final ExecRunner runner = new ExecRunner();

    @Test
    void argumentsArePassedExactlyAndOutputStreamsLineByLine() {
        List<String> seen = new ArrayList<>();
        Execution run = runner.run(Command.of("sh", "-c", "printf '%s\\n' \"$1\"; echo oops >&2; printf 'last'", "sh",
                "a b 'c' $HOME;x"), (stream, line) -> seen.add(stream + " " + line));
        assertThat(run.succeeded()).isTrue();
        assertThat(run.stdout()).isEqualTo("a b 'c' $HOME;x\nlast\n");
        assertThat(run.stderr()).isEqualTo("oops\n");
        assertThat(seen).contains("STDOUT a b 'c' $HOME;x", "STDERR oops", "STDOUT last");
    }

    @Test
    void stdinIsFedAndNonZeroExitIsReportedNotThrown() {
        Execution run = runner.run(Command.of("sh", "-c", "cat; exit 3").withStdin("-A -t 1.2.3.4:80 -s rr\n"));
        assertThat(run.ending()).isEqualTo(Execution.Ending.EXITED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("-A -t 1.2.3.4:80 -s rr\n");
        assertThat(run.summary()).isEqualTo("exit 3");
    }

    @Test
    void commandsRunWithTheCLocaleSoParsersSeeEnglish() {
        assertThat(runner.run(Command.of("sh", "-c", "echo $LC_ALL")).stdout()).isEqualTo("C\n");
    }

    @Test
    void aMissingProgramIsNotStarted() {
        Execution run = runner.run(Command.of("no-such-program-lvs-wizard"));
        assertThat(run.ending()).isEqualTo(Execution.Ending.NOT_STARTED);
        assertThat(run.summary()).startsWith("not started: ");
    }

    @Test
    void aTimeoutKillsTheWholeTreeNotOnlyTheChild(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        Execution run = runner.run(Command.of("sh", "-c", "sleep 60 & echo $! > \"$1\"; wait", "sh", pid.toString())
                .withTimeout(Duration.ofMillis(700)));
        assertThat(run.ending()).isEqualTo(Execution.Ending.TIMED_OUT);
        assertThat(run.summary()).isEqualTo("timed out after 0 s");
        long grandchild = Long.parseLong(Files.readString(pid).strip());
        assertThat(gone(grandchild)).as("the sleep the script started is gone too").isTrue();
        assertThat(run.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void cancelAllStopsARunningTreeAndSaysSo(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        CompletableFuture<Execution> running = CompletableFuture.supplyAsync(() -> runner.run(
                Command.of("sh", "-c", "sleep 60 & echo $! > \"$1\"; wait", "sh", pid.toString())
                        .withTimeout(Duration.ofSeconds(60))));
        for (int i = 0; i < 100 && (!Files.exists(pid) || Files.size(pid) == 0); i++) {
            Thread.sleep(50);
        }
        runner.cancelAll();
        Execution run = running.get(20, TimeUnit.SECONDS);
        assertThat(run.ending()).isEqualTo(Execution.Ending.CANCELLED);
        assertThat(gone(Long.parseLong(Files.readString(pid).strip()))).isTrue();
    }

    /** As the monitor's poll thread is stopped when the monitor closes: the wait is interrupted. */
    @Test
    void anInterruptedWaitKillsTheWholeTreeAndTheCallerStaysInterrupted(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("grandchild.pid");
        CompletableFuture<Execution> running = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            running.complete(runner.run(Command.of("sh", "-c", "sleep 60 & echo $! > \"$1\"; wait", "sh",
                    pid.toString()).withTimeout(Duration.ofSeconds(60))));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();
        for (int i = 0; i < 100 && (!Files.exists(pid) || Files.size(pid) == 0); i++) {
            Thread.sleep(50);
        }
        caller.interrupt();
        Execution run = running.get(20, TimeUnit.SECONDS);
        assertThat(run.ending()).isEqualTo(Execution.Ending.CANCELLED);
        assertThat(gone(Long.parseLong(Files.readString(pid).strip()))).as("the sleep the script started").isTrue();
        assertThat(stillInterrupted.get(5, TimeUnit.SECONDS)).as("the caller's thread still knows").isTrue();
    }

    private static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
