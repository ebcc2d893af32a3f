package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every exit path gives the terminal back first and reports in one line, never with a stack trace. */
@org.junit.jupiter.api.Timeout(30)
class TuiLauncherTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8) {
        @Override
        public void println(String x) {
            events.add("reported");
            super.println(x);
        }
    };

    private TerminalScreen screen() throws Exception {
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        screen.startScreen();
        return screen;
    }

    @Test
    void anExceptionOnTheGuiThreadClosesTheWindowsRestoresThenReportsOneLine() throws Exception {
        TerminalScreen screen = screen();
        int code = TuiLauncher.runOn(screen, gui -> {
            BasicWindow window = new BasicWindow("w");
            window.setComponent(new Label("x"));
            gui.getGUIThread().invokeLater(() -> {
                throw new IllegalStateException("boom in a step");
            });
            gui.addWindowAndWait(window);
            events.add("windows closed: " + gui.getWindows().isEmpty());
            return 0;
        }, err, () -> events.add("restored"));
        assertThat(code).isEqualTo(70);
        assertThat(events).containsExactly("windows closed: true", "restored", "reported");
        String message = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(message).isEqualTo("lvs-wizard: the terminal wizard stopped: java.lang.IllegalStateException: "
                + "boom in a step (try: java -jar lvs-wizard.jar --line)\n");
        assertThat(message).doesNotContain("\tat ");
    }

    @Test
    void anExceptionOutOfTheSessionIsReportedTheSameWay() throws Exception {
        int code = TuiLauncher.runOn(screen(), gui -> {
            throw new IllegalArgumentException("bad draft");
        }, err, () -> events.add("restored"));
        assertThat(code).isEqualTo(70);
        assertThat(events).containsExactly("restored", "reported");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith(
                "lvs-wizard: the terminal wizard stopped: java.lang.IllegalArgumentException: bad draft");
    }

    @Test
    void aNormalEndRestoresAndPassesTheCodeThrough() throws Exception {
        int code = TuiLauncher.runOn(screen(), gui -> 130, err, () -> events.add("restored"));
        assertThat(code).isEqualTo(130);
        assertThat(events).containsExactly("restored");
        assertThat(errBytes.size()).isZero();
    }
}
