package lvswizard.render;

/** Shell quoting: every value that reaches a generated script goes through here. */
public final class Shell {
    private Shell() {
    }

    /** One single-quoted shell word; embedded single quotes become '\'' so nothing is ever expanded. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
