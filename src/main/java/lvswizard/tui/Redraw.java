package lvswizard.tui;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * After a resize: the terminal's size asked again and every cell drawn again, at once and twice
 * more a moment later. While a terminal shrinks it may report a size it is only passing through
 * (seen in tmux: 3x20 on the way to 70x20, and no further signal came), and it may reflow or scroll
 * what was on it after the first redraw arrived (the first line of the message went missing); one
 * answer and one differential refresh can race the terminal.
 */
final class Redraw {
    private static final long[] DELAYS_MS = {0, 150, 600};
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lvs-wizard-redraw");
        thread.setDaemon(true);
        return thread;
    });

    private Redraw() {
    }

    static void afterResize(WindowBasedTextGUI gui) {
        for (long delay : DELAYS_MS) {
            TIMER.schedule(() -> complete(gui), delay, TimeUnit.MILLISECONDS);
        }
    }

    private static void complete(WindowBasedTextGUI gui) {
        try {
            gui.getGUIThread().invokeLater(() -> {
                try {
                    if (gui.getScreen() instanceof TerminalScreen screen) {
                        // asks the terminal for its size; a new answer lays the windows out again
                        screen.getTerminal().getTerminalSize();
                    }
                    gui.updateScreen();
                    gui.getScreen().refresh(Screen.RefreshType.COMPLETE);
                } catch (IOException | RuntimeException e) {
                    // the session is ending: nothing left to draw on
                }
            });
        } catch (IllegalStateException stopped) {
            // the GUI thread has stopped: nothing left to draw on
        }
    }
}
