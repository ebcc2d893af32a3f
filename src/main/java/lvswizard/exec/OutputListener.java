package lvswizard.exec;

/** Receives a running command's output line by line, as it comes. */
@FunctionalInterface
public interface OutputListener {
    OutputListener IGNORE = (stream, line) -> { };

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);
}
