package lvswizard.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
            String line = outcome.name().toLowerCase(Locale.ROOT) + " " + path;
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
     * has not; the result lists the set's files in order, then those. All or nothing (see {@link #writeTree}).
     */
    public List<Written> write(List<RenderedFile> files, boolean force) throws OutputException {
        return writeTree(files, force);
    }

    /**
     * Writes a set whose names may hold one directory (scripts/director.sh), each directory with its
     * own manifest. All or nothing: every conflict and every directory in a file's way is found
     * before anything is written, every file is written beside its target first, and the moves into
     * place are undone when one fails. One writer at a time: a second generate into the same
     * directory waits for none and is refused while the first holds the directory's lock.
     */
    public List<Written> writeTree(List<RenderedFile> files, boolean force) throws OutputException {
        Map<String, List<RenderedFile>> byDirectory = new LinkedHashMap<>();
        for (RenderedFile file : files) {
            int slash = file.name().lastIndexOf('/');
            byDirectory.computeIfAbsent(slash < 0 ? "" : file.name().substring(0, slash), k -> new ArrayList<>())
                    .add(slash < 0 ? file : new RenderedFile(file.name().substring(slash + 1), file.content(),
                            file.executable()));
        }
        List<Path> created = new ArrayList<>();
        createDirectory(directory, created);
        // refused here, the directory and its lock are the other writer's: nothing of them is removed
        WriteLock lock = WriteLock.take(directory);
        try (lock) {
            List<SetPlan> plans = new ArrayList<>();
            for (Map.Entry<String, List<RenderedFile>> set : byDirectory.entrySet()) {
                plans.add(new OutputDirectory(directory.resolve(set.getKey())).plan(set.getValue(), force));
            }
            Batch batch = new Batch();
            try {
                for (SetPlan plan : plans) {
                    createDirectory(plan.directory(), created);
                    plan.stage(batch);
                }
                batch.commit();
            } finally {
                batch.discard();
            }
            List<Written> written = new ArrayList<>();
            for (SetPlan plan : plans) {
                written.addAll(plan.removeStale());
            }
            return written;
        } catch (OutputException refused) {
            removeCreated(created);
            throw refused;
        }
    }

    /** Writes one file that belongs to no generated set (a saved configuration): no manifest, no lock. */
    public Written writeFile(RenderedFile file, boolean force) throws OutputException {
        if (!force) {
            refuseConflicts(List.of(file));
        }
        refuseInTheWay(List.of(file));
        Outcome outcome = classify(List.of(file)).get(target(file));
        createDirectory(directory, new ArrayList<>());
        if (outcome != Outcome.UNCHANGED) {
            Batch batch = new Batch();
            try {
                batch.stage(target(file), file);
                batch.commit();
            } finally {
                batch.discard();
            }
        }
        return new Written(target(file), outcome);
    }

    /** What one directory's set will do: its files' outcomes, its next manifest, and the files it no longer makes. */
    private record SetPlan(OutputDirectory output, List<RenderedFile> files, Map<Path, Outcome> outcomes,
                           RenderedFile manifest, Map<Path, Outcome> stale) {
        Path directory() {
            return output.directory;
        }

        void stage(Batch batch) throws OutputException {
            for (RenderedFile file : files) {
                if (outcomes.get(output.target(file)) != Outcome.UNCHANGED) {
                    batch.stage(output.target(file), file);
                }
            }
            if (!sameContent(output.target(manifest), manifest)) {
                batch.stage(output.target(manifest), manifest);
            }
        }

        List<Written> removeStale() throws OutputException {
            List<Written> written = new ArrayList<>(files.stream()
                    .map(f -> new Written(output.target(f), outcomes.get(output.target(f)))).toList());
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
    }

    /** Everything about this directory's set that can be known before writing; refuses conflicts first. */
    private SetPlan plan(List<RenderedFile> files, boolean force) throws OutputException {
        if (!force) {
            refuseConflicts(files);
        }
        refuseInTheWay(files);
        Manifest before = Manifest.read(directory);
        Map<Path, Outcome> stale = classifyStale(before, files, force);
        Manifest after = Manifest.of(files);
        for (Map.Entry<Path, Outcome> entry : stale.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            if (entry.getValue() != Outcome.REMOVED) {
                after = after.with(name, before.hash(name)); // still ours: a later --force may remove it
            }
        }
        return new SetPlan(this, files, classify(files), after.asFile(), stale);
    }

    /** A directory (or anything but a file) where a generated file goes: named, before anything is written. */
    private void refuseInTheWay(List<RenderedFile> files) throws OutputException {
        for (RenderedFile file : files) {
            Path target = target(file);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isSymbolicLink(target)) {
                throw new OutputException(target + ": " + (Files.isDirectory(target) ? "a directory" : "not a file")
                        + " is in the way of a generated file; nothing was written");
            }
        }
    }

    /** What to do with each file the manifest lists and {@code files} no longer has (and that still exists). */
    private Map<Path, Outcome> classifyStale(Manifest before, List<RenderedFile> files, boolean force) {
        Set<String> now = new HashSet<>();
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
            throw new OutputException.Conflict(conflicts.get(0) + ": exists with different content"
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; use --force to replace, or choose another --out directory");
        }
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

    private static void createDirectory(Path directory, List<Path> created) throws OutputException {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                created.add(directory);
            }
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(directory + ": exists and is not a directory");
        } catch (IOException e) {
            throw new OutputException(directory + ": cannot create the directory: " + e.getMessage());
        }
    }

    /** A refused write leaves no directory it made (nor the lock file in it). */
    private static void removeCreated(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i).resolve(WriteLock.FILE_NAME));
                Files.deleteIfExists(created.get(i));
            } catch (IOException ignored) {
                // not empty after all: something else is in it, and it stays
            }
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
