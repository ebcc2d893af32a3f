package lvswizard.output;

import java.nio.file.Path;
import java.util.List;

/** The output directory cannot take the files; the message is one line for the operator. */
public class OutputException extends Exception {
    public OutputException(String message) {
        super(message);
    }

    /**
     * Files exist there with other content: the one refusal that replacing (--force, or the
     * operator's yes) may override. A lock held by another writer or a directory in the way is not.
     */
    public static final class Conflict extends OutputException {
        private final List<Path> files;

        public Conflict(String message, List<Path> files) {
            super(message);
            this.files = List.copyOf(files);
        }

        /** The files that exist with other content, in the set's order. */
        public List<Path> files() {
            return files;
        }
    }
}
