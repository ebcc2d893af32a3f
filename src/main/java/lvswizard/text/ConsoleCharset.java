package lvswizard.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * The encoding of what lvs-wizard prints, from the locale the environment names (LC_ALL, then
 * LC_CTYPE, then LANG, as the C library reads them) rather than the JVM's: with LANG=zh_CN.UTF-8 on
 * a host without that locale the JVM falls back to ASCII and Chinese came out as question marks,
 * while the terminal reads UTF-8. A locale that names no encoding (C, POSIX) or ASCII gets UTF-8,
 * as the full-screen wizard and line mode write; another encoding it names (GB18030) is kept.
 */
public final class ConsoleCharset {
    private ConsoleCharset() {
    }

    /** This process's: read from its environment once, for every writer and terminal that prints. */
    public static Charset current() {
        return Current.CHARSET;
    }

    private static final class Current {
        static final Charset CHARSET = of(System.getenv());
    }

    public static Charset of(Map<String, String> env) {
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        int dot = locale.indexOf('.');
        if (dot < 0) {
            return StandardCharsets.UTF_8;
        }
        int at = locale.indexOf('@', dot);
        String codeset = locale.substring(dot + 1, at < 0 ? locale.length() : at);
        try {
            Charset named = Charset.forName(codeset);
            return named.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : named;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // utf8 is Java's UTF-8 too; a name Java does not know leaves the common case
            return StandardCharsets.UTF_8;
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
