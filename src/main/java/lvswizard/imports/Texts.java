package lvswizard.imports;

import lvswizard.text.Message;

/** This package's wording (lvswizard/imports/texts_*.properties): what an import took, left and could not read. */
final class Texts {
    static final Message.Bundle BUNDLE = Message.Bundle.named("lvswizard.imports.texts");

    private Texts() {
    }

    static Message of(String key, Object... args) {
        return BUNDLE.of(key, args);
    }
}
