package lvswizard.cli;

import java.util.Locale;
import lvswizard.wizard.Language;

/** The language a command prints in: its own --lang, else the wizard's (--lang before the command, or LANG). */
final class Languages {
    private Languages() {
    }

    static Locale locale(String lang, Main main) {
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
