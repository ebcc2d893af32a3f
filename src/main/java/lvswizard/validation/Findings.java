package lvswizard.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects findings while the validator walks a cluster. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void add(Rule rule, String path, String message) {
        list.add(new Finding(rule, path, message));
    }

    /** Reports a value outside [min, max]; null values are the REQUIRED check's business. */
    void range(String path, String what, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            add(Rule.RANGE, path, what + " " + value + " is out of range; expected " + min + "-" + max);
        }
    }

    /** Reports a missing value and returns false, so callers can skip checks that need it. */
    boolean required(String path, Object value, String what) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(Rule.REQUIRED, path, what + " is missing");
            return false;
        }
        return true;
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
