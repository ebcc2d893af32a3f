package lvswizard.validation;

/** Errors block generation; warnings are shown and do not. */
public enum Severity {
    ERROR, WARNING;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
