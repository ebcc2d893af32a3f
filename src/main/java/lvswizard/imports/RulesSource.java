package lvswizard.imports;

import java.util.Arrays;
import java.util.List;

/** A saved table: the output of {@code ipvsadm -S -n}, or an ipvsadm.rules file; one command per line. */
final class RulesSource {
    private RulesSource() {
    }

    static void read(String name, String text, Assembly into) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            into.at(name, i + 1);
            List<String> words = Arrays.asList(line.split("\\s+"));
            if (words.get(0).equals("ipvsadm") || words.get(0).endsWith("/ipvsadm")) {
                words = words.subList(1, words.size());
            }
            try {
                into.apply(IpvsadmArgs.parse(words), line, true);
            } catch (IpvsadmArgs.Unreadable e) {
                into.note(Note.Kind.UNREADABLE, Texts.of("unreadable.because", line, e.reason()));
            }
        }
        into.at(name, 0);
    }

    /** Whether {@code text} reads as a saved table: every command line starts with an ipvsadm option. */
    static boolean looksLike(String text) {
        boolean any = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!trimmed.matches("-[AaEeDdC]\\b.*|--(add|edit|delete)-(service|server)\\b.*|--clear")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
