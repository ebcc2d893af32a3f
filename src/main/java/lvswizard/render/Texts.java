package lvswizard.render;

import lvswizard.text.Message;

/** This package's wording for the operator (lvswizard/render/texts_*.properties): the topology's words, the needs' reasons. */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.render.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
