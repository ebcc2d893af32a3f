package lvswizard.exec;

/**
 * Runs commands given as values. The real one starts processes; tests use a fake that records
 * the commands and answers from a script.
 */
public interface Runner {
    /** Runs the command to its end; never throws for a failing command, see {@link Execution#ending()}. */
    Execution run(Command command, OutputListener listener);

    default Execution run(Command command) {
        return run(command, OutputListener.IGNORE);
    }

    /** Stops every command still running (and whatever they started). */
    default void cancelAll() {
    }
}
