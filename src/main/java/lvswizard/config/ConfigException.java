package lvswizard.config;

/** A configuration file that cannot be used; the message is one line meant for the operator. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
