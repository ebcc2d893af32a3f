package lvswizard.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Lanterna's UnixTerminal with its start-up stty runs gathered into one. Lanterna runs stty five
 * times while it opens the terminal (save, -icanon, min 1, -echo, intr undef), each a process
 * started through the JVM's spawn helper; here it reads the settings the wizard already saved, and
 * the changes are collected and applied by the caller in one stty run with the wizard's own. After
 * start-up every stty run (Lanterna's restore on close) goes to the terminal as before.
 */
final class SttyBatchingTerminal extends UnixTerminal {
    /**
     * What Lanterna's constructor asks for while it opens the terminal. UnixTerminal acquires the
     * terminal inside its constructor, before this class's own fields exist, so the collection is
     * handed over per thread for the constructor's duration.
     */
    private static final ThreadLocal<Batch> OPENING = new ThreadLocal<>();

    private final Batch batch;

    private SttyBatchingTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        batch = OPENING.get();
    }

    /**
     * Opens the terminal (Ctrl-C trapped as a key) with {@code saved} as the settings Lanterna restores
     * on close, then runs {@code stty} once with Lanterna's changes followed by {@code more}.
     */
    static SttyBatchingTerminal open(InputStream in, OutputStream out, Charset charset, String saved,
                                     Function<String[], String> stty, String... more) throws IOException {
        Batch opening = new Batch(saved);
        OPENING.set(opening);
        SttyBatchingTerminal terminal;
        try {
            terminal = new SttyBatchingTerminal(in, out, charset);
        } finally {
            OPENING.remove();
        }
        opening.settings.addAll(Arrays.asList(more));
        stty.apply(opening.settings.toArray(String[]::new));
        opening.applied = true;
        return terminal;
    }

    /** The settings collected for the one run, in Lanterna's order (tests). */
    List<String> batchedSettings() {
        return List.copyOf(batch.settings);
    }

    @Override
    protected String runSTTYCommand(String... parameters) throws IOException {
        Batch opening = batch != null ? batch : OPENING.get();
        if (opening == null || opening.applied) {
            return super.runSTTYCommand(parameters);
        }
        if (parameters.length == 1 && parameters[0].equals("-g")) {
            return opening.saved;
        }
        opening.settings.addAll(Arrays.asList(parameters));
        return "";
    }

    /** The settings Lanterna saved (the wizard's) and the changes it asked for while opening. */
    private static final class Batch {
        final String saved;
        final List<String> settings = new ArrayList<>();
        boolean applied;

        /** Without saved settings (no terminal to ask) Lanterna runs its own stty as it would. */
        Batch(String saved) {
            this.saved = saved;
            this.applied = saved == null;
        }
    }
}
