package lvswizard.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints, made safe for a terminal in one place: a value from a file (a
 * name, an interface, a key, a path) may hold escape sequences that clear the screen or set the
 * title, or be 100,000 characters long. Control characters other than newline and tab are shown
 * as \xNN, and a line stops at {@value #MAX_LINE} characters with "...".
 */
public final class TerminalWriter extends FilterWriter {
    static final int MAX_LINE = 2000;
    private int column;

    private TerminalWriter(Writer out) {
        super(out);
    }

    /** {@code out} behind the guard. */
    public static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new TerminalWriter(out), true) {
            @Override
            public String toString() {
                return out.toString();
            }
        };
    }

    /** One value escaped as the guard would print it, newlines too (a prompt that a line editor prints itself). */
    public static String escape(String text) {
        return Quote.visible(text, "\t");
    }

    @Override
    public void write(int c) throws IOException {
        if (c == '\n') {
            column = 0;
            out.write(c);
            return;
        }
        if (column > MAX_LINE) {
            return;
        }
        if (column == MAX_LINE) {
            out.write("...");
            column++;
            return;
        }
        if (Quote.isControl(c) && c != '\t') {
            out.write(String.format("\\x%02x", c));
        } else {
            out.write(c);
        }
        column++;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }
}
