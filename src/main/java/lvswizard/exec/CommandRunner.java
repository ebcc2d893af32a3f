package lvswizard.exec;

import java.io.IOException;
import java.util.List;

/** Runs a command given as an argument vector (never through a shell); replaced by a fake in tests. */
public interface CommandRunner {
    /** Exit code and standard output of a finished command. */
    record Result(int exitCode, String stdout) {
    }

    Result run(List<String> argv) throws IOException;
}
