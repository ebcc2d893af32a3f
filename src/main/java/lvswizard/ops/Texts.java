package lvswizard.ops;

import lvswizard.text.Message;

/** This package's wording for the operator (lvswizard/ops/texts_*.properties): the preflight, the doctor, the change list and a run. */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.ops.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
