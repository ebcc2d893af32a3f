package lvswizard.wizard;

import java.util.Arrays;
import java.util.List;

/** How both wizards read a typed list (comma separated, blanks ignored) and show a typed value back. */
public final class Answers {
    private static final int MAX_SHOWN = 40;

    private Answers() {
    }

    public static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A typed value inside a message: quoted, control characters escaped, clipped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(MAX_SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_SHOWN) {
            out.append("...");
        }
        return out.append('"').toString();
    }
}
