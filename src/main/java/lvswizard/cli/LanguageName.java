package lvswizard.cli;

import java.util.Iterator;
import java.util.List;
import lvswizard.wizard.Language;
import picocli.CommandLine;

/** --lang by the names lvs-wizard speaks (en, zh): another is refused, not taken for English. */
final class LanguageName implements CommandLine.ITypeConverter<String>, Iterable<String> {
    @Override
    public String convert(String value) {
        try {
            Language.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not known; expected en or zh");
        }
    }

    @Override
    public Iterator<String> iterator() {
        return List.of("en", "zh").iterator();
    }
}
