package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.ops.TrustedBundle;
import lvswizard.output.OutputException;
import lvswizard.output.TrustedDirectory;
import lvswizard.text.Message;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;
import lvswizard.validation.Validator;
import lvswizard.wizard.Format;
import lvswizard.wizard.Generation;

/**
 * "Try it in a lab": the cluster on this host in network namespaces (the lab bundle in
 * OUT/lab), built, tested and removed from the wizard, with lab.sh's output streamed in.
 */
final class LabWindow extends BasicWindow {
    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final Draft draft;
    private final Runner runner;
    private final Path dir;
    private final TextBox output;
    private volatile Thread worker;

    LabWindow(WindowBasedTextGUI gui, Messages m, Draft draft, Runner runner) {
        super(m.get("lab.title"));
        this.gui = gui;
        this.m = m;
        this.draft = draft;
        this.runner = runner;
        this.dir = draft.outputDir().resolve("lab");
        setHints(Set.of(Window.Hint.FULL_SCREEN));
        TerminalSize size = gui.getScreen().getTerminalSize();
        output = new TextBox(new TerminalSize(Math.max(20, size.getColumns() - 4), Math.max(3, size.getRows() - 8)),
                "", TextBox.Style.MULTI_LINE);
        output.setReadOnly(true);
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(m.get("lab.intro", dir))
                .setLabelWidth(Math.max(20, gui.getScreen().getTerminalSize().getColumns() - 6)));
        List<Button> buttons = new ArrayList<>(List.of(Form.button(m.get("lab.up"), () -> act("up")),
                Form.button(m.get("lab.test"), () -> act("test"))));
        if (draft.cluster().failover() != null) {
            // a pair of directors: the master fails while the client keeps asking
            buttons.add(Form.button(m.get("lab.failover"), () -> act("failover")));
        }
        buttons.addAll(List.of(Form.button(m.get("lab.down"), () -> act("down")),
                Form.button(m.get("run.cancel"), this::cancel),
                Form.button(m.get("run.close"), this::closeWindow)));
        panel.addComponent(Form.row(buttons.toArray(Button[]::new)));
        panel.addComponent(output);
        setComponent(panel);
    }

    /** Shows the window until Close or Esc; true when it ended with Ctrl-C. */
    boolean showAndWait() {
        gui.addWindowAndWait(this);
        boolean interrupted = InterruptibleGui.interrupted(gui);
        if (interrupted) {
            runner.cancelAll(); // what still runs goes with its children, before the wizard returns
        }
        return interrupted;
    }

    private void act(String action) {
        if (worker != null) {
            append(m.get("run.busy"));
            return;
        }
        if (action.equals("up")) {
            try {
                Generation.writeExport(Format.LAB, Validator.check(draft.cluster()).validPlan(), draft.flavour(), dir,
                        true);
            } catch (OutputException e) {
                append(m.get("run.failed", e.getMessage()));
                return;
            }
        }
        Message refused = TrustedBundle.problem(dir, TrustedDirectory.currentUid());
        if (refused != null) {
            append(refused.format(m.locale()));
            return;
        }
        Command command = Command.of(List.of("bash", dir.resolve("lab.sh").toAbsolutePath().toString(), action))
                .withTimeout(Duration.ofMinutes(15));
        append("$ " + command.display());
        worker = new Thread(() -> {
            try {
                Execution run = runner.run(command, (stream, line) -> append(line));
                append(run.ending() == Execution.Ending.EXITED ? m.get("run.exit", run.exitCode())
                        : run.ended().format(m.locale()));
            } finally {
                worker = null;
            }
        }, "lvs-wizard-lab");
        worker.setDaemon(true);
        worker.start();
    }

    private void append(String line) {
        gui.getGUIThread().invokeLater(() -> {
            output.addLine(line);
            output.setCaretPosition(output.getLineCount() - 1, 0);
        });
    }

    private void cancel() {
        if (worker != null) {
            runner.cancelAll();
            append(m.get("run.cancelled"));
        }
    }

    private void closeWindow() {
        if (worker != null) {
            if (!Dialogs.confirm(gui, m, m.get("lab.title"), m.get("run.close.busy"))) {
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
            Dialogs.help(gui, m, m.get("help.lab"), KeyMap.DIALOG);
            return true;
        }
        return super.handleInput(key);
    }
}
