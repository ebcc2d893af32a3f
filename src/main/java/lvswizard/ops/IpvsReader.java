package lvswizard.ops;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.ipvs.Counters;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.ListingParser;
import lvswizard.plan.Ipvsadm;

/**
 * Reads the kernel's IPVS table with three ipvsadm listings (table, exact totals, exact rates).
 * Re-run on a timer for a live view: watch(1) would write curses escapes into the pipe.
 */
public final class IpvsReader {
    static final Command LIST = Command.of(Ipvsadm.list());
    static final Command STATS = Command.of(Ipvsadm.listStats());
    static final Command RATE = Command.of(Ipvsadm.listRate());

    private final Runner runner;

    public IpvsReader(Runner runner) {
        this.runner = runner;
    }

    public IpvsTable read() throws OpsException {
        IpvsTable table = ListingParser.list(output(LIST));
        Map<String, Counters> stats = ListingParser.counters(output(STATS));
        Map<String, Counters> rates = ListingParser.counters(output(RATE));
        return ListingParser.merge(table, stats, rates);
    }

    /**
     * A {@link #read} begun now on a daemon thread: a snapshot's listings run while the caller reads
     * and validates its configuration (at 10,000 real servers each takes tens of milliseconds).
     */
    public Pending readInBackground() {
        FutureTask<IpvsTable> task = new FutureTask<>(this::read);
        Thread thread = new Thread(task, "ipvs-read");
        thread.setDaemon(true);
        thread.start();
        return new Pending(task);
    }

    /** A table being read: {@link #table} waits for it and fails as {@link #read} would have. */
    public static final class Pending {
        private final FutureTask<IpvsTable> task;

        private Pending(FutureTask<IpvsTable> task) {
            this.task = task;
        }

        public IpvsTable table() throws OpsException {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return task.get();
                    } catch (InterruptedException e) {
                        // the listings end on their own (each has the runner's timeout): wait for them
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OpsException ops) {
                    throw ops;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private String output(Command command) throws OpsException {
        Execution run = runner.run(command);
        if (run.ending() == Execution.Ending.NOT_STARTED) {
            throw new OpsException(Texts.of("ipvs.no-ipvsadm", "apt-get install ipvsadm", "yum install ipvsadm"));
        }
        if (!run.succeeded()) {
            throw new OpsException(Texts.of(failure(run.stderr()), command.display(), run.ended(),
                    firstLine(run.stderr())));
        }
        return run.stdout();
    }

    static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no message");
    }

    /** The message for a failed listing: with the fix when ipvsadm's complaint names the cause. */
    private static String failure(String stderr) {
        if (stderr.contains("Permission denied")) {
            return "ipvs.failed-not-root";
        }
        // ipvsadm runs modprobe ip_vs itself before it says this: the kernel has no IPVS to load
        if (stderr.contains("Protocol not available") || stderr.contains("built in the kernel")
                || stderr.contains("Module ip_vs not found")) {
            return "ipvs.failed-no-ipvs";
        }
        return "host.command-failed";
    }
}
