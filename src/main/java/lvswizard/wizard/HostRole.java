package lvswizard.wizard;

import java.util.Locale;

/** What the host running the wizard is: it decides which generated files matter here. */
public enum HostRole {
    DIRECTOR, REAL_SERVER, ALL;

    public String key() {
        return "role." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
