package lvswizard.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per output directory: two generates into one empty directory both found no conflict,
 * and the second silently replaced the first's files. The lock (flock-like, released by the kernel
 * when the process dies) is held from the conflict check to the last rename.
 */
final class WriteLock implements AutoCloseable {
    static final String FILE_NAME = ".lvs-wizard.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static WriteLock take(Path directory) throws OutputException {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputException(file + ": cannot open the lock file: " + e.getMessage());
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new WriteLock(channel, lock);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held by this process: the same refusal
        }
        closeQuietly(channel);
        throw new OutputException(directory + ": another lvs-wizard is writing into this directory; nothing was"
                + " written, try again when it is done");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
