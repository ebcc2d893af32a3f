package lvswizard.validation;

import java.util.List;
import java.util.Locale;
import lvswizard.text.Message;

/** The line after a list of findings: "seed-dr.json: 0 errors, 1 warning", in the reader's language. */
public final class Summary {
    private Summary() {
    }

    public static String line(String source, List<Finding> findings, Locale locale) {
        long errors = findings.stream().filter(Finding::isError).count();
        return line(source, errors, findings.size() - errors, locale);
    }

    public static String line(String source, long errors, long warnings, Locale locale) {
        return Words.of("summary", source, count("error", errors), count("warning", warnings)).format(locale);
    }

    /** "2 errors, 1 warning" alone, for a line that names its source otherwise. */
    public static Message counts(long errors, long warnings) {
        return Words.of("summary.counts", count("error", errors), count("warning", warnings));
    }

    private static Message count(String what, long n) {
        return Words.of("count." + what + (n == 1 ? ".one" : ".many"), String.valueOf(n));
    }
}
