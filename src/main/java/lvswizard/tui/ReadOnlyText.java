package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.ArrayList;
import java.util.List;

/** A read-only, scrolling text box whose every line can be scrolled into view. */
final class ReadOnlyText {
    private ReadOnlyText() {
    }

    /**
     * Lanterna scrolls a read-only box as if its horizontal scroll bar were a row of text: with a
     * line wider than the box, its last line could never be shown (Review at 80x24 hid the last real
     * server of the last service). A blank line after the text takes the hidden row: a space, as
     * the box drops empty lines at the end of its text.
     */
    static TextBox of(TerminalSize size, List<String> lines) {
        TextBox box = new TextBox(size, text(lines, size.getColumns()));
        box.setReadOnly(true);
        return box;
    }

    /** The text to give a box of {@code columns} (see {@link #of}), for a box whose text changes. */
    static String text(List<String> lines, int columns) {
        List<String> shown = new ArrayList<>(lines);
        // the vertical scroll bar takes a column of its own
        if (shown.stream().anyMatch(line -> TerminalTextUtils.getColumnWidth(line) > columns - 1)) {
            shown.add(" ");
        }
        return String.join("\n", shown);
    }
}
