package lvswizard.text;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Wording not yet in any language: a bundle, a key of it and the arguments. A bundle is a pair of
 * properties files, NAME_en and NAME_zh (UTF-8, MessageFormat patterns: '' is a single quote); each
 * package names its own with {@link Bundle#named} (the validator's is lvswizard/validation/findings). Each argument is literal text (numbers too, so that 65535 is never written
 * 65,535; commands, paths and addresses, which no language changes) or another Message, a word such
 * as "weight" that is translated with the sentence around it.
 */
public final class Message {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A pair of properties files, lvswizard/ops/host_en and _zh for "lvswizard.ops.host"; makes its messages. */
    public record Bundle(String baseName) {
        public static Bundle named(String baseName) {
            return new Bundle(baseName);
        }

        /** The message at {@code key}; arguments other than Messages are kept as their text ("null" for null). */
        public Message of(String key, Object... args) {
            List<Object> list = new ArrayList<>(args.length);
            for (Object arg : args) {
                list.add(arg instanceof Message ? arg : String.valueOf(arg));
            }
            return new Message(this, key, Collections.unmodifiableList(list), false);
        }

        /** The pattern in the locale's language, else English, else null. */
        String pattern(String key, Locale locale) {
            if ("zh".equals(locale.getLanguage())) {
                ResourceBundle zh = ResourceBundle.getBundle(baseName, Locale.CHINESE, NO_FALLBACK);
                if (zh.containsKey(key)) {
                    return zh.getString(key);
                }
            }
            try {
                return ResourceBundle.getBundle(baseName, Locale.ENGLISH, NO_FALLBACK).getString(key);
            } catch (MissingResourceException e) {
                return null;
            }
        }
    }

    private final Bundle bundle;
    private final String key;
    private final List<Object> args;
    private final boolean clipped;

    private Message(Bundle bundle, String key, List<Object> args, boolean clipped) {
        this.bundle = Objects.requireNonNull(bundle);
        this.key = Objects.requireNonNull(key);
        this.args = args;
        this.clipped = clipped;
    }

    /** The same message, shown escaped and clipped like an untrusted value (it may quote one). */
    public Message clipped() {
        return new Message(bundle, key, args, true);
    }

    public Bundle bundle() {
        return bundle;
    }

    public String key() {
        return key;
    }

    /** Strings and Messages. */
    public List<Object> args() {
        return args;
    }

    /**
     * The text in {@code locale}'s language: Chinese for zh, English for anything else. Arguments come
     * from files and hosts: their control characters are shown escaped (\x1b) wherever the text goes,
     * the command line, line mode or a dialog of the full-screen wizard.
     */
    public String format(Locale locale) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(i) instanceof Message nested ? nested.format(locale)
                    : Quote.visible((String) args.get(i));
        }
        String pattern = bundle.pattern(key, locale);
        String text = pattern == null ? key : new MessageFormat(pattern, locale).format(values);
        return clipped ? Quote.clip(text) : text;
    }

    public String english() {
        return format(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message other && bundle.equals(other.bundle) && key.equals(other.key)
                && args.equals(other.args) && clipped == other.clipped;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, args, clipped);
    }

    /** The English text. */
    @Override
    public String toString() {
        return english();
    }
}
