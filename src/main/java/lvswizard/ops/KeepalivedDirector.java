package lvswizard.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.model.CheckKind;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.render.KeepalivedExport;
import lvswizard.text.Message;

/**
 * A director whose IPVS table keepalived keeps: what must hold before its start (keepalived
 * installed, {@code keepalived -t} accepting the generated file, no keepalived of another
 * configuration replaced), what start changes besides the script's part, and the commands that
 * install the file and start or reload keepalived, stop it, and put back what was there.
 */
public final class KeepalivedDirector {
    static final String CONF = IpvsOwner.KEEPALIVED_CONF;

    private final Plan plan;
    private final Path generated;

    /** {@code generated}: the keepalived.conf that generate wrote for this plan. */
    public KeepalivedDirector(Plan plan, Path generated) {
        this.plan = plan;
        this.generated = generated.toAbsolutePath();
    }

    /** The named director of a plan whose files were generated into {@code outputDir}. */
    public static KeepalivedDirector inOutput(Plan plan, String director, Path outputDir) {
        return new KeepalivedDirector(plan, outputDir.resolve(KeepalivedExport.fileName(plan, director)));
    }

    public Path generated() {
        return generated;
    }

    /** The file at {@value IpvsOwner#KEEPALIVED_CONF} was written by lvs-wizard for this cluster. */
    boolean ours(String text) {
        return text != null && KeepalivedExport.writtenFor(text, plan.cluster().name());
    }

    /** keepalived runs here with this cluster's file at the standard place. */
    boolean runsThisCluster(KeepalivedHost host) {
        return host.isRunning() && host.runningElsewhere() == null && ours(host.installed());
    }

    /** What stops start: keepalived missing, a file it refuses, another configuration's keepalived. */
    List<Preflight.Problem> problems(Runner runner, KeepalivedHost host) {
        List<Preflight.Problem> problems = new ArrayList<>();
        if (!host.installedHere()) {
            problems.add(new Preflight.Problem(Texts.of("keepalived.not-installed"),
                    Texts.of("keepalived.fix-install", "apt-get install keepalived", "dnf install keepalived")));
            return problems;
        }
        if (Files.isRegularFile(generated)) {
            Execution test = runner.run(configTest());
            if (!test.succeeded()) {
                problems.add(new Preflight.Problem(Texts.of("keepalived.config-test-failed", configTest().display(),
                        test.ended(), firstError(test)), Texts.of("keepalived.fix-config-test")));
            }
        }
        KeepalivedHost.Running elsewhere = host.runningElsewhere();
        if (elsewhere != null) {
            problems.add(new Preflight.Problem(Texts.of("keepalived.runs-other-file", elsewhere.pid(),
                    elsewhere.config()), Texts.of("keepalived.fix-other", generated)));
        } else if (host.installed() != null && !ours(host.installed())) {
            problems.add(new Preflight.Problem(Texts.of(host.isRunning() ? "keepalived.runs-foreign"
                    : "keepalived.foreign-file", CONF, firstLine(host.installed())),
                    Texts.of("keepalived.fix-other", generated)));
        }
        return problems;
    }

    /** keepalived's own check of the generated file, as root on the director (it sees the interfaces). */
    public Command configTest() {
        return Command.of("keepalived", "--config-test", "--use-file=" + generated);
    }

    /** What start changes besides the script's part. */
    List<Message> changes(KeepalivedHost host) {
        List<Message> changes = new ArrayList<>();
        changes.add(Texts.of(host.installed() == null ? "keepalived.change-install" : "keepalived.change-replace",
                generated, CONF));
        changes.add(host.isRunning() ? Texts.of("keepalived.change-reload", host.mainPid())
                : Texts.of("keepalived.change-start"));
        for (Plan.Service service : plan.services()) {
            int members = service.members().size();
            boolean checked = service.spec().healthCheck() != null
                    && service.spec().healthCheck().kind() != CheckKind.NONE;
            changes.add(Texts.of("keepalived.change-service" + (checked ? ".checked" : "")
                    + (members == 1 ? ".one" : ".many"), service.text(), service.spec().scheduler(), members));
        }
        return changes;
    }

    /** After the script prepared the host: install the file, then start keepalived or make it read the file again. */
    List<Command> apply(KeepalivedHost host) {
        return List.of(Command.of("install", "-D", "-m", "0644", generated.toString(), CONF),
                host.isRunning() ? reload(host) : start(host));
    }

    /** Stop keepalived when it runs this cluster's file; another configuration's keepalived is left alone. */
    List<Command> stop(KeepalivedHost host) {
        if (!runsThisCluster(host)) {
            return List.of();
        }
        return List.of(host.systemdRunsIt() ? Command.of("systemctl", "stop", "keepalived.service")
                : Command.of("kill", "-TERM", Long.toString(host.mainPid())));
    }

    /**
     * Back to the snapshot: keepalived stopped if it did not run then, the file that was there
     * put back (or removed if there was none), and a keepalived that ran then reads it again
     * after the IPVS table is back ({@link #afterRestore}).
     */
    List<Command> undo(Snapshot snapshot, KeepalivedHost now) {
        List<Command> commands = new ArrayList<>();
        if (!Boolean.TRUE.equals(snapshot.keepalivedRunning())) {
            commands.addAll(stop(now));
        }
        commands.add(snapshot.keepalivedConf() == null ? Command.of("rm", "-f", CONF)
                : Command.of("install", "-D", "-m", "0644", "/dev/stdin", CONF).withStdin(snapshot.keepalivedConf()));
        return commands;
    }

    /** After the IPVS table is restored: the keepalived that ran before reads its own file again. */
    List<Command> afterRestore(Snapshot snapshot, KeepalivedHost now) {
        if (Boolean.TRUE.equals(snapshot.keepalivedRunning()) && now.isRunning()) {
            return List.of(reload(now));
        }
        return List.of();
    }

    private static Command start(KeepalivedHost host) {
        return host.systemdInit() ? Command.of("systemctl", "start", "keepalived.service")
                : Command.of("keepalived", "--use-file=" + CONF);
    }

    /** Debian's unit reloads with kill -HUP $MAINPID too; a keepalived started by hand is signalled directly. */
    private static Command reload(KeepalivedHost host) {
        return host.systemdRunsIt() ? Command.of("systemctl", "reload", "keepalived.service")
                : Command.of("kill", "-HUP", Long.toString(host.mainPid()));
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }

    /** keepalived -t's first complaint (it logs every line it read on the way). */
    private static String firstError(Execution test) {
        List<String> lines = (test.stderr() + test.stdout()).lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
        return lines.stream().filter(l -> l.matches("(?i).*(error|unknown|invalid|not exist|fail).*")).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }
}
