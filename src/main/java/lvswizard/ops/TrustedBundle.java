package lvswizard.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.output.TrustedDirectory;
import lvswizard.text.Message;

/**
 * Whether a lab bundle may be run: lab.sh says in its first lines that lvs-wizard wrote it, and as
 * root, nobody else could have changed it or anything beside it (lab.sh runs scripts/ as root).
 * {@code lab test} and {@code lab down} run what is in the directory; this is what they check first.
 */
public final class TrustedBundle {
    static final String FIRST_LINES = "#!/bin/bash\n# lab.sh - the lvs-wizard lab for cluster ";

    private TrustedBundle() {
    }

    /** Why the bundle in {@code dir} must not run for user {@code uid} (root: 0), or null when it may. */
    public static Message problem(Path dir, int uid) {
        Path script = dir.resolve("lab.sh");
        if (uid == 0) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> !Files.isDirectory(f)).sorted().toList()) {
                    String untrusted = TrustedDirectory.fileProblem(file, uid);
                    if (untrusted != null) {
                        return Texts.of("lab.untrusted", untrusted);
                    }
                }
                for (Path sub : List.of(dir, dir.resolve("scripts"))) {
                    String untrusted = Files.isDirectory(sub) ? TrustedDirectory.problem(sub, uid) : null;
                    if (untrusted != null) {
                        return Texts.of("lab.untrusted", untrusted);
                    }
                }
            } catch (IOException e) {
                return notABundle(script);
            }
        }
        try {
            String text = Files.isRegularFile(script) ? Files.readString(script) : "";
            return text.startsWith(FIRST_LINES) ? null : notABundle(script);
        } catch (IOException e) {
            return notABundle(script);
        }
    }

    private static Message notABundle(Path script) {
        return Texts.of("lab.not-a-bundle", script, "lab up", "lab export");
    }
}
