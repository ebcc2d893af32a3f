package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowManager;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.List;

/**
 * The GUI every full-screen session runs on: the one place that takes Ctrl-C. It sees each key
 * before any window does, so Ctrl-C leaves from anywhere (a modal dialog inside a modal window, a
 * text field, which would otherwise type a "c") without every window having to know it. Ctrl-C
 * closes every window: each nested dialog loop returns its safe answer, and any window opened
 * after that (a caller's follow-up question) is never shown, so the session unwinds to its start,
 * which asks {@link #interrupted} and ends with "interrupted".
 */
final class InterruptibleGui extends MultiWindowTextGUI {
    private volatile boolean interrupted;
    /** Runs once, right after the first frame with a window reached the terminal; null after. */
    private Runnable afterFirstFrame;

    InterruptibleGui(Screen screen, WindowManager windows, Component background) {
        super(screen, windows, background);
    }

    /** Lanterna's defaults (the tests' virtual screens). */
    InterruptibleGui(Screen screen) {
        super(screen);
    }

    /** Whether Ctrl-C ended the session on {@code gui} (never, on a GUI that is not one of these). */
    static boolean interrupted(WindowBasedTextGUI gui) {
        return gui instanceof InterruptibleGui interruptible && interruptible.interrupted;
    }

    @Override
    public synchronized boolean handleInput(KeyStroke key) {
        if (KeyMap.isInterrupt(key)) {
            interrupt();
            return true;
        }
        return super.handleInput(key);
    }

    /** Closes every window, the modal ones first, and refuses new ones from now on. */
    synchronized void interrupt() {
        interrupted = true;
        List<Window> open = List.copyOf(getWindows());
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /**
     * Runs {@code action} on the GUI thread once the first frame that shows a window has been drawn
     * and flushed to the terminal: work that can wait must not delay what the operator sees first.
     */
    synchronized void afterFirstFrame(Runnable action) {
        afterFirstFrame = action;
    }

    @Override
    public synchronized void updateScreen() throws IOException {
        super.updateScreen();
        if (afterFirstFrame != null && !getWindows().isEmpty()) {
            Runnable action = afterFirstFrame;
            afterFirstFrame = null;
            action.run();
        }
    }

    @Override
    public synchronized WindowBasedTextGUI addWindow(Window window) {
        return interrupted ? this : super.addWindow(window);
    }
}
