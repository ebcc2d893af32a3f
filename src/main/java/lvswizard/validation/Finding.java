package lvswizard.validation;

/**
 * One thing the validator found.
 *
 * @param rule    the rule that fired (it carries the severity and why it matters)
 * @param path    the field, in the configuration file's terms: services[0].backends[1].port
 * @param message what is wrong, naming the value
 */
public record Finding(Rule rule, String path, String message) {
    public Severity severity() {
        return rule.severity();
    }

    public boolean isError() {
        return rule.severity() == Severity.ERROR;
    }

    /** One line: {@code error[dr-same-subnet] services[0]...: message. Why: ...} */
    public String toLine() {
        return severity() + "[" + rule.id() + "] " + path + ": " + message + ". Why: " + rule.why();
    }
}
