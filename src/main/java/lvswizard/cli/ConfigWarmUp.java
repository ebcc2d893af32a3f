package lvswizard.cli;

import java.util.Set;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.validation.Validator;

/**
 * For a command that reads a configuration: Jackson, the validator and the address library load on
 * a second thread while the main thread builds picocli's model of the command line. Each costs a
 * few hundred milliseconds of class loading (Jackson builds and caches the deserialisers of every
 * configuration type on first use), and on two cores the two halves overlap. It reads the built-in
 * example, prints nothing, keeps nothing: the command reads its own configuration as before.
 */
final class ConfigWarmUp implements Runnable {
    static final String THREAD_NAME = "lvs-wizard-config-warm-up";
    /** The commands that read a configuration and validate it. */
    static final Set<String> COMMANDS = Set.of("validate", "generate", "show", "run", "doctor", "lab", "monitor");

    private ConfigWarmUp() {
    }

    /** Whether the command line names a command that reads a configuration (its first word). */
    static boolean wanted(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Starts the warm-up on a daemon thread (it never keeps the process alive) when {@link #wanted}. */
    static void startFor(String[] args) {
        if (wanted(args)) {
            Thread thread = new Thread(new ConfigWarmUp(), THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        try {
            Validator.check(ConfigFile.builtInExample());
        } catch (ConfigException | RuntimeException e) {
            // only a head start: the command reports its own configuration's problems
        }
    }
}
