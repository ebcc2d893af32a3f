package lvswizard.wizard;

import java.util.List;

/** A typed answer that cannot become a value of its field: a message key of the wizard's bundles and its arguments. */
public final class Invalid extends Exception {
    private final String key;
    private final List<Object> args;

    public Invalid(String key, Object... args) {
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String text(Messages m) {
        return m.get(key, args.toArray());
    }
}
