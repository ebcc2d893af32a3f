package lvswizard.tui;

import lvswizard.config.ConfigException;
import lvswizard.validation.Validator;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Opening;

/**
 * Loads what the start screen's answers need while the operator reads it: the validator and the
 * address library (every step shows findings), and Jackson reading the how-to's example. The first
 * use of each costs a few hundred milliseconds of class loading that would otherwise come between a
 * key and the next frame. It runs once the start screen is on the terminal, on a thread of its own at
 * the lowest priority, so that it never delays that frame; nothing it computes is kept.
 */
final class WarmUp implements Runnable {
    static final String THREAD_NAME = "lvs-wizard-warm-up";

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread: it never keeps the process alive. */
    static void start() {
        Thread thread = new Thread(new WarmUp(), THREAD_NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        try {
            Validator.check(Edits.newCluster());
            Validator.check(Opening.example().cluster());
        } catch (ConfigException | RuntimeException e) {
            // only a head start: the same work fails again, and is reported, where it is needed
        }
    }
}
