package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.RadioBoxList;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import lvswizard.exec.CommandLog;
import lvswizard.exec.Runner;
import lvswizard.ipvs.MonitorReport;
import lvswizard.ops.ConfiguredServers;
import lvswizard.ops.Doctor;
import lvswizard.ops.HostState;
import lvswizard.ops.OpsException;
import lvswizard.ops.RoleRun;
import lvswizard.output.TrustedDirectory;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.text.Message;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Messages;
import lvswizard.validation.Validator;

/**
 * "Run on this host": pick the role, then dry run, start, status, stop, undo, doctor or the live
 * monitor, with the output streamed into the window as it comes and every command in the command
 * log beside the generated files. Work runs on a background thread; its questions come back to the
 * GUI thread as dialogs. Cancel (or closing while something runs) kills the whole process tree.
 */
final class RunWindow extends BasicWindow {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final Draft draft;
    private final Plan plan;
    private final Runner runner;
    private final CommandLog log;
    private final Runner logged;
    private final RadioBoxList<String> roles = new RadioBoxList<>();
    private final TextBox output;
    private final List<HostNeeds> hosts;
    private volatile Thread worker;

    RunWindow(WindowBasedTextGUI gui, Messages m, Draft draft, Runner runner) {
        super(m.get("run.title"));
        this.gui = gui;
        this.m = m;
        this.draft = draft;
        this.plan = Validator.check(draft.cluster()).validPlan();
        this.runner = runner;
        this.log = new CommandLog(draft.outputDir().resolve(CommandLog.FILE_NAME));
        this.logged = log.around(runner);
        this.hosts = HostNeeds.all(plan);
        setHints(Set.of(Window.Hint.FULL_SCREEN));
        TerminalSize size = gui.getScreen().getTerminalSize();
        // as --role names them; a pair's two directors by name, the first real server after them
        long directors = hosts.stream().filter(HostNeeds::isDirector).count();
        hosts.forEach(h -> roles.addItem(!h.isDirector() ? "realserver:" + h.name()
                : directors > 1 ? "director:" + h.name() : "director"));
        roles.setCheckedItemIndex(draft.role() == HostRole.REAL_SERVER && hosts.size() > directors ? (int) directors : 0);
        roles.setSelectedIndex(roles.getCheckedItemIndex());
        output = new TextBox(new TerminalSize(Math.max(20, size.getColumns() - 4), Math.max(3, size.getRows() - 12)),
                "", TextBox.Style.MULTI_LINE);
        output.setReadOnly(true);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(m.get("run.intro", draft.outputDir()))
                .setLabelWidth(Math.max(20, gui.getScreen().getTerminalSize().getColumns() - 6)));
        panel.addComponent(Form.row(new Label(m.get("run.role")), roles));
        panel.addComponent(Form.row(
                Form.button(m.get("run.dry"), () -> act(this::dryRun)),
                Form.button(m.get("run.start"), () -> act(run -> run.start(false))),
                Form.button(m.get("run.status"), () -> act(run -> run.status(false))),
                Form.button(m.get("run.stop"), () -> act(run -> run.stop(false))),
                Form.button(m.get("run.undo"), () -> act(run -> run.undo(false)))));
        panel.addComponent(Form.row(
                Form.button(m.get("run.doctor"), () -> act(this::doctor)),
                Form.button(m.get("run.monitor"), this::monitor),
                Form.button(m.get("run.log"), this::showLog),
                Form.button(m.get("run.cancel"), this::cancel),
                Form.button(m.get("run.close"), this::closeWindow)));
        panel.addComponent(output);
        setComponent(panel);
    }

    /** Shows the window until Close or Esc; true when it ended with Ctrl-C (the whole wizard stops then). */
    boolean showAndWait() {
        gui.addWindowAndWait(this);
        boolean interrupted = InterruptibleGui.interrupted(gui);
        if (interrupted) {
            runner.cancelAll(); // what still runs goes with its children, before the wizard returns
        }
        return interrupted;
    }

    private interface Action {
        int apply(RoleRun run) throws OpsException;
    }

    private HostNeeds selected() {
        return hosts.get(Math.max(0, roles.getCheckedItemIndex()));
    }

    private void act(Action action) {
        if (worker != null) {
            append(m.get("run.busy"));
            return;
        }
        HostNeeds needs = selected();
        if (!Files.exists(draft.outputDir().resolve(needs.scriptName()))) {
            append(m.get("run.noscript", draft.outputDir().resolve(needs.scriptName())));
            return;
        }
        if (TrustedDirectory.currentUid() == 0) {
            // as root the scripts there are executed: nobody else may be able to change them (as run --out)
            String untrusted = TrustedDirectory.problem(draft.outputDir(), 0);
            if (untrusted != null) {
                append(m.get("run.untrusted", untrusted));
                return;
            }
        }
        RoleRun run = new RoleRun(logged, plan, needs, draft.outputDir(), console(), SCRIPT_TIMEOUT,
                Clock.systemUTC()).owned(draft.format().ipvsOwner());
        append("== " + roles.getCheckedItem());
        worker = new Thread(() -> {
            try {
                int code = action.apply(run);
                append(m.get("run.exit", code));
                if (log.fileWarning() != null) {
                    append(log.fileWarning().format(m.locale()));
                }
            } catch (OpsException e) {
                append(m.get("run.failed", e.message(m.locale())));
            } catch (RuntimeException e) {
                append(m.get("run.failed", e.getMessage()));
            } finally {
                worker = null;
            }
        }, "lvs-wizard-run");
        worker.setDaemon(true);
        worker.start();
    }

    private int dryRun(RoleRun run) throws OpsException {
        return run.start(true);
    }

    private int doctor(RoleRun run) throws OpsException {
        HostNeeds needs = selected();
        List<Doctor.Check> checks = Doctor.examine(logged, needs, plan, draft.format().ipvsOwner());
        checks.forEach(c -> append(c.toLine(m.locale())));
        return checks.stream().noneMatch(Doctor.Check::wrong) ? 0 : 1;
    }

    private RoleRun.Console console() {
        return new RoleRun.Console() {
            @Override
            public void say(Message text) {
                append(text.format(m.locale()));
            }

            @Override
            public void output(String line) {
                append(line);
            }

            @Override
            public boolean confirm(List<Message> changes) {
                CompletableFuture<Boolean> answer = new CompletableFuture<>();
                String text = m.get("run.confirm.text") + "\n- " + String.join("\n- ",
                        changes.stream().map(c -> c.format(m.locale())).toList());
                gui.getGUIThread().invokeLater(() -> answer.complete(
                        Dialogs.confirm(gui, m, m.get("run.confirm.title"), text)));
                try {
                    return answer.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException e) {
                    return false;
                }
            }
        };
    }

    private void append(String line) {
        gui.getGUIThread().invokeLater(() -> {
            output.addLine(line);
            output.setCaretPosition(output.getLineCount() - 1, 0);
        });
    }

    private void monitor() {
        // Ctrl-C there closes this window too
        new MonitorWindow(gui, m, runner, log, ConfiguredServers.of(draft.cluster(),
                draft.format().ipvsOwner() == IpvsOwner.KEEPALIVED),
                ConfiguredServers.weights(draft.cluster()), MonitorReport.View.CONNECTIONS, Duration.ofSeconds(1),
                plan.pair() == null ? null : plan).showAndWait();
    }

    private void showLog() {
        List<String> lines = new ArrayList<>();
        log.entries().forEach(e -> lines.add(e.toLine()));
        int from = Math.max(0, lines.size() - 15);
        Dialogs.info(gui, m, m.get("run.log.title", log.file()), lines.isEmpty() ? m.get("run.log.empty")
                : String.join("\n", lines.subList(from, lines.size())));
    }

    private void cancel() {
        if (worker != null) {
            runner.cancelAll();
            append(m.get("run.cancelled"));
        }
    }

    private void closeWindow() {
        if (worker != null) {
            if (!Dialogs.confirm(gui, m, m.get("run.title"), m.get("run.close.busy"))) {
                return;
            }
            runner.cancelAll();
        }
        close();
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.Escape) {
            closeWindow();
            return true;
        }
        if (Dialogs.isHelpKey(key, getFocusedInteractable())) {
            Dialogs.help(gui, m, m.get("help.run"), KeyMap.DIALOG);
            return true;
        }
        return super.handleInput(key);
    }
}
