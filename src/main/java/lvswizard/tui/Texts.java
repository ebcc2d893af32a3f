package lvswizard.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.Arrays;

/** Text from a configuration, made safe and short enough for one cell of the screen. */
final class Texts {
    private Texts() {
    }

    /** Control characters escaped (\x1b), so that a value from a file can never drive the terminal. */
    static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Each line made {@link #visible}: the line breaks stay. */
    static String visibleLines(String text) {
        return String.join("\n", Arrays.stream(text.split("\n", -1)).map(Texts::visible).toList());
    }

    /** At most {@code columns} columns (a CJK character takes two), "..." where it was cut. */
    static String fit(String text, int columns) {
        String safe = visible(text);
        return TerminalTextUtils.getColumnWidth(safe) <= columns ? safe
                : TerminalTextUtils.fitString(safe, columns - 3) + "...";
    }
}
