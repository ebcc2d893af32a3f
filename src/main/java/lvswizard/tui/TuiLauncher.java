package lvswizard.tui;

import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.TextGUIThread;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lvswizard.exec.ExecRunner;
import lvswizard.exec.Runner;
import lvswizard.text.ConsoleCharset;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Recent;

/**
 * Runs the wizard on the real terminal and guarantees the terminal comes back sane on every exit
 * path: Finish, quit, Ctrl-C (trapped as a key), SIGTERM (shutdown hook) and exceptions. Ctrl-Z,
 * Ctrl-\ (the JVM's thread dump) and flow control (XON/XOFF) are off while the wizard runs, and come
 * back as they were.
 */
public final class TuiLauncher {
    /**
     * The stty settings while the screen is up, set with Lanterna's own after it took the wizard's
     * saved settings as the ones to restore (so that its own restore brings them back too). Ctrl-Z would stop a raw-mode program and garble the
     * terminal. Ctrl-\ would send SIGQUIT, on which the JVM writes a thread dump to its stdout, over
     * the screen: a program cannot take that signal from the JVM (sun.misc.Signal refuses QUIT
     * unless the JVM was started with -Xrs, which a jar's manifest cannot ask for, and -Xrs would
     * also stop the shutdown hooks that restore the terminal on SIGTERM), so the terminal does not
     * send it. With flow control on, the terminal takes Ctrl-S (save) for XOFF and freezes until
     * Ctrl-Q. (Ctrl-C is already a key: Lanterna turns intr off.)
     */
    private static final String[] KEYS_NOT_SIGNALS = {"susp", "undef", "quit", "undef", "-ixon"};

    private TuiLauncher() {
    }

    /** A full-screen session on the GUI; returns the process exit code. */
    @FunctionalInterface
    public interface Session {
        int run(MultiWindowTextGUI gui);
    }

    /**
     * The wizard on {@code draft}, or on what the start screen chooses when it is null. The exit code:
     * 0 finished or quit, 130 Ctrl-C, 70 an internal error (reported in one line). What was written
     * and what to do next is printed once the terminal is back, so that it stays on the screen.
     */
    public static int launch(Draft draft, Messages messages, Recent recent) {
        String[] farewell = {null};
        int code = launch(gui -> {
            Runner runner = new ExecRunner();
            if (draft == null && gui instanceof InterruptibleGui interruptible) {
                // what the start screen's answers need loads while the operator reads it (a lambda, not
                // WarmUp::start, which would load the class now: its loading marks the warm-up's start)
                interruptible.afterFirstFrame(() -> WarmUp.start());
            }
            StartChooser.Choice choice = draft != null ? new StartChooser.Choice(draft, false)
                    : StartChooser.choose(gui, messages, recent, runner);
            Draft start = choice.draft();
            if (start == null) {
                return choice.interrupted() ? 130 : 0;
            }
            WizardTui wizard = new WizardTui(gui, start, messages, runner, recent);
            if (choice.imported()) {
                wizard.startsUnsaved();
            }
            WizardTui.Outcome outcome = wizard.run();
            farewell[0] = wizard.farewell();
            return outcome == WizardTui.Outcome.INTERRUPTED ? 130 : 0;
        });
        if (farewell[0] != null && code == 0) {
            new PrintWriter(System.out, true, ConsoleCharset.current()).println(farewell[0]);
        }
        return code;
    }

    /** Runs the session on the real terminal; 70 (reported in one line) when it fails. */
    public static int launch(Session session) {
        String sttyBefore = stty("-g");
        Screen[] screen = new Screen[1];
        Thread restore = new Thread(() -> stop(screen[0], sttyBefore), "lvs-wizard-terminal-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            // one stty run for Lanterna's settings and the wizard's: each run is a process start
            Terminal terminal = SttyBatchingTerminal.open(System.in, System.out, ConsoleCharset.current(),
                    sttyBefore == null || sttyBefore.isBlank() ? null : sttyBefore.trim(), TuiLauncher::stty, KEYS_NOT_SIGNALS);
            screen[0] = new TerminalScreen(terminal);
            screen[0].startScreen();
            Screen started = screen[0];
            return runOn(started, session, System.err, () -> {
                stop(started, sttyBefore);
                screen[0] = null;
            });
        } catch (IOException | RuntimeException e) {
            stop(screen[0], sttyBefore);
            screen[0] = null;
            System.err.println("lvs-wizard: the terminal wizard stopped: " + e
                    + " (try: java -jar lvs-wizard.jar --line)");
            return 70;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to undo
            }
        }
    }

    /**
     * Runs the session on a started screen. Whatever goes wrong inside (an exception on the GUI
     * thread or out of the session) closes the windows, {@code restore} gives the terminal back,
     * and only then one line goes to {@code err}: never a stack trace over the screen.
     */
    static int runOn(Screen screen, Session session, PrintStream err, Runnable restore) {
        Throwable[] failure = new Throwable[1];
        int code;
        try {
            MultiWindowTextGUI gui = new InterruptibleGui(screen, new DefaultWindowManager(), new EmptySpace());
            gui.getGUIThread().setExceptionHandler(new TextGUIThread.ExceptionHandler() {
                @Override
                public boolean onIOException(IOException e) {
                    return closeAll(e);
                }

                @Override
                public boolean onRuntimeException(RuntimeException e) {
                    return closeAll(e);
                }

                private boolean closeAll(Exception e) {
                    failure[0] = e;
                    gui.getWindows().forEach(com.googlecode.lanterna.gui2.Window::close);
                    return false;
                }
            });
            code = session.run(gui);
        } catch (RuntimeException e) {
            failure[0] = e;
            code = 70;
        }
        restore.run();
        if (failure[0] != null) {
            err.println("lvs-wizard: the terminal wizard stopped: " + failure[0]
                    + " (try: java -jar lvs-wizard.jar --line)");
            return 70;
        }
        return code;
    }

    private static synchronized void stop(Screen screen, String sttyBefore) {
        if (screen != null) {
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException ignored) {
                // the terminal may already be gone; stty below still restores the line settings
            }
        }
        if (sttyBefore != null && !sttyBefore.isBlank()) {
            stty(sttyBefore.trim());
        }
    }

    /** Runs stty on the controlling terminal; returns its output, or null when there is none. */
    private static String stty(String... args) {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return null;
        }
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
