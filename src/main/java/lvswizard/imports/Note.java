package lvswizard.imports;

import java.util.Locale;
import lvswizard.text.Message;

/**
 * One line of an import's report: what a line of the source gave the configuration, what it was
 * left out and why, what could not be read, or a field the source does not say.
 *
 * @param source the file (or "host"), as the operator named it
 * @param line   1-based line in that file; 0 when the note is about the whole source
 * @param kind   what happened to it
 * @param text   the words for the operator
 */
public record Note(String source, int line, Kind kind, Message text) {
    /** What became of a line, or of a field. */
    public enum Kind {
        /** it went into the configuration */
        TOOK,
        /** it was read and deliberately left out (with the reason) */
        IGNORED,
        /** it could not be read: the operator must look at it */
        UNREADABLE,
        /** a field the configuration needs that the source does not say */
        MISSING;

        Message word() {
            return Texts.of("kind." + name().toLowerCase(Locale.ROOT));
        }
    }

    /** "director.sh:42: took: ipvsadm -A -t 192.168.101.168:80 -s wlc". */
    public String toLine(Locale locale) {
        String where = line > 0 ? source + ":" + line + ": " : source.isEmpty() ? "" : source + ": ";
        return where + kind.word().format(locale) + ": " + text.format(locale);
    }
}
