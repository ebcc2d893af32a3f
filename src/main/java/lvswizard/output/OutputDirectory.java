package lvswizard.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
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
     * before anything is in place, every file is written beside its target first, and the moves into
     * place are undone when one fails. One writer at a time: a second generate into the same
     * directory waits for none and is refused while the first holds the directory's lock.
     *
     * <p>Each file's text is read once (a file rendered on demand is rendered once), encoded once,
     * and that one encoding is compared with the file on disk, hashed for the manifest and written
     * to the temporary: no more than one file's text is held at a time. A file that fails to render
     * is a refusal like any other: nothing is in place, and no temporary nor directory it made is left.
     */
    public List<Written> writeTree(List<RenderedFile> files, boolean force) throws OutputException {
        Map<String, List<RenderedFile>> byDirectory = new LinkedHashMap<>();
        for (RenderedFile file : files) {
            int slash = file.name().lastIndexOf('/');
            byDirectory.computeIfAbsent(slash < 0 ? "" : file.name().substring(0, slash), k -> new ArrayList<>())
                    .add(slash < 0 ? file : file.renamed(file.name().substring(slash + 1)));
        }
        List<Path> created = new ArrayList<>();
        createDirectory(directory, created);
        // refused here, the directory and its lock are the other writer's: nothing of them is removed
        WriteLock lock = WriteLock.take(directory);
        try (lock) {
            List<SetWrite> sets = new ArrayList<>();
            Batch batch = new Batch();
            try (BackgroundHashes hashes = new BackgroundHashes()) {
                for (Map.Entry<String, List<RenderedFile>> set : byDirectory.entrySet()) {
                    OutputDirectory output = new OutputDirectory(directory.resolve(set.getKey()));
                    createDirectory(output.directory, created);
                    SetWrite write = output.stage(set.getValue(), force, batch, hashes,
                            created.contains(output.directory));
                    // the first set that finds a refusal is the one named; the sets after it are not read
                    write.refuse();
                    sets.add(write);
                }
                batch.commit();
            } finally {
                batch.discard();
            }
            List<Written> written = new ArrayList<>();
            for (SetWrite write : sets) {
                written.addAll(write.removeStale());
            }
            return written;
        } catch (OutputException | RuntimeException refused) {
            removeCreated(created);
            throw refused;
        }
    }

    /** Writes one file that belongs to no generated set (a saved configuration): no manifest, no lock. */
    public Written writeFile(RenderedFile file, boolean force) throws OutputException {
        byte[] content = encode(file);
        Path target = target(file);
        Outcome outcome = classify(target, content);
        if (!force && outcome == Outcome.REPLACED) {
            throw conflict(List.of(target), List.of());
        }
        if (isInTheWay(target)) {
            throw inTheWay(target);
        }
        createDirectory(directory, new ArrayList<>());
        if (outcome != Outcome.UNCHANGED) {
            Batch batch = new Batch();
            try {
                batch.stage(target, content, file.executable());
                batch.commit();
            } finally {
                batch.discard();
            }
        }
        return new Written(target, outcome);
    }

    /**
     * One directory's set, staged: each file's outcome, what refuses the whole write (the first
     * conflict when not forced, then the first thing in a file's way), and the files an earlier set
     * made and this one no longer does.
     */
    private record SetWrite(Map<Path, Outcome> outcomes, List<Path> conflicts, Path inTheWay,
                            Map<Path, Outcome> stale) {
        boolean refused() {
            return !conflicts.isEmpty() || inTheWay != null;
        }

        /** Throws the refusal this set found, if any: conflicts first, as they are what --force changes. */
        void refuse() throws OutputException {
            if (!conflicts.isEmpty()) {
                throw conflict(conflicts, stale.entrySet().stream().filter(e -> e.getValue() == Outcome.STALE)
                        .map(Map.Entry::getKey).toList());
            }
            if (inTheWay != null) {
                throw OutputDirectory.inTheWay(inTheWay);
            }
        }

        List<Written> removeStale() throws OutputException {
            List<Written> written = new ArrayList<>();
            outcomes.forEach((path, outcome) -> written.add(new Written(path, outcome)));
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

    /**
     * Reads, encodes, classifies and hashes each file of this directory's set once, and stages those
     * that change into {@code batch}, then the manifest. Once the set finds a refusal its files are
     * only classified: the count of conflicts is still complete, and nothing more is written.
     */
    private SetWrite stage(List<RenderedFile> files, boolean force, Batch batch, BackgroundHashes hasher,
                           boolean madeByThisWrite) throws OutputException {
        if (madeByThisWrite) {
            return stageNew(files, batch, hasher);
        }
        Manifest before = Manifest.read(directory);
        Map<Path, Outcome> stale = classifyStale(before, files, force);
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Future<String>> hashes = new LinkedHashMap<>();
        List<Path> conflicts = new ArrayList<>();
        Path inTheWay = null;
        for (RenderedFile file : files) {
            byte[] content = encode(file);
            Path target = target(file);
            Outcome outcome = classify(target, content);
            outcomes.put(target, outcome);
            if (!force && outcome == Outcome.REPLACED) {
                conflicts.add(target);
            }
            if (inTheWay == null && isInTheWay(target)) {
                inTheWay = target;
            }
            if (!conflicts.isEmpty() || inTheWay != null) {
                continue;
            }
            hashes.put(file.name(), hasher.hash(content));
            if (outcome != Outcome.UNCHANGED) {
                batch.stage(target, content, file.executable());
            }
        }
        SetWrite write = new SetWrite(outcomes, conflicts, inTheWay, stale);
        if (!write.refused()) {
            Manifest after = manifestOf(hashes);
            for (Map.Entry<Path, Outcome> entry : stale.entrySet()) {
                String name = entry.getKey().getFileName().toString();
                if (entry.getValue() != Outcome.REMOVED) {
                    after = after.with(name, before.hash(name)); // still ours: a later --force may remove it
                }
            }
            byte[] manifest = after.text().getBytes(StandardCharsets.UTF_8);
            Path target = directory.resolve(Manifest.FILE_NAME);
            if (classify(target, manifest) != Outcome.UNCHANGED) {
                batch.stage(target, manifest, false);
            }
        }
        return write;
    }

    /**
     * The same for a directory this write made (under its lock): nothing in it to compare, keep or
     * refuse, each file written straight to its name.
     */
    private SetWrite stageNew(List<RenderedFile> files, Batch batch, BackgroundHashes hasher) throws OutputException {
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Future<String>> hashes = new LinkedHashMap<>();
        for (RenderedFile file : files) {
            byte[] content = encode(file);
            Path target = target(file);
            outcomes.put(target, Outcome.WRITTEN);
            hashes.put(file.name(), hasher.hash(content));
            batch.stageNew(target, content, file.executable());
        }
        batch.stageNew(directory.resolve(Manifest.FILE_NAME),
                manifestOf(hashes).text().getBytes(StandardCharsets.UTF_8), false);
        return new SetWrite(outcomes, List.of(), null, Map.of());
    }

    /** The manifest of the files hashed (in the background), in their order. */
    private static Manifest manifestOf(Map<String, Future<String>> hashes) {
        Map<String, String> computed = new LinkedHashMap<>();
        hashes.forEach((name, hash) -> computed.put(name, BackgroundHashes.of(hash)));
        return Manifest.of(computed);
    }

    /** A directory (or anything but a file or a link) where a generated file goes. */
    private static boolean isInTheWay(Path target) {
        try {
            BasicFileAttributes found = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return !found.isRegularFile() && !found.isSymbolicLink();
        } catch (IOException e) {
            return false; // nothing there
        }
    }

    private static OutputException inTheWay(Path target) {
        return new OutputException(target + ": " + (Files.isDirectory(target) ? "a directory" : "not a file")
                + " is in the way of a generated file; nothing was written");
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

    /**
     * The refusal of files that exist with other content than the set would give them, naming the
     * first; with the files a forced write would remove as no longer generated (an earlier set's).
     */
    private static OutputException conflict(List<Path> conflicts, List<Path> removable) {
        return new OutputException.Conflict(conflicts.get(0) + ": exists with different content"
                + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                + "; use --force to replace, or choose another --out directory", conflicts, removable);
    }

    /**
     * What writing {@code content} to {@code target} would do: WRITTEN where nothing is (a dangling
     * link too), UNCHANGED where a file (or a link to one) holds these very bytes, REPLACED otherwise.
     */
    private static Outcome classify(Path target, byte[] content) {
        BasicFileAttributes found;
        try {
            found = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            return Outcome.WRITTEN;
        }
        if (!found.isRegularFile() || found.size() != content.length) {
            return Outcome.REPLACED;
        }
        try {
            return Arrays.equals(Files.readAllBytes(target), content) ? Outcome.UNCHANGED : Outcome.REPLACED;
        } catch (IOException e) {
            return Outcome.REPLACED;
        }
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

    /** The file's bytes as written: its text read (rendered) once and encoded once. */
    private static byte[] encode(RenderedFile file) {
        return file.content().getBytes(StandardCharsets.UTF_8);
    }

    private Path target(RenderedFile file) {
        return directory.resolve(file.name());
    }
}
