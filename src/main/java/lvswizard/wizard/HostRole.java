package lvswizard.wizard;

/** What the host running the wizard is: it decides which generated files matter here. */
public enum HostRole {
    DIRECTOR, REAL_SERVER, ALL;

    public String key() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
