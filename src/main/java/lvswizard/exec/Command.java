package lvswizard.exec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import lvswizard.render.Shell;

/**
 * A command as a value: the argument vector (never re-parsed by a shell), what to feed its
 * standard input, and how long it may run.
 *
 * @param argv    the program and its arguments
 * @param stdin   text for standard input, or null for none (stdin is then closed at once)
 * @param timeout how long before the command and every process it started are killed
 */
public record Command(List<String> argv, String stdin, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Words a shell reads as themselves: shown bare, everything else quoted. */
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null, DEFAULT_TIMEOUT);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, null, DEFAULT_TIMEOUT);
    }

    public Command withStdin(String text) {
        return new Command(argv, text, timeout);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, stdin, limit);
    }

    /** The command as one shell line that would run exactly this, for logs and dry runs. */
    public String display() {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(SAFE.matcher(word).matches() ? word : Shell.quote(word));
        }
        if (stdin != null) {
            line.append(" <<'EOF' (").append(stdin.lines().count()).append(" lines)");
        }
        return line.toString();
    }
}
