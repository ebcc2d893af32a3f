package lvswizard.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.text.Message;

/**
 * Runs one role's generated script on this host: preflight, the list of changes and a confirmation,
 * a snapshot before the first start, the script itself with its output streamed line by line, and
 * undo back to the snapshot. The command line and the wizard both drive it through a {@link Console}.
 */
public final class RoleRun {
    /** Where the run's words go, and who answers its question. */
    public interface Console {
        /** Something the run says, in no language yet. */
        void say(Message text);

        /** A line of the script's (or a command's) own output, shown as it is. */
        void output(String line);

        /** Shows what will change and asks to go on. */
        boolean confirm(List<Message> changes);
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
            say("run.preflight-ok");
        } else {
            say("run.preflight-failed" + (dryRun ? "-dry" : "") + (problems.size() == 1 ? ".one" : ".many"),
                    problems.size());
            problems.forEach(p -> say("item", p.line()));
            if (!dryRun) {
                return NOT_RUN;
            }
        }
        List<Message> changes = Changes.ofStart(needs, state, plan);
        Path snapshotFile = Snapshot.file(outputDir, needs);
        boolean started = runner.run(Command.of("test", "-e", needs.stateDir() + "/started")).succeeded();
        Command command = scriptCommand("start");
        if (dryRun) {
            // all three, whatever the preflight found: the dry run's promise is the checks, the changes and the commands
            say(problems.isEmpty() ? "run.start-would" : "run.start-would-once-fixed", needs.scriptName());
            changes.forEach(c -> say("item", c));
            if (started) {
                say("run.would-keep-snapshot", snapshotFile);
            } else {
                say("run.would-save-snapshot", snapshotFile, state.sysctls().size());
            }
            say("run.would-run", command.display());
            if (!problems.isEmpty()) {
                say("run.dry-preflight-failed");
                return NOT_RUN;
            }
            return 0;
        }
        requireScript();
        if (!console.confirm(changes)) {
            say("run.nothing-changed");
            return NOT_RUN;
        }
        if (!started || !Files.exists(snapshotFile)) {
            try {
                Snapshot.of(needs, state, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()).save(snapshotFile);
            } catch (IOException e) {
                throw new OpsException(Texts.of("run.cannot-save-snapshot", snapshotFile, e.getMessage()));
            }
            say("run.snapshot-saved", snapshotFile);
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
            say("run.undo-would-run");
            say("item", stop.display());
            restore.forEach(c -> say("item", c.display()));
            return 0;
        }
        requireScript();
        List<Message> changes = new ArrayList<>(List.of(Texts.of("change.stop", needs.scriptName())));
        if (snapshot.ipvsRules() != null) {
            changes.add(Texts.of("change.ipvs-table", snapshot.taken(),
                    snapshot.ipvsRules().lines().filter(l -> l.startsWith("-A")).count()));
        }
        snapshot.sysctls().forEach((path, value) -> changes.add(Texts.of("change.sysctl-back", path, value)));
        if (!console.confirm(changes)) {
            say("run.nothing-changed");
            return NOT_RUN;
        }
        int code = runScript(stop);
        for (Command command : restore) {
            Execution run = runner.run(command, (stream, line) -> console.output(line));
            say("run.ran", command.display(), run.ended());
            if (!run.succeeded()) {
                say("run.undo-stopped", command.display(), IpvsReader.firstLine(run.stderr()));
                return 1;
            }
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".undone"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            say("run.snapshot-not-set-aside", e.getMessage());
        }
        say("run.undone", snapshot.taken());
        return code == 0 ? 0 : 1;
    }

    private int simple(String action, boolean dryRun) throws OpsException {
        Command command = scriptCommand(action);
        if (dryRun) {
            say("run.would-run", command.display());
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
        console.output("$ " + command.display());
        Execution run = runner.run(command, (stream, line) -> console.output(line));
        if (run.ending() != Execution.Ending.EXITED) {
            say("run.script-ended", needs.scriptName(), run.ended());
            return 1;
        }
        return run.exitCode();
    }

    private void say(String key, Object... args) {
        console.say(Texts.of(key, args));
    }
}
