package lvswizard.tui;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every cell again after a resize, at once and twice more a moment later. While a terminal shrinks
 * it may reflow or scroll what was on it, and it may do so after the first redraw arrived (seen in
 * tmux below 80x24: the first line of the message went missing); a differential refresh would
 * leave that behind, and one complete refresh can race the terminal.
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
