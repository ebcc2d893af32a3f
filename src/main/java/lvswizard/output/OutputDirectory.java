package lvswizard.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lvswizard.render.RenderedFile;

/**
 * Writes generated files safely: every conflict is found before anything is written, each file goes
 * to a temporary name first and is renamed into place, scripts get 0755 and the rest 0644, and an
 * existing file with other content is replaced only when forced.
 */
public final class OutputDirectory {
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> DATA = PosixFilePermissions.fromString("rw-r--r--");

    private final Path directory;

    public OutputDirectory(Path directory) {
        this.directory = directory;
    }

    /** What happened to each file. */
    public enum Outcome { WRITTEN, UNCHANGED, REPLACED }

    public record Written(Path path, Outcome outcome) {
    }

    public List<Written> write(List<RenderedFile> files, boolean force) throws OutputException {
        Map<Path, Outcome> outcomes = classify(files);
        List<Path> conflicts = outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.REPLACED)
                .map(Map.Entry::getKey).toList();
        if (!force && !conflicts.isEmpty()) {
            throw new OutputException(conflicts.get(0) + ": exists with different content"
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; use --force to replace, or choose another --out directory");
        }
        createDirectory();
        List<RenderedFile> changed = files.stream().filter(f -> outcomes.get(target(f)) != Outcome.UNCHANGED).toList();
        List<Path> temporaries = new ArrayList<>();
        int moved = 0;
        try {
            for (RenderedFile file : changed) {
                temporaries.add(writeTemporary(file));
            }
            for (; moved < changed.size(); moved++) {
                move(temporaries.get(moved), target(changed.get(moved)));
            }
        } catch (IOException e) {
            throw new OutputException(directory + ": cannot write: " + e.getMessage());
        } finally {
            deleteLeftovers(temporaries.subList(moved, temporaries.size()));
        }
        return files.stream().map(f -> new Written(target(f), outcomes.get(target(f)))).toList();
    }

    /** What writing each file would do, in the files' order. */
    private Map<Path, Outcome> classify(List<RenderedFile> files) {
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        for (RenderedFile file : files) {
            Path target = target(file);
            Outcome outcome = !Files.exists(target) ? Outcome.WRITTEN
                    : sameContent(target, file) ? Outcome.UNCHANGED : Outcome.REPLACED;
            outcomes.put(target, outcome);
        }
        return outcomes;
    }

    private static void deleteLeftovers(List<Path> temporaries) {
        for (Path temporary : temporaries) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .tmp file is harmless and named as such
            }
        }
    }

    private void createDirectory() throws OutputException {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(directory + ": exists and is not a directory");
        } catch (IOException e) {
            throw new OutputException(directory + ": cannot create the directory: " + e.getMessage());
        }
    }

    private Path writeTemporary(RenderedFile file) throws IOException {
        Path temporary = Files.createTempFile(directory, "." + file.name() + ".", ".tmp");
        Files.writeString(temporary, file.content(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temporary, file.executable() ? SCRIPT : DATA);
        return temporary;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path target(RenderedFile file) {
        return directory.resolve(file.name());
    }

    private static boolean sameContent(Path target, RenderedFile file) {
        try {
            return Files.isRegularFile(target)
                    && Files.readString(target, StandardCharsets.UTF_8).equals(file.content());
        } catch (IOException e) {
            return false;
        }
    }
}
