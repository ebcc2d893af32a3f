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
        private final List<Path> removable;

        public Conflict(String message, List<Path> files, List<Path> removable) {
            super(message);
            this.files = List.copyOf(files);
            this.removable = List.copyOf(removable);
        }

        /** The files that exist with other content, in the set's order. */
        public List<Path> files() {
            return files;
        }

        /**
         * The files an earlier set wrote there, unchanged since, that this set does not make: replacing
         * (--force) removes them too, which in a directory of another configuration is its files.
         */
        public List<Path> removable() {
            return removable;
        }
    }
}
