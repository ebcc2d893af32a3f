package lvswizard.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files that go into place together or not at all. Each is written to a hidden temporary name beside
 * its target first (a full disk fails there, before any target changed); then each is renamed over
 * its target, the old file kept under a second name (a hard link: no moment without the file) until
 * every rename succeeded. When one fails, the renamed ones are put back as they were.
 */
final class Batch {
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> DATA = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<OpenOption> CREATE_NEW_FOR_WRITING = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    /** Created private, as createTempFile did, until the full content is there and the mode is set. */
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private record Pending(Path target, Path temporary) {
    }

    /**
     * The temporary names' randomness, made on first use: writing into a new directory needs none,
     * and the first SecureRandom loads the JDK's security providers (5 ms of a generate of the
     * how-to's example into a fresh directory, BENCHMARKS.md).
     */
    private static final class Names {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private final List<Pending> pending = new ArrayList<>();
    /** The kept old file of each committed target, or null where there was none. */
    private final List<Path> kept = new ArrayList<>();
    /** Files written straight to their names in a directory this write made (see {@link #stageNew}). */
    private final List<Path> created = new ArrayList<>();
    private boolean committed;

    /** Writes the file's bytes beside its target; nothing visible changes yet. */
    void stage(Path target, byte[] bytes, boolean executable) throws OutputException {
        // one open per file: the temporary is created and written through the same channel
        write(target, bytes, executable, () -> {
            SeekableByteChannel channel = openTemporary(target);
            return new Opened(channel, pending.get(pending.size() - 1).temporary());
        });
    }

    /**
     * Writes the file's bytes straight to its target, in a directory this write made and holds the
     * lock of: nothing there to keep nor to replace, so no temporary and no rename (at 10,000 real
     * servers, 20,005 renames were a quarter of the writing). The file is visible before the batch
     * commits; a batch discarded without a commit deletes it, and the write then its directory.
     */
    void stageNew(Path target, byte[] bytes, boolean executable) throws OutputException {
        // CREATE_NEW: a name that exists after all (a link too) is refused, never written through
        write(target, bytes, executable, () -> {
            SeekableByteChannel channel = Files.newByteChannel(target, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
            created.add(target);
            return new Opened(channel, target);
        });
    }

    /** A file created for writing, and its name. */
    private record Opened(SeekableByteChannel channel, Path file) {
    }

    private interface Opener {
        Opened open() throws IOException;
    }

    /** Creates a file with {@code opener}, writes the bytes, and gives it its mode (private until then). */
    private static void write(Path target, byte[] bytes, boolean executable, Opener opener) throws OutputException {
        ByteBuffer content = ByteBuffer.wrap(bytes);
        try {
            Opened opened = opener.open();
            try (SeekableByteChannel channel = opened.channel()) {
                while (content.hasRemaining()) {
                    channel.write(content);
                }
            }
            Files.setPosixFilePermissions(opened.file(), executable ? SCRIPT : DATA);
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write: " + e.getMessage() + "; nothing was written");
        }
    }

    /**
     * Creates a hidden file beside the target, private until it is complete, and makes it pending.
     * CREATE_NEW refuses a name that exists (a link too), so a random name taken by someone else is
     * never opened, nor deleted later as ours.
     */
    private SeekableByteChannel openTemporary(Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String suffix = "." + Long.toUnsignedString(Names.RANDOM.nextLong()) + ".tmp";
            Path candidate = target.resolveSibling("." + target.getFileName() + suffix);
            try {
                SeekableByteChannel channel = Files.newByteChannel(candidate, CREATE_NEW_FOR_WRITING, OWNER_ONLY);
                pending.add(new Pending(target, candidate));
                return channel;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves every staged file into place, or none. */
    void commit() throws OutputException {
        for (Pending file : pending) {
            try {
                kept.add(keep(file.target()));
                move(file.temporary(), file.target());
            } catch (IOException e) {
                rollBack();
                throw new OutputException(file.target() + ": cannot write: " + e.getMessage()
                        + "; nothing was written");
            }
        }
        for (Path old : kept) {
            deleteQuietly(old);
        }
        kept.clear();
        committed = true;
    }

    /**
     * Deletes whatever a failed or finished batch left behind: temporaries, never a target; and the
     * files written straight to their names when the batch did not commit.
     */
    void discard() {
        pending.forEach(file -> deleteQuietly(file.temporary()));
        if (!committed) {
            created.forEach(Batch::deleteQuietly);
        }
    }

    /** The target's current file under a hidden second name, or null when there is none. */
    private static Path keep(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path old = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".old");
        Files.deleteIfExists(old);
        try {
            Files.createLink(old, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, old, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return old;
    }

    /** Puts back, last first, every target this batch changed (kept.size() of them; the last may be half done). */
    private void rollBack() {
        for (int i = kept.size() - 1; i >= 0; i--) {
            Path target = pending.get(i).target();
            Path old = kept.get(i);
            try {
                if (old != null) {
                    move(old, target);
                    deleteQuietly(old); // still there when both names were one file (the move failed before it)
                } else if (!Files.exists(pending.get(i).temporary(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(target); // it was new, and its temporary is now the target
                }
            } catch (IOException e) {
                // best effort: the old content stays under its hidden name, which the error names
            }
        }
        kept.clear();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a hidden leftover is harmless; it never carries a generated file's name
        }
    }
}
