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
 *
 * <p>A set of generated files is recorded in the directory's {@link Manifest}, so that the next
 * write knows which files an earlier one made and this one no longer does (a real server removed
 * from the configuration): those are removed when forced and unchanged since, and named otherwise.
 * A file the manifest does not list, or one edited since it was written, is never removed.
 */
public final class OutputDirectory {
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> DATA = PosixFilePermissions.fromString("rw-r--r--");

    private final Path directory;

    public OutputDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * What happened to each file. For files an earlier write made and this one does not: REMOVED
     * (forced, unchanged since), STALE (unchanged, not forced: left) or KEPT (edited since: left).
     */
    public enum Outcome { WRITTEN, UNCHANGED, REPLACED, REMOVED, STALE, KEPT }

    public record Written(Path path, Outcome outcome) {
        /** A file an earlier write made and this one did not (removed, or left and named). */
        public boolean noLongerGenerated() {
            return outcome == Outcome.REMOVED || outcome == Outcome.STALE || outcome == Outcome.KEPT;
        }

        /** "written out/director.sh"; a file no longer generated also says why it went or stayed. */
        public String toLine() {
            String line = outcome.name().toLowerCase(java.util.Locale.ROOT) + " " + path;
            return switch (outcome) {
                case REMOVED -> line + " (no longer generated, and unchanged since it was)";
                case STALE -> line + ": no longer generated; --force removes it";
                case KEPT -> line + ": no longer generated, but edited since it was; remove it yourself if unused";
                default -> line;
            };
        }
    }

    /**
     * Writes the set of generated files, and deals with the files an earlier set had and this one
     * has not; the result lists the set's files in order, then those.
     */
    public List<Written> write(List<RenderedFile> files, boolean force) throws OutputException {
        Manifest before = Manifest.read(directory);
        Map<Path, Outcome> stale = classifyStale(before, files, force);
        List<Written> written = new ArrayList<>(writeFiles(files, force));
        Manifest after = Manifest.of(files);
        for (Map.Entry<Path, Outcome> entry : stale.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            if (entry.getValue() != Outcome.REMOVED) {
                after = after.with(name, before.hash(name)); // still ours: a later --force may remove it
            }
        }
        after.write(directory);
        for (Map.Entry<Path, Outcome> entry : stale.entrySet()) {
            if (entry.getValue() == Outcome.REMOVED) {
                try {
                    Files.deleteIfExists(entry.getKey());
                } catch (IOException e) {
                    throw new OutputException(entry.getKey() + ": cannot remove this file, no longer generated: "
                            + e.getMessage());
                }
            }
            written.add(new Written(entry.getKey(), entry.getValue()));
        }
        return written;
    }

    /**
     * Writes a set whose names may hold one directory (scripts/director.sh): each directory as its
     * own set, after every one of them was checked for files with other content (so that a refusal
     * writes nothing anywhere).
     */
    public List<Written> writeTree(List<RenderedFile> files, boolean force) throws OutputException {
        Map<String, List<RenderedFile>> byDirectory = new LinkedHashMap<>();
        for (RenderedFile file : files) {
            int slash = file.name().lastIndexOf('/');
            byDirectory.computeIfAbsent(slash < 0 ? "" : file.name().substring(0, slash), k -> new ArrayList<>())
                    .add(slash < 0 ? file : new RenderedFile(file.name().substring(slash + 1), file.content(),
                            file.executable()));
        }
        if (!force) {
            for (Map.Entry<String, List<RenderedFile>> set : byDirectory.entrySet()) {
                new OutputDirectory(directory.resolve(set.getKey())).refuseConflicts(set.getValue());
            }
        }
        List<Written> written = new ArrayList<>();
        for (Map.Entry<String, List<RenderedFile>> set : byDirectory.entrySet()) {
            written.addAll(new OutputDirectory(directory.resolve(set.getKey())).write(set.getValue(), force));
        }
        return written;
    }

    /** Writes one file that belongs to no generated set (a saved configuration): no manifest. */
    public Written writeFile(RenderedFile file, boolean force) throws OutputException {
        return writeFiles(List.of(file), force).get(0);
    }

    /** What to do with each file the manifest lists and {@code files} no longer has (and that still exists). */
    private Map<Path, Outcome> classifyStale(Manifest before, List<RenderedFile> files, boolean force) {
        Set<String> now = new java.util.HashSet<>();
        files.forEach(f -> now.add(f.name()));
        Map<Path, Outcome> stale = new LinkedHashMap<>();
        for (String name : before.names()) {
            Path path = directory.resolve(name);
            if (now.contains(name) || !Files.isRegularFile(path)) {
                continue;
            }
            boolean unchanged = before.hash(name).equals(Manifest.hash(path));
            stale.put(path, !unchanged ? Outcome.KEPT : force ? Outcome.REMOVED : Outcome.STALE);
        }
        return stale;
    }

    /** Refuses, naming them, files that exist with other content than {@code files} would give them. */
    private void refuseConflicts(List<RenderedFile> files) throws OutputException {
        List<Path> conflicts = classify(files).entrySet().stream().filter(e -> e.getValue() == Outcome.REPLACED)
                .map(Map.Entry::getKey).toList();
        if (!conflicts.isEmpty()) {
            throw new OutputException(conflicts.get(0) + ": exists with different content"
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; use --force to replace, or choose another --out directory");
        }
    }

    private List<Written> writeFiles(List<RenderedFile> files, boolean force) throws OutputException {
        if (!force) {
            refuseConflicts(files);
        }
        Map<Path, Outcome> outcomes = classify(files);
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
