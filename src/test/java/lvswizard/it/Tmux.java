package lvswizard.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Tools;

/** A private tmux server running the jar in a real terminal: keys in with send-keys, screen out with capture-pane. */
final class Tmux implements AutoCloseable {
    private static final long TIMEOUT_MS = 20_000;
    private final String socket = "lvs-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts {@code command} (a shell line) in a detached session of the given size. */
    Tmux(Path dir, int columns, int rows, String command) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", "w", "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                "-c", dir.toString(), command);
        tmux("set", "-s", "escape-time", "0");
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "w").output();
    }

    String waitFor(String text) throws IOException, InterruptedException {
        return waitForAll(text);
    }

    /**
     * Waits until one capture shows every text, and returns that capture. A capture can land in
     * the middle of a frame, so a test asserts on what it waited for, not on one early capture.
     */
    String waitForAll(String... texts) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        String screen = screen();
        while (!java.util.Arrays.stream(texts).allMatch(screen::contains)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("tmux never showed all of " + java.util.Arrays.toString(texts) + ":\n" + screen);
            }
            Thread.sleep(50);
            screen = screen();
        }
        return screen;
    }

    /**
     * Presses each key in turn, as a person does: several escape sequences in one burst are not
     * what a terminal sees from a keyboard (and Lanterna may read a burst as one unknown sequence).
     */
    void keys(String... keys) throws IOException, InterruptedException {
        for (String key : keys) {
            tmux("send-keys", "-t", "w", key);
            Thread.sleep(60);
        }
        Thread.sleep(90);
    }

    /**
     * Waits until a command of the session has written a line to {@code file}, and returns it: what
     * a shell echoes between two full-screen programs is on screen for only as long as the second
     * takes to start.
     */
    String waitForLine(Path file) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!Files.exists(file) || !Files.readString(file).endsWith("\n")) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("no line in " + file + " after " + TIMEOUT_MS + " ms:\n" + screen());
            }
            Thread.sleep(50);
        }
        return Files.readString(file).strip();
    }

    void waitUntilGone(String text) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (screen().contains(text)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("tmux still shows \"" + text + "\":\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    /** Types {@code text} literally (send-keys -l), as a user types it. */
    void text(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "w", "-l", text);
        Thread.sleep(150);
    }

    /** The pid of the shell running in the pane. */
    long panePid() throws IOException, InterruptedException {
        return Long.parseLong(tmux("display-message", "-p", "-t", "w", "#{pane_pid}").output().trim());
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", "w", "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    private Tools.Result tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Tools.Result result = Tools.run(command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + result.output());
        }
        return result;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Tools.run(List.of("tmux", "-L", socket, "kill-server"));
    }
}
