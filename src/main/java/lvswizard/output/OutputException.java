package lvswizard.output;

/** The output directory cannot take the files; the message is one line for the operator. */
public final class OutputException extends Exception {
    public OutputException(String message) {
        super(message);
    }
}
