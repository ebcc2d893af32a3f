package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lvswizard.validation.Finding;
import lvswizard.validation.Summary;
import lvswizard.validation.Validator;

/**
 * Lint of an imported setup: what could not be read, the rules that fire on the sources' own
 * lines, and the validator's cluster-wide rules over the configuration they make, except on the
 * fields no source said (those are listed as not checked, not reported as the source's mistakes).
 */
public final class Lint {
    /** The lines to print, in order, and the counts for the summary and the exit code. */
    public record Report(List<String> lines, long errors, long warnings) {
        /** "director.sh, realserver.sh: 2 errors, 3 warnings", as validate ends. */
        public String summary(String sources, Locale locale) {
            return Summary.line(sources, errors, warnings, locale);
        }
    }

    private Lint() {
    }

    public static Report of(Importer.Result result, Locale locale) {
        List<String> lines = new ArrayList<>();
        long errors = 0;
        long warnings = 0;
        for (Note note : result.notes()) {
            if (note.kind() == Note.Kind.UNREADABLE) {
                // counted as a warning in the summary: marked as one, as the findings are
                lines.add("warning[unreadable] " + note.toLine(locale));
                warnings++;
            }
        }
        for (SourceFinding finding : result.findings()) {
            lines.add(finding.toLine(locale));
            if (finding.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        for (Finding finding : Validator.check(result.cluster()).findings()) {
            if (unsaid(finding.path(), result.missing())) {
                continue;
            }
            lines.add(finding.toLine(locale));
            if (finding.isError()) {
                errors++;
            } else {
                warnings++;
            }
        }
        if (!result.missing().isEmpty()) {
            lines.add(Texts.of("lint.unchecked", String.join(", ", result.missing().stream().sorted().toList()))
                    .format(locale));
        }
        return new Report(lines, errors, warnings);
    }

    /** Whether a finding is on a field no source said (or inside one). */
    static boolean unsaid(String path, Set<String> missing) {
        for (String field : missing) {
            if (path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }
}
