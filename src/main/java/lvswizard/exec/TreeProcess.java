package lvswizard.exec;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child whose destroy() takes everything it started with it. commons-exec destroys the process
 * it launched itself when the waiting thread is interrupted (the monitor's poll thread, when the
 * monitor closes), and only that one: a shell's sleep or a hung ipvsadm's helpers would outlive
 * it, re-parented where nothing can find them. Handing commons-exec this wrapper makes its every
 * destroy() a {@link ProcessTree#kill} of the whole tree.
 */
final class TreeProcess extends Process {
    private final Process child;
    private volatile boolean destroyed;

    TreeProcess(Process child) {
        this.child = child;
    }

    /** The process itself, for {@link ProcessTree#kill} (which must not come back here). */
    Process child() {
        return child;
    }

    /** Whether commons-exec destroyed it (a timeout or cancel kills the child through {@link ProcessTree} instead). */
    boolean destroyed() {
        return destroyed;
    }

    @Override
    public void destroy() {
        destroyed = true;
        ProcessTree.kill(child);
    }

    @Override
    public Process destroyForcibly() {
        destroyed = true;
        child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        return this;
    }

    @Override
    public OutputStream getOutputStream() {
        return child.getOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return child.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return child.getErrorStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        return child.waitFor();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return child.waitFor(timeout, unit);
    }

    @Override
    public int exitValue() {
        return child.exitValue();
    }

    @Override
    public boolean isAlive() {
        return child.isAlive();
    }

    @Override
    public boolean supportsNormalTermination() {
        return child.supportsNormalTermination();
    }

    @Override
    public long pid() {
        return child.pid();
    }

    @Override
    public ProcessHandle toHandle() {
        return child.toHandle();
    }

    @Override
    public ProcessHandle.Info info() {
        return child.info();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return child.onExit().thenApply(exited -> this);
    }

    @Override
    public Stream<ProcessHandle> children() {
        return child.children();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return child.descendants();
    }
}
