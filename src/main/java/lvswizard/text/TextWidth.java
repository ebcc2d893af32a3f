package lvswizard.text;

/**
 * How many terminal cells a text takes: Chinese (and other East Asian wide) characters take two.
 * Columns of a report padded by {@code String.length()} fall apart as soon as a heading is Chinese.
 */
public final class TextWidth {
    private TextWidth() {
    }

    public static int of(String text) {
        int cells = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            cells += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return cells;
    }

    /** The text followed by spaces up to {@code cells}; one space at least when it is that wide already. */
    public static String padRight(String text, int cells) {
        int width = of(text);
        return width >= cells ? text + " " : text + " ".repeat(cells - width);
    }

    /** Spaces, then the text, {@code cells} wide (the text alone when it is wider). */
    public static String padLeft(String text, int cells) {
        return " ".repeat(Math.max(0, cells - of(text))) + text;
    }

    /** The text followed by spaces up to exactly {@code cells} when narrower (no extra space). */
    public static String fill(String text, int cells) {
        return text + " ".repeat(Math.max(0, cells - of(text)));
    }

    /** The longest start of the text that takes at most {@code cells}. */
    public static String clip(String text, int cells) {
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            used += wide(c) ? 2 : 1;
            if (used > cells) {
                return text.substring(0, i);
            }
            i += Character.charCount(c);
        }
        return text;
    }

    /** East Asian Wide and Fullwidth ranges (Unicode UAX #11), enough for CJK text and its punctuation. */
    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0x303E || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD;
    }
}
