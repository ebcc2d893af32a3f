package lvswizard.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import lvswizard.text.Quote;

/** Text from a configuration, made safe and short enough for one cell of the screen. */
final class Texts {
    private Texts() {
    }

    /** Control characters escaped (\x1b), so that a value from a file can never drive the terminal. */
    static String visible(String text) {
        return text == null ? "" : Quote.visible(text, "");
    }

    /** Each line made {@link #visible}: the line breaks stay. */
    static String visibleLines(String text) {
        return Quote.visible(text, "\n");
    }

    /** At most {@code columns} columns (a CJK character takes two), "..." where it was cut. */
    static String fit(String text, int columns) {
        String safe = visible(text);
        return TerminalTextUtils.getColumnWidth(safe) <= columns ? safe
                : TerminalTextUtils.fitString(safe, columns - 3) + "...";
    }
}
