package lvswizard.ops;

import java.util.Locale;
import lvswizard.text.Message;

/** Something on this host stops an operation; the message is one line saying what and the fix, in any language. */
public class OpsException extends Exception {
    private final transient Message text;

    public OpsException(Message text) {
        super(text.english());
        this.text = text;
    }

    public Message text() {
        return text;
    }

    /** The message in {@code locale}'s language ({@link #getMessage()} is the English one). */
    public String message(Locale locale) {
        return text.format(locale);
    }
}
