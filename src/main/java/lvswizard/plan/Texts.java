package lvswizard.plan;

import lvswizard.text.Message;

/**
 * This package's wording for the operator (lvswizard/plan/texts_*.properties): why an address is
 * not one, why a role sets a kernel setting, a service's name.
 */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.plan.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
