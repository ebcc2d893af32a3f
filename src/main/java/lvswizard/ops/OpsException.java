package lvswizard.ops;

/** Something on this host stops an operation; the message is one line saying what and the fix. */
public class OpsException extends Exception {
    public OpsException(String message) {
        super(message);
    }
}
