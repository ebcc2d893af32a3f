package lvswizard.tui;

import lvswizard.validation.Finding;
import lvswizard.wizard.Messages;

/** Localised wording of validator output: the rule's "why" in the operator's language when translated. */
final class Texts {
    private Texts() {
    }

    static String why(Messages m, Finding finding) {
        String key = "why." + finding.rule().id();
        return m.has(key) ? m.get(key) : finding.rule().why();
    }
}
