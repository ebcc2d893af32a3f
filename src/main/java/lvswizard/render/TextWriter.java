package lvswizard.render;

import java.io.Writer;

/**
 * A writer into a StringBuilder of a given first size: StringWriter's StringBuffer locks on every
 * append, and a template writes thousands of small pieces.
 */
final class TextWriter extends Writer {
    private final StringBuilder text;

    TextWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] characters, int offset, int length) {
        text.append(characters, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(int character) {
        text.append((char) character);
    }

    @Override
    public Writer append(CharSequence characters) {
        text.append(characters);
        return this;
    }

    @Override
    public void flush() {
        // nothing buffered beyond the text itself
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
