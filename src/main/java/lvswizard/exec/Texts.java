package lvswizard.exec;

import lvswizard.text.Message;

/** This package's wording for the operator (lvswizard/exec/texts_*.properties): how a command ended. */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.exec.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
