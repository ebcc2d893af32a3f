package lvswizard.ansible;

/** YAML scalars written by the Ansible export: every value double-quoted, so no name or address is read as a number, a boolean or markup. */
final class Yaml {
    private Yaml() {
    }

    /** A double-quoted YAML scalar: "1e3", "true", "no" or "01" stay the text they are. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
