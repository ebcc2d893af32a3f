package lvswizard.wizard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How both wizards read a typed list: comma separated, blanks ignored. */
public final class Answers {
    private Answers() {
    }

    public static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Throws NumberFormatException for a part that is not a whole number. */
    public static List<Integer> integers(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : list(text)) {
            values.add(Integer.valueOf(part));
        }
        return values;
    }
}
