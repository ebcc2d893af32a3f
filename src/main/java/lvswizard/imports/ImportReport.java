package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lvswizard.validation.Summary;

/**
 * What the wizard shows after an import from its start screen: what could not be read (the first
 * few, with a pointer to the whole report), the fields it will ask for, and the counts.
 */
public final class ImportReport {
    private ImportReport() {
    }

    /** The sources an operator typed: "host", or file names separated by spaces. */
    public static List<String> sources(String answer) {
        return answer == null || answer.isBlank() ? List.of() : List.of(answer.strip().split("\\s+"));
    }

    public static List<String> brief(Importer.Result result, Locale locale, int most) {
        List<String> lines = new ArrayList<>();
        List<Note> unreadable = result.notes().stream().filter(n -> n.kind() == Note.Kind.UNREADABLE).toList();
        unreadable.stream().limit(most).forEach(n -> lines.add(n.toLine(locale)));
        if (unreadable.size() > most) {
            lines.add(Texts.of("brief.more", String.valueOf(unreadable.size() - most)).format(locale));
        }
        if (!result.missing().isEmpty()) {
            lines.add(Texts.of("brief.missing", String.join(", ", result.missing().stream().sorted().toList()))
                    .format(locale));
        }
        // lint's own counts (its lines not understood, its rules and the validator's), as lint ends
        Lint.Report lint = Lint.of(result, locale);
        lines.add(Texts.of("brief.counts", String.valueOf(result.cluster().services().size()),
                String.valueOf(result.cluster().realServers().size()), String.valueOf(unreadable.size()),
                Summary.counts(lint.errors(), lint.warnings())).format(locale));
        return lines;
    }
}
