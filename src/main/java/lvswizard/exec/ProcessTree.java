package lvswizard.exec;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.ProcessDestroyer;

/**
 * The children this JVM is running, each killed together with everything it started: on cancel,
 * on timeout and when the JVM exits (quit, Ctrl-C, SIGTERM, a crash that reaches the shutdown
 * hooks). commons-exec's own destroyer and watchdog kill only the direct child, which would leave
 * a script's ipvsadm or sleep running as an orphan.
 */
final class ProcessTree implements ProcessDestroyer {
    static final ProcessTree LIVE = new ProcessTree();
    private static final long GRACE_MILLIS = 2000;

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Set<Process> cancelled = ConcurrentHashMap.newKeySet();

    private ProcessTree() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "lvs-wizard-children"));
    }

    @Override
    public boolean add(Process process) {
        return processes.add(process);
    }

    @Override
    public boolean remove(Process process) {
        return processes.remove(process);
    }

    @Override
    public int size() {
        return processes.size();
    }

    /** Whether {@link #cancelAll()} stopped this process (and forgets it). */
    boolean wasCancelled(Process process) {
        return cancelled.remove(process);
    }

    void cancelAll() {
        for (Process process : List.copyOf(processes)) {
            cancelled.add(process);
            kill(process);
        }
    }

    private void killAll() {
        List.copyOf(processes).forEach(ProcessTree::kill);
    }

    /**
     * SIGTERM to the process and its descendants (listed first: once the parent dies they are
     * re-parented and can no longer be found from it), SIGKILL to whatever is left after a grace.
     */
    static void kill(Process given) {
        Process process = given instanceof TreeProcess wrapped ? wrapped.child() : given;
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
