package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** Line numbers written short: "1-18, 22, 30-31". */
final class Ranges {
    private Ranges() {
    }

    static String of(SortedSet<Integer> lines) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int line : lines) {
            if (previous != null && line == previous + 1) {
                previous = line;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
            }
            start = line;
            previous = line;
        }
        if (start != null) {
            parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
        }
        return String.join(", ", parts);
    }
}
