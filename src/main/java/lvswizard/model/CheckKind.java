package lvswizard.model;

import java.util.Locale;

/** How keepalived checks a real server: not at all, a TCP connect, an HTTP(S) GET, or a command (MISC_CHECK). */
public enum CheckKind {
    NONE, TCP, HTTP, HTTPS, COMMAND;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
