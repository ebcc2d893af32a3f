package lvswizard.cli;

import java.util.Locale;
import lvswizard.wizard.Language;
import picocli.CommandLine.Option;

/** --lang of a command that prints prose (import, lint): its own, else the wizard's (--lang before the command, or LANG). */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageName.class, completionCandidates = LanguageName.class,
            description = "en or zh (default: from LANG)")
    String lang;

    Locale locale(Main main) {
        if (lang != null) {
            try {
                return Language.parse(lang).locale();
            } catch (IllegalArgumentException e) {
                return Locale.ENGLISH;
            }
        }
        return main.language().locale();
    }
}
