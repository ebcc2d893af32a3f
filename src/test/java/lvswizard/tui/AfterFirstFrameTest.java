package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work that can wait (the warm-up) starts only once the first window is on the terminal. */
class AfterFirstFrameTest {
    @Test
    void runsOnceRightAfterTheFirstFrameWithAWindowReachedTheTerminal() throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(60, 12));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        InterruptibleGui gui = new InterruptibleGui(screen);
        List<String> seenByTheAction = new ArrayList<>();
        gui.afterFirstFrame(() -> seenByTheAction.add(text(terminal)));

        gui.updateScreen();
        assertThat(seenByTheAction).as("a frame without a window is not the first frame").isEmpty();

        BasicWindow window = new BasicWindow("Start");
        window.setComponent(new Label("What do you want to work on?"));
        gui.addWindow(window);
        assertThat(seenByTheAction).as("nothing runs before the frame is drawn").isEmpty();
        gui.updateScreen();
        assertThat(seenByTheAction).hasSize(1);
        assertThat(seenByTheAction.get(0)).as("the terminal already showed the window")
                .contains("What do you want to work on?");

        gui.updateScreen();
        assertThat(seenByTheAction).as("once").hasSize(1);
    }

    /** What the terminal shows (not the screen's back buffer): the frame has been flushed to it. */
    private static String text(DefaultVirtualTerminal terminal) {
        StringBuilder text = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                text.append(terminal.getBufferCharacter(column, row).getCharacterString());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
