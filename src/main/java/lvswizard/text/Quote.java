package lvswizard.text;

/** Shows an untrusted value inside a one-line message: quoted, control characters escaped, clipped. */
public final class Quote {
    private static final int MAX = 60;

    private Quote() {
    }

    public static String forMessage(String value) {
        return "\"" + clip(value) + "\"";
    }

    /** Control characters escaped (\x1b); newlines and tabs kept, as a message may span lines. */
    public static String visible(String value) {
        return visible(value, "\n\t");
    }

    /**
     * Every control character escaped (\x1b) except the whitespace in {@code kept}: the one escaping
     * of values shown on a terminal, by the command line's guard, line mode, messages and the wizard.
     */
    public static String visible(String value, String kept) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (isControl(c) && kept.indexOf(c) < 0) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A C0 or C1 control character, or DEL: what can drive a terminal. */
    static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f;
    }

    public static String clip(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > MAX ? out + "..." : out.toString();
    }
}
