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
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
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
