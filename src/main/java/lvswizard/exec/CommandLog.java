package lvswizard.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Every command run, with its exit and duration, in the order they ran: kept in memory for the
 * UI and appended to a file beside the generated scripts, one line each:
 * {@code 2026-11-24T23:10:01Z  exit 0       12 ms  ipvsadm -S -n}.
 * A runner wrapped by {@link #around(Runner)} writes every command into it.
 */
public final class CommandLog {
    /** One command that ran. */
    public record Entry(Instant started, Execution execution) {
        public String toLine() {
            return started.truncatedTo(ChronoUnit.SECONDS) + "  " + String.format(Locale.ROOT, "%-8s %6d ms  ",
                    execution.summary().startsWith("exit") ? execution.summary() : execution.ending()
                            .name().toLowerCase(Locale.ROOT), execution.duration().toMillis())
                    + execution.command().display();
        }
    }

    public static final String FILE_NAME = "commands.log";

    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private final Path file;
    private final Clock clock;
    private lvswizard.text.Message fileProblem;

    /** A log kept in memory and appended to {@code file} (null: memory only). */
    public CommandLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public CommandLog(Path file) {
        this(file, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /** Why the file could not be written (the entries are still kept in memory), or null; in English. */
    public synchronized String fileProblem() {
        return fileProblem == null ? null : fileProblem.english();
    }

    /** A warning that the file could not be written, in no language yet; null when it could. */
    public synchronized lvswizard.text.Message fileWarning() {
        return fileProblem == null ? null : Texts.of("log.warning", fileProblem);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void onEntry(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    /** The runner, with every command it runs recorded here. */
    public Runner around(Runner runner) {
        CommandLog log = this;
        return new Runner() {
            @Override
            public Execution run(Command command, OutputListener listener) {
                Instant started = clock.instant();
                Execution execution = runner.run(command, listener);
                log.add(new Entry(started, execution));
                return execution;
            }

            @Override
            public void cancelAll() {
                runner.cancelAll();
            }
        };
    }

    void add(Entry entry) {
        List<Consumer<Entry>> notify;
        synchronized (this) {
            entries.add(entry);
            notify = List.copyOf(listeners);
            if (file != null) {
                try {
                    if (file.getParent() != null) {
                        Files.createDirectories(file.getParent());
                    }
                    if (Files.isSymbolicLink(file)) {
                        // run appends as root: a link planted here would point it at any file
                        fileProblem = Texts.of("log.symlink", file);
                    } else {
                        Files.writeString(file, entry.toLine() + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
                    }
                } catch (IOException e) {
                    // the command ran: losing its log line must not make it look as if it failed
                    fileProblem = Texts.of("log.unwritable", file, e);
                }
            }
        }
        notify.forEach(l -> l.accept(entry));
    }
}
