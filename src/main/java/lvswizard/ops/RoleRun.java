package lvswizard.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.render.HostNeeds;
import lvswizard.render.Plan;

/**
 * Runs one role's generated script on this host: preflight, the list of changes and a confirmation,
 * a snapshot before the first start, the script itself with its output streamed line by line, and
 * undo back to the snapshot. The command line and the wizard both drive it through a {@link Console}.
 */
public final class RoleRun {
    /** Where the run's words go, and who answers its question. */
    public interface Console {
        void line(String text);

        /** Shows what will change and asks to go on. */
        boolean confirm(List<String> changes);
    }

    /** Exit code when preflight fails or the operator declines: nothing was changed. */
    public static final int NOT_RUN = 1;

    private final Runner runner;
    private final Plan plan;
    private final HostNeeds needs;
    private final Path outputDir;
    private final Console console;
    private final Duration timeout;
    private final Clock clock;

    public RoleRun(Runner runner, Plan plan, HostNeeds needs, Path outputDir, Console console, Duration timeout,
                   Clock clock) {
        this.runner = runner;
        this.plan = plan;
        this.needs = needs;
        this.outputDir = outputDir;
        this.console = console;
        this.timeout = timeout;
        this.clock = clock;
    }

    public Path script() {
        return outputDir.resolve(needs.scriptName()).toAbsolutePath();
    }

    public int start(boolean dryRun) throws OpsException {
        HostState state = HostState.read(runner, needs);
        List<Preflight.Problem> problems = Preflight.check(runner, needs, state, plan);
        if (problems.isEmpty()) {
            console.line("preflight: OK (root, tools, modules, interfaces, addresses, no foreign IPVS service)");
        } else {
            console.line("preflight: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + (dryRun ? ", a real start would stop here:" : ", nothing was changed:"));
            problems.forEach(p -> console.line("  " + p.toLine()));
            if (!dryRun) {
                return NOT_RUN;
            }
        }
        List<String> changes = Changes.ofStart(needs, state, plan);
        Path snapshotFile = Snapshot.file(outputDir, needs);
        boolean started = runner.run(Command.of("test", "-e", needs.stateDir() + "/started")).succeeded();
        Command command = scriptCommand("start");
        if (dryRun) {
            // all three, whatever the preflight found: the dry run's promise is the checks, the changes and the commands
            console.line(needs.scriptName() + " start would" + (problems.isEmpty() ? ":" : ", once the preflight passes:"));
            changes.forEach(c -> console.line("  " + c));
            console.line(started ? "would keep the snapshot taken before the first start (" + snapshotFile + ")"
                    : "would save a snapshot to " + snapshotFile + " (the IPVS table and " + state.sysctls().size()
                    + " kernel settings)");
            console.line("would run: " + command.display());
            if (!problems.isEmpty()) {
                console.line("dry run: the preflight failed; fix the problems above before start");
                return NOT_RUN;
            }
            return 0;
        }
        requireScript();
        if (!console.confirm(changes)) {
            console.line("nothing was changed");
            return NOT_RUN;
        }
        if (!started || !Files.exists(snapshotFile)) {
            try {
                Snapshot.of(needs, state, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()).save(snapshotFile);
            } catch (IOException e) {
                throw new OpsException("cannot save the snapshot " + snapshotFile + ": " + e.getMessage()
                        + "; nothing was changed");
            }
            console.line("snapshot saved: " + snapshotFile + " (undo restores it)");
        }
        return runScript(command);
    }

    public int stop(boolean dryRun) throws OpsException {
        return simple("stop", dryRun);
    }

    public int status(boolean dryRun) throws OpsException {
        return simple("status", dryRun);
    }

    public int undo(boolean dryRun) throws OpsException {
        Path file = Snapshot.file(outputDir, needs);
        Snapshot snapshot = Snapshot.load(file);
        List<Command> restore = snapshot.restoreCommands();
        Command stop = scriptCommand("stop");
        if (dryRun) {
            console.line("undo would run:");
            console.line("  " + stop.display());
            restore.forEach(c -> console.line("  " + c.display()));
            return 0;
        }
        requireScript();
        List<String> changes = new java.util.ArrayList<>(List.of("stop " + needs.scriptName()
                + " (removes what its start added)"));
        if (snapshot.ipvsRules() != null) {
            changes.add("replace the whole IPVS table by the one of " + snapshot.taken() + " ("
                    + snapshot.ipvsRules().lines().filter(l -> l.startsWith("-A")).count() + " services)");
        }
        snapshot.sysctls().forEach((path, value) -> changes.add("set " + path + " back to " + value));
        if (!console.confirm(changes)) {
            console.line("nothing was changed");
            return NOT_RUN;
        }
        int code = runScript(stop);
        for (Command command : restore) {
            Execution run = runner.run(command, (stream, line) -> console.line(line));
            console.line("$ " + command.display() + "  (" + run.summary() + ")");
            if (!run.succeeded()) {
                console.line("undo stopped: " + command.display() + " failed: " + IpvsReader.firstLine(run.stderr()));
                return 1;
            }
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".undone"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            console.line("warning: cannot set the used snapshot aside: " + e.getMessage());
        }
        console.line("undone: the host is back to " + snapshot.taken());
        return code == 0 ? 0 : 1;
    }

    private int simple(String action, boolean dryRun) throws OpsException {
        Command command = scriptCommand(action);
        if (dryRun) {
            console.line("would run: " + command.display());
            return 0;
        }
        return runScript(command);
    }

    private Command scriptCommand(String action) {
        return Command.of("bash", script().toString(), action).withTimeout(timeout);
    }

    /** A script that is not there is refused before anything is asked or changed, not left to bash (exit 127). */
    private void requireScript() throws MissingScript {
        if (!Files.isRegularFile(script())) {
            throw new MissingScript(script());
        }
    }

    private int runScript(Command command) throws OpsException {
        requireScript();
        console.line("$ " + command.display());
        Execution run = runner.run(command, (stream, line) -> console.line(line));
        if (run.ending() != Execution.Ending.EXITED) {
            console.line(needs.scriptName() + ": " + run.summary());
            return 1;
        }
        return run.exitCode();
    }
}
