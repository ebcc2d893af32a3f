package lvswizard.render;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One generated file: its name inside the output directory, its text, and whether it is a script
 * (mode 0755) or not (0644).
 *
 * <p>The text is either held, or rendered each time it is read and never kept ({@link #onDemand}):
 * the scripts of 10,000 real servers are 200 MB of text, which a writer that reads each file once
 * never has to hold all at once.
 */
public final class RenderedFile {
    private final String name;
    private final boolean executable;
    /** The text, or null when it is rendered on each read. */
    private final String held;
    private final Supplier<String> renderer;

    public RenderedFile(String name, String content, boolean executable) {
        this(name, executable, Objects.requireNonNull(content), null);
    }

    private RenderedFile(String name, boolean executable, String held, Supplier<String> renderer) {
        this.name = Objects.requireNonNull(name);
        this.executable = executable;
        this.held = held;
        this.renderer = renderer;
    }

    /** A file whose text {@code renderer} gives each time it is read; a failure to render comes from the read. */
    public static RenderedFile onDemand(String name, boolean executable, Supplier<String> renderer) {
        return new RenderedFile(name, executable, null, Objects.requireNonNull(renderer));
    }

    public String name() {
        return name;
    }

    /** The text; a file rendered on demand renders it again on every call. */
    public String content() {
        return held != null ? held : Objects.requireNonNull(renderer.get(), name);
    }

    public boolean executable() {
        return executable;
    }

    /** Whether reading the text renders it (again). */
    public boolean isOnDemand() {
        return held == null;
    }

    /** The same file with its text rendered now and held. */
    public RenderedFile held() {
        return held != null ? this : new RenderedFile(name, content(), executable);
    }

    /** The same file, still rendered when read if it was, under another name. */
    public RenderedFile renamed(String newName) {
        return new RenderedFile(newName, executable, held, renderer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFile other && name.equals(other.name) && executable == other.executable
                && content().equals(other.content());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, content(), executable);
    }

    @Override
    public String toString() {
        return "RenderedFile[name=" + name + ", executable=" + executable + (held == null ? ", on demand]"
                : ", " + held.length() + " characters]");
    }
}
