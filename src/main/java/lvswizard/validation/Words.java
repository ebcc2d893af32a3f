package lvswizard.validation;

import lvswizard.text.Message;

/** The validator's wording (lvswizard/validation/findings_*.properties). */
final class Words {
    static final Message.Bundle FINDINGS = Message.Bundle.named("lvswizard.validation.findings");

    private Words() {
    }

    static Message of(String key, Object... args) {
        return FINDINGS.of(key, args);
    }
}
