package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import com.googlecode.lanterna.gui2.TextGUIThread;

import java.util.function.Predicate;
import lvswizard.exec.Runner;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Step;

/** The wizard on Lanterna's virtual terminal: keys in, screen text out, no real terminal involved. */
final class VirtualScreen implements AutoCloseable {
    private static final long TIMEOUT_MS = 10_000;

    final DefaultVirtualTerminal terminal;
    final MultiWindowTextGUI gui;
    /** The wizard under test; null when the screen shows another window. */
    final WizardTui wizard;
    private final TerminalScreen screen;
    private final CompletableFuture<Object> ended = new CompletableFuture<>();
    /** Exceptions on the GUI thread; a test fails when there is any. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    /** The wizard on {@code draft}. */
    VirtualScreen(Draft draft, Messages messages, Runner runner, int columns, int rows) throws IOException {
        this(columns, rows, gui -> new WizardTui(gui, draft, messages, runner), true);
    }

    /** Any other window: {@code show} shows it on the GUI thread until it closes; {@link #result} is what it returns. */
    VirtualScreen(int columns, int rows, Function<MultiWindowTextGUI, Object> show) throws IOException {
        this(columns, rows, show, false);
    }

    private VirtualScreen(int columns, int rows, Function<MultiWindowTextGUI, Object> build, boolean isWizard)
            throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        CompletableFuture<MultiWindowTextGUI> built = new CompletableFuture<>();
        CompletableFuture<Object> session = new CompletableFuture<>();
        // Built on its own thread, as production does on main: a SameTextGUIThread, so that modal
        // dialogs run a nested event loop instead of blocking the only thread that handles input.
        Thread thread = new Thread(() -> {
            try {
                MultiWindowTextGUI g = new InterruptibleGui(screen);
                g.getGUIThread().setExceptionHandler(new TextGUIThread.ExceptionHandler() {
                    @Override
                    public boolean onIOException(IOException e) {
                        failures.add(e);
                        return false;
                    }

                    @Override
                    public boolean onRuntimeException(RuntimeException e) {
                        failures.add(e);
                        return false;
                    }
                });
                built.complete(g);
                Object shown = build.apply(g);
                session.complete(shown);
                ended.complete(shown instanceof WizardTui w ? w.run() : shown);
            } catch (Throwable t) {
                failures.add(t);
                built.completeExceptionally(t);
                session.completeExceptionally(t);
                ended.completeExceptionally(t);
            }
        }, "window-under-test");
        thread.setDaemon(true);
        thread.start();
        try {
            gui = built.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            wizard = isWizard ? (WizardTui) session.get(TIMEOUT_MS, TimeUnit.MILLISECONDS) : null;
        } catch (Exception e) {
            throw new IOException("the window did not start", e);
        }
    }

    VirtualScreen start() {
        return this;
    }

    WizardTui.Outcome outcome() throws Exception {
        return (WizardTui.Outcome) ended.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** What a window other than the wizard returned when it closed. */
    Object result() throws Exception {
        return ended.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Opens {@code step} as the step list does (on the GUI thread) and returns its view. */
    StepView goTo(Step step) throws Exception {
        return onGui(() -> {
            wizard.goTo(step);
            return wizard.view();
        });
    }

    /** Runs {@code action} on the GUI thread (where a modal dialog's loop runs) and returns what it gives. */
    <T> T onGui(Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        gui.getGUIThread().invokeAndWait(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** The screen as text, one line per row; a wide character's second cell is skipped. */
    String text() throws InterruptedException {
        sync();
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                TextCharacter c = terminal.getBufferCharacter(col, row);
                out.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    col++;
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of every row, one line per row. */
    String columns(int from, int to) throws InterruptedException {
        sync();
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = from; col < Math.min(to, size.getColumns()); col++) {
                TextCharacter c = terminal.getBufferCharacter(col, row);
                out.append(c.getCharacterString());
                if (c.isDoubleWidth()) {
                    col++;
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Waits until the screen shows {@code expected}; fails with the screen when it does not. */
    String waitFor(String expected) throws InterruptedException {
        return waitForAll(expected);
    }

    /**
     * Waits until one capture shows every text and returns it: a capture can land in the middle
     * of a frame, so tests wait for everything they assert rather than assert on one capture.
     */
    String waitForAll(String... expected) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        String text = text();
        while (!java.util.Arrays.stream(expected).allMatch(text::contains)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the screen never showed all of " + java.util.Arrays.toString(expected)
                        + ":\n" + text);
            }
            Thread.sleep(20);
            text = text();
        }
        return text;
    }

    /**
     * Waits until the screen, read as running text (borders, line breaks and runs of spaces gone),
     * contains {@code expected}: for messages that wrap.
     */
    String waitForFlat(String expected) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        String wanted = flat(expected);
        String text = text();
        while (!flat(text).contains(wanted)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the screen never showed \"" + expected + "\":\n" + text);
            }
            Thread.sleep(20);
            text = text();
        }
        return text;
    }

    /** Text without line breaks, box borders or runs of spaces: what a wrapped message reads as. */
    static String flat(String text) {
        return text.replaceAll("[│┌┐└┘─▲▼█▒◄►]", " ").replaceAll("\\s+", " ")
                .replaceAll("(\\p{IsHan}) (?=\\p{IsHan})", "$1").trim();
    }

    void waitUntilGone(String text) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (text().contains(text)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("the screen still shows \"" + text + "\":\n" + text());
            }
            Thread.sleep(20);
        }
    }

    void press(KeyType type) throws InterruptedException {
        terminal.addInput(new KeyStroke(type));
        settle();
    }

    void ctrl(char c) throws InterruptedException {
        terminal.addInput(new KeyStroke(c, true, false));
        settle();
    }

    void type(String text) throws InterruptedException {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        settle();
    }

    Interactable focused() throws InterruptedException {
        // asked on the GUI thread: a modal dialog's event loop holds the GUI's monitor while it runs
        Interactable[] focused = new Interactable[1];
        gui.getGUIThread().invokeLater(() -> {
            Window active = gui.getActiveWindow();
            focused[0] = active == null ? null : active.getFocusedInteractable();
        });
        sync();
        return focused[0];
    }

    /** Tabs until the focus is on what {@code wanted} accepts (at most 60 Tabs). */
    void tabTo(Predicate<Interactable> wanted, String what) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            if (wanted.test(focused())) {
                return;
            }
            press(KeyType.Tab);
        }
        throw new AssertionError("Tab never reached " + what + ":\n" + text());
    }

    /** Tabs to the button and presses it. */
    void click(String label) throws InterruptedException {
        tabToButton(label);
        press(KeyType.Enter);
    }

    void tabToButton(String label) throws InterruptedException {
        tabTo(i -> i instanceof Button b && b.getLabel().equals(label), "the button " + label);
    }

    private void settle() throws InterruptedException {
        Thread.sleep(15);
        sync();
    }

    /** Waits until the GUI thread has handled what is queued; a stuck GUI thread fails with a thread dump. */
    private void sync() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        gui.getGUIThread().invokeLater(done::countDown);
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!done.await(20, TimeUnit.MILLISECONDS)) {
            if (ended.isDone()) {
                return;
            }
            if (System.currentTimeMillis() < end) {
                continue;
            }
            StringBuilder dump = new StringBuilder("the GUI thread is stuck; failures=" + failures + "\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement element : stack) {
                    dump.append("    ").append(element).append('\n');
                }
            });
            throw new AssertionError(dump.toString());
        }
    }

    @Override
    public void close() throws IOException {
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("exceptions on the GUI thread: " + failures);
            failures.forEach(error::addSuppressed);
            throw error;
        }
        screen.stopScreen();
    }
}
