package lvswizard.exec;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param command   what ran
 * @param exitCode  its exit code (-1 when it was killed or never started)
 * @param stdout    everything it wrote on standard output
 * @param stderr    everything it wrote on standard error
 * @param duration  from start to end
 * @param ending    normal, timed out, cancelled, or failed to start
 */
public record Execution(Command command, int exitCode, String stdout, String stderr, Duration duration,
                        Ending ending) {
    public enum Ending { EXITED, TIMED_OUT, CANCELLED, NOT_STARTED }

    public boolean succeeded() {
        return ending == Ending.EXITED && exitCode == 0;
    }

    /** "exit 0", "exit 3", "timed out after 30 s", "cancelled", "not started: ..." (the command log's words). */
    public String summary() {
        return ended().english();
    }

    /** {@link #summary()} in no language yet. */
    public lvswizard.text.Message ended() {
        return switch (ending) {
            case EXITED -> Texts.of("ended.exit", exitCode);
            case TIMED_OUT -> Texts.of("ended.timed-out", command.timeout().toSeconds());
            case CANCELLED -> Texts.of("ended.cancelled");
            case NOT_STARTED -> Texts.of("ended.not-started", stderr.strip());
        };
    }
}
