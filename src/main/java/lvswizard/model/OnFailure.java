package lvswizard.model;

import java.util.Locale;

/** What keepalived does with a real server whose check fails: take it out, or keep it at weight 0 (inhibit_on_failure). */
public enum OnFailure {
    REMOVE, QUIESCE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
