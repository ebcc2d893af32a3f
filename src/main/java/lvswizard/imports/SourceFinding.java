package lvswizard.imports;

import java.util.Locale;
import lvswizard.text.Message;
import lvswizard.validation.Severity;

/**
 * A lint rule that fired on a line of a source.
 *
 * @param rule  the rule (its severity and why)
 * @param where file:line
 * @param text  what is wrong there, naming the value
 */
public record SourceFinding(LintRule rule, String where, Message text) {
    public boolean isError() {
        return rule.severity() == Severity.ERROR;
    }

    /** "warning[vip-broadcast] director.sh:29: ... Why: ...", like the validator's lines. */
    public String toLine(Locale locale) {
        return Texts.of("lint.line", Texts.of("lint.severity." + rule.severity()), rule.id(), where, text, Texts.of("lint.why." + rule.id()))
                .format(locale);
    }
}
