package lvswizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Process helpers for tests that call system tools. */
public final class Tools {
    private Tools() {
    }

    /** Exit code and the merged stdout+stderr of a finished process. */
    public record Result(int exitCode, String output) {
    }

    public static boolean onPath(String tool) {
        try {
            return run(List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
