package lvswizard.validation;

import java.util.ArrayList;
import java.util.List;
import lvswizard.text.Message;

/** Collects findings while the validator walks a cluster. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    /** A finding whose message is the pattern at {@code key} (findings_*.properties) with {@code args}. */
    void add(Rule rule, String path, String key, Object... args) {
        list.add(new Finding(rule, path, Words.of(key, args)));
    }

    void add(Rule rule, String path, Message message) {
        list.add(new Finding(rule, path, message));
    }

    /**
     * Reports a value outside [min, max]; null values are the REQUIRED check's business.
     * {@code what} is a word of the bundles: what.weight.
     */
    void range(String path, String what, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            add(Rule.RANGE, path, "range", Words.of(what), value, min, max);
        }
    }

    /** Reports a missing value and returns false, so callers can skip checks that need it; what as for range. */
    boolean required(String path, Object value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(Rule.REQUIRED, path, "required", Words.of(what));
            return false;
        }
        return true;
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
