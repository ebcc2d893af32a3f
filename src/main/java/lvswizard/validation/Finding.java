package lvswizard.validation;

import java.util.Locale;
import lvswizard.text.Message;

/**
 * One thing the validator found.
 *
 * @param rule the rule that fired (it carries the severity and why it matters)
 * @param path the field, in the configuration file's terms: services[0].backends[1].port
 * @param text what is wrong, naming the value, in no language yet: see {@link #message(Locale)}
 */
public record Finding(Rule rule, String path, Message text) {
    public Severity severity() {
        return rule.severity();
    }

    public boolean isError() {
        return rule.severity() == Severity.ERROR;
    }

    /** What is wrong, in English (the command line's language). */
    public String message() {
        return text.english();
    }

    /** What is wrong, in {@code locale}'s language (Chinese for zh, English otherwise). */
    public String message(Locale locale) {
        return text.format(locale);
    }

    /** One line: {@code error[dr-same-subnet] services[0]...: message. Why: ...} */
    public String toLine() {
        return toLine(Locale.ENGLISH);
    }

    /** {@link #toLine()} in {@code locale}'s language; severity, rule id and path stay as they are. */
    public String toLine(Locale locale) {
        return Words.of("line", severity(), rule.id(), path, text, Words.of("why." + rule.id())).format(locale);
    }
}
