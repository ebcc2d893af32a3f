package lvswizard.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.plan.ServiceKey;
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
    private final KeepalivedDirector keepalived;
    private final SharedRecords records;

    public RoleRun(Runner runner, Plan plan, HostNeeds needs, Path outputDir, Console console, Duration timeout,
                   Clock clock) {
        this.runner = runner;
        this.plan = plan;
        this.needs = needs;
        this.outputDir = outputDir;
        this.console = console;
        this.timeout = timeout;
        this.clock = clock;
        this.keepalived = null;
        this.records = SharedRecords.onThisHost();
    }

    private RoleRun(RoleRun run, KeepalivedDirector keepalived, SharedRecords records) {
        this.runner = run.runner;
        this.plan = run.plan;
        this.needs = run.needs;
        this.outputDir = run.outputDir;
        this.console = run.console;
        this.timeout = run.timeout;
        this.clock = run.clock;
        this.keepalived = keepalived;
        this.records = records;
    }

    /** The same run reading another directory's shared records (tests, and hosts seen from outside). */
    public RoleRun reading(SharedRecords sharedRecords) {
        return new RoleRun(this, keepalived, sharedRecords);
    }

    /**
     * The same run for the owner of the IPVS table: for a director whose table keepalived keeps,
     * start installs the generated keepalived.conf and starts or reloads keepalived after the script.
     */
    public RoleRun owned(IpvsOwner owner) {
        return owner == IpvsOwner.KEEPALIVED && needs.isDirector()
                ? new RoleRun(this, KeepalivedDirector.inOutput(plan, needs.name(), outputDir), records) : this;
    }

    public Path script() {
        return outputDir.resolve(needs.scriptName()).toAbsolutePath();
    }

    public int start(boolean dryRun) throws OpsException {
        HostState state = HostState.read(runner, needs);
        KeepalivedHost keepalivedHost = keepalived == null ? null : KeepalivedHost.read(runner);
        List<Preflight.Problem> problems = new ArrayList<>(Preflight.check(runner, needs, state, plan,
                keepalivedHost != null && keepalivedHost.isRunning() && keepalived.ours(keepalivedHost.installed())));
        if (keepalivedHost != null) {
            problems.addAll(keepalived.problems(runner, keepalivedHost));
        }
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
        List<Message> changes = new ArrayList<>(Changes.ofStart(needs, state, plan, keepalived == null));
        if (keepalivedHost != null) {
            changes.addAll(keepalived.changes(keepalivedHost));
        }
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
            if (keepalivedHost != null) {
                if (!Files.isRegularFile(keepalived.generated())) {
                    say("run.would-check", keepalived.configTest().display());
                }
                keepalived.apply(keepalivedHost).forEach(c -> say("run.would-run", c.display()));
            }
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
                Snapshot snapshot = Snapshot.of(needs, state, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
                (keepalivedHost == null ? snapshot : snapshot.withKeepalived(keepalivedHost)).save(snapshotFile);
            } catch (IOException e) {
                throw new OpsException(Texts.of("run.cannot-save-snapshot", snapshotFile, e.getMessage()));
            }
            say("run.snapshot-saved", snapshotFile);
        }
        int code = runScript(command);
        if (code != 0 || keepalivedHost == null) {
            return code;
        }
        if (!runAll(keepalived.apply(keepalivedHost))) {
            return 1;
        }
        boolean loaded = awaitServices();
        sayPair(true);
        return loaded ? 0 : 1;
    }

    /**
     * A pair: which side this director is on now and whether it hears the other. After a start,
     * the director that preempts waits (5 s at most) for VRRP to make it master.
     */
    private void sayPair(boolean afterStart) throws OpsException {
        if (plan.pair() == null) {
            return;
        }
        boolean preferred = needs.name().equals(plan.cluster().director().name()) && plan.pair().settings().preempt();
        if (afterStart && preferred) {
            waitFor(() -> {
                try {
                    return PairState.of(plan, needs, HostState.addresses(runner)).master();
                } catch (OpsException e) {
                    return false;
                }
            });
        }
        say("run.vrrp", PairState.of(plan, needs, HostState.addresses(runner)).text());
        for (HostNeeds.Addr peer : needs.peers()) {
            say("run.vrrp-peer", PairState.peer(peer, HostState.heard(runner, peer)));
        }
    }

    /**
     * keepalived adds the virtual servers a moment after it starts (or reads its file again): the
     * run waits for them, so that it ends saying whether keepalived took the configuration.
     */
    private boolean awaitServices() {
        List<String> wanted = plan.services().stream().map(s -> ServiceKey.of(s).toString()).toList();
        var configured = SavedRules.parse(String.join("\n", Ipvsadm.restoreLines(plan)));
        long[] missing = {wanted.size()};
        boolean loaded = waitFor(() -> {
            Execution saved = runner.run(Command.of(Ipvsadm.save()));
            if (!saved.succeeded()) {
                return false;
            }
            var have = SavedRules.parse(saved.stdout());
            // options too: after a reload the services are there already, maybe with the old scheduler
            missing[0] = wanted.stream().filter(k -> !have.containsKey(k)
                    || !have.get(k).options().equals(configured.get(k).options())).count();
            return missing[0] == 0;
        });
        if (loaded) {
            say("run.keepalived-keeps", wanted.size());
        } else {
            say("run.keepalived-missing", missing[0], wanted.size(), "journalctl -u keepalived / syslog");
        }
        return loaded;
    }

    private static final int SERVICE_WAIT_TRIES = 20;

    /**
     * keepalived takes its services out of IPVS while it exits, after the signal: what follows
     * (the script's stop, the table's restore) waits until it is gone.
     */
    private boolean awaitKeepalivedGone(List<Command> ran) {
        if (ran.stream().noneMatch(c -> c.argv().contains("-TERM") || c.argv().contains("stop"))) {
            return true;
        }
        if (waitFor(() -> !KeepalivedHost.read(runner).isRunning())) {
            return true;
        }
        say("run.keepalived-still-running");
        return false;
    }

    /** Looks up to {@value #SERVICE_WAIT_TRIES} times, a pause apart, until the condition holds. */
    private static boolean waitFor(BooleanSupplier condition) {
        for (int attempt = 0; attempt < SERVICE_WAIT_TRIES; attempt++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(SERVICE_WAIT_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Between two looks at the table while keepalived starts: 20 looks make 5 s. */
    private static final Duration SERVICE_WAIT_PAUSE = Duration.ofMillis(250);

    /** Runs each command, saying so; stops at the first that fails. */
    private boolean runAll(List<Command> commands) {
        for (Command command : commands) {
            Execution run = runner.run(command, (stream, line) -> console.output(line));
            say("run.ran", command.display(), run.ended());
            if (!run.succeeded()) {
                say("run.command-failed", command.display(), IpvsReader.firstLine(run.stderr()));
                return false;
            }
        }
        return true;
    }

    public int stop(boolean dryRun) throws OpsException {
        if (keepalived == null) {
            return simple("stop", dryRun);
        }
        List<Command> stopKeepalived = keepalived.stop(KeepalivedHost.read(runner));
        if (dryRun) {
            stopKeepalived.forEach(c -> say("run.would-run", c.display()));
            return simple("stop", true);
        }
        requireScript();
        if (!runAll(stopKeepalived) || !awaitKeepalivedGone(stopKeepalived)) {
            return 1;
        }
        return simple("stop", false);
    }

    public int status(boolean dryRun) throws OpsException {
        int code = simple("status", dryRun);
        if (keepalived == null || dryRun) {
            return code;
        }
        KeepalivedHost host = KeepalivedHost.read(runner);
        boolean ours = keepalived.runsThisCluster(host);
        if (ours) {
            say("run.keepalived-running", host.mainPid(), KeepalivedDirector.CONF);
            sayPair(false);
        } else if (host.isRunning()) {
            say("run.keepalived-runs-other", host.mainPid());
        } else {
            say("run.keepalived-not-running");
        }
        // LSB: the script's part running without keepalived is a director half up
        return code == 0 && !ours ? 2 : code;
    }

    public int undo(boolean dryRun) throws OpsException {
        Path file = Snapshot.file(outputDir, needs);
        Snapshot snapshot = Snapshot.load(file, needs);
        Command stop = scriptCommand("stop");
        KeepalivedHost keepalivedNow = keepalived == null ? null : KeepalivedHost.read(runner);
        // a setting another configuration's script still holds stays, as the scripts' own stop leaves it
        Map<String, List<String>> held = new TreeMap<>();
        snapshot.sysctls().keySet().forEach(path -> {
            List<String> holders = records.holders(path, needs.stateDir());
            if (!holders.isEmpty()) {
                held.put(path, holders);
            }
        });
        // a keepalived that ran before the first start keeps the table itself: it is left to it
        boolean table = snapshot.ipvsRules() != null && (keepalivedNow == null
                || !Boolean.TRUE.equals(snapshot.keepalivedRunning()));
        List<Command> restore = snapshot.restoreCommands(held.keySet());
        List<Command> before = keepalivedNow == null ? List.of() : keepalived.undo(snapshot, keepalivedNow);
        List<Command> after = keepalivedNow == null ? List.of() : keepalived.afterRestore(snapshot, keepalivedNow);
        if (dryRun) {
            say("run.undo-would-run");
            before.forEach(c -> say("item", c.display()));
            say("item", stop.display());
            if (table) {
                say("item", Texts.of("run.undo-table"));
            }
            restore.forEach(c -> say("item", c.display()));
            after.forEach(c -> say("item", c.display()));
            return 0;
        }
        requireScript();
        List<Message> changes = new ArrayList<>();
        before.forEach(c -> changes.add(Texts.of("change.command", c.display())));
        changes.add(Texts.of("change.stop", needs.scriptName()));
        if (table) {
            changes.add(Texts.of("change.ipvs-table", snapshot.taken(),
                    snapshot.ipvsRules().lines().filter(l -> l.startsWith("-A")).count()));
        }
        snapshot.sysctls().forEach((path, value) -> changes.add(held.containsKey(path)
                ? Texts.of("change.sysctl-held", path, String.join(", ", held.get(path)))
                : Texts.of("change.sysctl-back", path, value)));
        after.forEach(c -> changes.add(Texts.of("change.command", c.display())));
        if (!console.confirm(changes)) {
            say("run.nothing-changed");
            return NOT_RUN;
        }
        if (!runAll(before) || !awaitKeepalivedGone(before)) {
            return 1;
        }
        int code = runScript(stop);
        List<Command> putBack = new ArrayList<>();
        if (table) {
            Execution now = runner.run(Command.of(Ipvsadm.save()));
            if (!now.succeeded()) {
                say("run.undo-stopped", now.command().display(), IpvsReader.firstLine(now.stderr()));
                return 1;
            }
            putBack.addAll(snapshot.tableRepair(now.stdout(), ourServices()));
        }
        putBack.addAll(restore);
        putBack.addAll(after);
        for (Command command : putBack) {
            Execution run = runner.run(command, (stream, line) -> console.output(line));
            say("run.ran", command.display(), run.ended());
            if (!run.succeeded()) {
                say("run.undo-stopped", command.display(), IpvsReader.firstLine(run.stderr()));
                return 1;
            }
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".undone"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            say("run.snapshot-not-set-aside", e.getMessage());
        }
        say("run.undone", snapshot.taken());
        return code == 0 ? 0 : 1;
    }

    private Set<ServiceKey> ourServices() {
        Set<ServiceKey> keys = new LinkedHashSet<>();
        plan.services().forEach(service -> keys.add(ServiceKey.of(service)));
        return keys;
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
