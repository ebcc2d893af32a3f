package lvswizard.exec;

import java.time.Duration;

/** Run in a child JVM by {@link NoOrphanTest}: starts a command that leaves a grandchild, then waits to be killed. */
public final class OrphanProbe {
    private OrphanProbe() {
    }

    public static void main(String[] args) {
        new ExecRunner().run(Command.of("sh", "-c", "sleep 120 & echo $! > \"$1\"; wait", "sh", args[0])
                .withTimeout(Duration.ofMinutes(5)));
    }
}
