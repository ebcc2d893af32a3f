package lvswizard.wizard;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import java.util.function.Function;
import java.util.regex.Pattern;
import lvswizard.model.Cluster;

/**
 * One question of the wizard, declared once: both the full-screen wizard and line mode draw it
 * from here, and the validator's findings find their way back to it through {@link #suffix}.
 *
 * @param id        stable name (tests and views address a field by it)
 * @param step      the step that shows it
 * @param scope     what it belongs to, and so which {@link At} indices locate it
 * @param suffix    its path inside the scope, in the configuration file's terms ("vip",
 *                  "persistence.timeout"); null for the wizard's own answers
 * @param aliases   other paths inside the scope whose findings it shows and fixes
 * @param labelKey  message key of the label
 * @param helpKey   message key of the F1 help
 * @param kind      how it is edited
 * @param keys      TEXT: the keystrokes that can lead to a valid value (a filter on partial text)
 * @param width     TEXT: columns of the box
 * @param choices   CHOICE and RADIO: the values, as typed in line mode and stored
 * @param access    reads and writes the value as text
 * @param relevant  whether line mode asks it for this draft (the full-screen form shows every field)
 */
public record FieldSpec(String id, Step step, Scope scope, String suffix, List<String> aliases, String labelKey,
                        String helpKey, Kind kind, Pattern keys, int width, Function<Draft, List<String>> choices,
                        Access access, BiPredicate<Draft, At> relevant) {

    /** How a field is edited. */
    public enum Kind {
        /** A one-line text box. */
        TEXT,
        /** One of a few values, in a drop-down. */
        CHOICE,
        /** One of a few values, each with a sentence (radio buttons). */
        RADIO,
        /** yes or no. */
        CHECK,
        /** Not a value: the list itself (a table, an Add button), where findings about the list belong. */
        LIST
    }

    /** Reads and writes one field of a draft as text. */
    public interface Access {
        String get(Draft draft, At at);

        Draft set(Draft draft, At at, String text) throws Invalid;
    }

    public String get(Draft draft, At at) {
        return access.get(draft, at);
    }

    public Draft set(Draft draft, At at, String text) throws Invalid {
        return access.set(draft, at, text);
    }

    public boolean isRelevant(Draft draft, At at) {
        return relevant.test(draft, at);
    }

    public List<String> choices(Draft draft) {
        return choices.apply(draft);
    }

    /** The configuration path of this field at {@code at}, or null when it has none there. */
    public String path(Cluster c, At at) {
        return suffix == null ? null : Paths.of(c, scope, at, suffix);
    }

    /** Whether a finding at {@code rest} (a path inside the scope) belongs to this field. */
    boolean shows(String rest) {
        return match(rest) >= 0;
    }

    /**
     * How closely this field's paths match {@code rest}: the length of the longest of them that
     * rest is or lies inside, -1 for none. The closest field shows a finding: healthCheck.retries
     * belongs to the retries field, not to the kind field whose alias is the whole healthCheck.
     */
    int match(String rest) {
        int best = -1;
        if (suffix != null) {
            for (String own : ownPaths()) {
                if (rest.equals(own) || rest.startsWith(own + ".") || rest.startsWith(own + "[")) {
                    best = Math.max(best, own.length());
                }
            }
        }
        return best;
    }

    /** Whether a finding about {@code rest}, an object this field is part of, may be shown here. */
    boolean isInside(String rest) {
        return suffix != null && suffix.startsWith(rest + ".");
    }

    private List<String> ownPaths() {
        return Stream.concat(Stream.of(suffix), aliases.stream()).toList();
    }
}
