package lvswizard.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import lvswizard.wizard.Format;

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
    /** The commands that go on to render scripts and write them with a manifest of their hashes. */
    static final Set<String> WRITERS = Set.of("generate", "run");

    /** Whether the command line names a command that reads a configuration (its first word). */
    static boolean wanted(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Starts the warm-up on a daemon thread (it never keeps the process alive) when {@link #wanted}. */
    static void startFor(String[] args) {
        if (wanted(args)) {
            Thread thread = new Thread(new ConfigWarmUp(WRITERS.contains(args[0])), THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private final boolean writes;

    private ConfigWarmUp(boolean writes) {
        this.writes = writes;
    }

    @Override
    public void run() {
        try {
            Validation validation = Validator.check(ConfigFile.builtInExample());
            if (writes) {
                // the templates compiled (the packaged ones are shared), the view's methods looked up,
                // the hash's provider loaded: a writing command's first file comes a hundred ms sooner
                for (RenderedFile file : Format.SCRIPTS.export().filesOnDemand(validation.plan(),
                        Export.Options.of(Flavour.IPROUTE2))) {
                    file.content();
                }
                MessageDigest.getInstance("SHA-256");
            }
        } catch (ConfigException | RuntimeException | NoSuchAlgorithmException e) {
            // only a head start: the command reports its own configuration's problems
        }
    }
}
