package lvswizard.ipvs;

import lvswizard.text.Message;

/** This package's wording for the operator (lvswizard/ipvs/texts_*.properties): the monitor report. */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.ipvs.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
