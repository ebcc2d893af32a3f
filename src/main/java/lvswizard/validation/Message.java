package lvswizard.validation;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Validator wording not yet in any language: a key of the bundles lvswizard/validation/findings_*.properties
 * (UTF-8, MessageFormat patterns: '' is a single quote) and its arguments. Each argument is literal text
 * (numbers too, so that 65535 is never written 65,535) or another Message, a word such as "weight" that
 * is translated with the sentence around it.
 */
public final class Message {
    private static final String BUNDLE = "lvswizard.validation.findings";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String key;
    private final List<Object> args;
    private final boolean clipped;

    private Message(String key, List<Object> args, boolean clipped) {
        this.key = Objects.requireNonNull(key);
        this.args = args;
        this.clipped = clipped;
    }

    /** The message at {@code key}; arguments other than Messages are kept as their text ("null" for null). */
    public static Message of(String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        for (Object arg : args) {
            list.add(arg instanceof Message ? arg : String.valueOf(arg));
        }
        return new Message(key, Collections.unmodifiableList(list), false);
    }

    /** The same message, shown escaped and clipped like an untrusted value (it may quote one). */
    static Message clipped(Message message) {
        return new Message(message.key, message.args, true);
    }

    public String key() {
        return key;
    }

    /** Strings and Messages. */
    public List<Object> args() {
        return args;
    }

    /** The text in {@code locale}'s language: Chinese for zh, English for anything else. */
    public String format(Locale locale) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i) instanceof Message nested ? nested.format(locale) : args.get(i);
        }
        String text = new MessageFormat(pattern(key, locale), locale).format(values);
        return clipped ? Quote.clip(text) : text;
    }

    public String english() {
        return format(Locale.ENGLISH);
    }

    /** The pattern at {@code key} in the locale's bundle, else the English one, else the key itself. */
    private static String pattern(String key, Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        if (chinese) {
            ResourceBundle zh = ResourceBundle.getBundle(BUNDLE, Locale.CHINESE, NO_FALLBACK);
            if (zh.containsKey(key)) {
                return zh.getString(key);
            }
        }
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message other && key.equals(other.key) && args.equals(other.args)
                && clipped == other.clipped;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args, clipped);
    }

    /** The English text. */
    @Override
    public String toString() {
        return english();
    }
}
