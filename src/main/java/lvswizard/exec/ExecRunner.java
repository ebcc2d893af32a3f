package lvswizard.exec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.Watchdog;

/**
 * The real runner (commons-exec): the argument vector as given, output streamed line by line,
 * a time limit per command after which the whole process tree is killed, and no child left
 * behind when the JVM exits. Commands run with LC_ALL=C so that tools print what the parsers
 * expect, and as root only from directories of PATH that no other user can write ({@link TrustedPath}).
 */
public final class ExecRunner implements Runner {
    /** After the child ends, how long to wait for a grandchild that still holds the output pipe. */
    private static final Duration PUMP_STOP_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public Execution run(Command command, OutputListener listener) {
        if (Thread.currentThread().isInterrupted()) {
            // the caller is being stopped (the monitor closed while it read): start nothing new
            return new Execution(command, -1, "", "", Duration.ZERO, Execution.Ending.CANCELLED);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        InputStream stdin = command.stdin() == null ? null
                : new ByteArrayInputStream(command.stdin().getBytes(StandardCharsets.UTF_8));
        PumpStreamHandler pump = new PumpStreamHandler(new Lines(OutputListener.Stream.STDOUT, out, listener),
                new Lines(OutputListener.Stream.STDERR, err, listener), stdin);
        pump.setStopTimeout(PUMP_STOP_TIMEOUT);
        TreeWatchdog watchdog = new TreeWatchdog(command.timeout());
        DefaultExecutor executor = new TreeExecutor();
        executor.setStreamHandler(pump);
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        executor.setProcessDestroyer(ProcessTree.LIVE);
        long start = System.nanoTime();
        int exit;
        try {
            exit = executor.execute(commandLine(command), environment());
        } catch (IOException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            return new Execution(command, -1, "", String.valueOf(reason), elapsed(start),
                    Execution.Ending.NOT_STARTED);
        }
        Duration duration = elapsed(start);
        Execution.Ending ending = watchdog.process != null && ProcessTree.LIVE.wasCancelled(watchdog.process)
                ? Execution.Ending.CANCELLED
                : watchdog.timedOut ? Execution.Ending.TIMED_OUT
                : interruptedWait(watchdog.process) ? Execution.Ending.CANCELLED : Execution.Ending.EXITED;
        return new Execution(command, exit, out.toString(), err.toString(), duration, ending);
    }

    /**
     * Whether commons-exec destroyed the process because the waiting thread was interrupted. It
     * clears the thread's interrupt as it does so: set it again, so that the caller stops too
     * instead of starting its next command.
     */
    private static boolean interruptedWait(Process process) {
        boolean interrupted = process instanceof TreeProcess tree && tree.destroyed();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }

    @Override
    public void cancelAll() {
        ProcessTree.LIVE.cancelAll();
    }

    private static CommandLine commandLine(Command command) {
        String program = command.argv().get(0);
        if (TrustedPath.applies()) {
            program = TrustedPath.resolve(program, TrustedPath.directories(System.getenv("PATH"))).orElse(program);
        }
        CommandLine line = new CommandLine(program);
        // false: never let commons-exec quote or split an argument; the vector is exact
        command.argv().stream().skip(1).forEach(arg -> line.addArgument(arg, false));
        return line;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LC_ALL", "C");
        if (TrustedPath.applies()) {
            env.put("PATH", String.join(":", TrustedPath.directories(env.get("PATH")).stream().map(Path::toString)
                    .toList()));
        }
        return env;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** One stream of the child: kept whole and handed to the listener a line at a time. */
    private static final class Lines extends LogOutputStream {
        private final OutputListener.Stream stream;
        private final StringBuilder all;
        private final OutputListener listener;

        Lines(OutputListener.Stream stream, StringBuilder all, OutputListener listener) {
            super(0, StandardCharsets.UTF_8);
            this.stream = stream;
            this.all = all;
            this.listener = listener;
        }

        @Override
        protected void processLine(String line, int level) {
            synchronized (all) {
                all.append(line).append('\n');
            }
            listener.line(stream, line);
        }
    }

    /** commons-exec's executor, but whatever it destroys (an interrupted wait, say) goes with its whole tree. */
    private static final class TreeExecutor extends DefaultExecutor {
        @SuppressWarnings("deprecation") // the builder cannot be subclassed; this constructor can
        TreeExecutor() {
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, Path workingDirectory)
                throws IOException {
            return new TreeProcess(super.launch(command, env, workingDirectory));
        }
    }

    /** commons-exec's watchdog, but a timeout kills the whole tree, not only the direct child. */
    private static final class TreeWatchdog extends ExecuteWatchdog {
        private volatile Process process;
        private volatile boolean timedOut;

        @SuppressWarnings("deprecation") // the builder cannot be subclassed; this constructor can
        TreeWatchdog(Duration timeout) {
            super(timeout.toMillis());
        }

        @Override
        public synchronized void start(Process started) {
            this.process = started;
            super.start(started);
        }

        @Override
        public synchronized void timeoutOccured(Watchdog watchdog) {
            Process running = process;
            if (running != null && running.isAlive()) {
                timedOut = true;
                ProcessTree.kill(running);
            }
            super.timeoutOccured(watchdog);
        }
    }
}
