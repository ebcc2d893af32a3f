package lvswizard.output;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The manifest's SHA-256 of each written file, computed on the other cores while the writing thread
 * renders and writes the next files: at 10,000 real servers the set is 200 MB, and C1 (the
 * launcher's compiler) hashes it in about as much CPU time as everything else takes. The bytes
 * waiting for a hash are bounded, so that a slow hasher makes the writer wait rather than the heap grow.
 */
final class BackgroundHashes implements AutoCloseable {
    /** The most bytes handed over and not yet hashed (a larger file waits alone). */
    private static final int MAX_WAITING_BYTES = 16 << 20;

    private final ExecutorService hashers;
    private final Semaphore room = new Semaphore(MAX_WAITING_BYTES);

    BackgroundHashes() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.hashers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "manifest-hash");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The hash of {@code content}, once computed; waits while too many bytes are still waiting. */
    Future<String> hash(byte[] content) {
        int weight = Math.min(content.length, MAX_WAITING_BYTES);
        room.acquireUninterruptibly(weight);
        return hashers.submit(() -> {
            try {
                return Manifest.hash(content);
            } finally {
                room.release(weight);
            }
        });
    }

    /** The hash a {@link #hash} call gave. */
    static String of(Future<String> hash) {
        try {
            return hash.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the generated files", e);
        }
    }

    @Override
    public void close() {
        hashers.shutdownNow();
    }
}
