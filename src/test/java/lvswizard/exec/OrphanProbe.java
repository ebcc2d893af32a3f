package lvswizard.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link NoOrphanTest}: starts a command that leaves a grandchild, writes
 * the ready file once the runner tracks the child, then waits to be killed.
 */
public final class OrphanProbe {
    private OrphanProbe() {
    }

    public static void main(String[] args) throws Exception {
        Thread run = new Thread(() -> new ExecRunner().run(Command.of("sh", "-c",
                "sleep 120 & echo $! > \"$1\"; wait", "sh", args[0]).withTimeout(Duration.ofMinutes(5))));
        run.start();
        while (ProcessTree.LIVE.size() == 0) {
            Thread.sleep(10);
        }
        Files.writeString(Path.of(args[1]), "ready\n");
        run.join();
    }
}
