package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import lvswizard.render.Version;
import lvswizard.text.ConsoleCharset;
import lvswizard.text.TerminalWriter;

/**
 * The jar's entry point (its manifest's Main-Class). Without arguments the wizard starts without
 * picocli: building the command line's model (every command's options, by reflection) is about a
 * fifth of the time to the wizard's first frame. Everything else goes through {@link Main}, a
 * command that reads a configuration with Jackson warming up beside it ({@link ConfigWarmUp}).
 *
 * <p>This class names no picocli type: the java launcher looks up {@code main} through reflection
 * over every method of the main class, which loads each type in their signatures.
 */
public final class Entry {
    private Entry() {
    }

    public static void main(String[] args) {
        if (asksForTheVersionAlone(args)) {
            // picocli's answer, without its model of every command (most of --version's time)
            System.out.println(versionLine());
            System.exit(ExitCodes.OK);
        }
        ConfigWarmUp.startFor(args);
        Charset console = ConsoleCharset.current();
        PrintWriter err = new PrintWriter(System.err, true, console);
        System.exit(args.length == 0 ? WizardStart.run(null, null, false, TerminalWriter.guard(err))
                : Main.execute(args, new PrintWriter(System.out, true, console), err));
    }

    /** lvs-wizard --version (or -V) and nothing else. */
    static boolean asksForTheVersionAlone(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** What --version prints: picocli's version provider answers with this too. */
    static String versionLine() {
        return "lvs-wizard " + Version.current();
    }
}
