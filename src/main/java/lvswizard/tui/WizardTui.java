package lvswizard.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import lvswizard.exec.Runner;
import lvswizard.exec.HostFacts;
import lvswizard.model.Cluster;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.render.Version;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.Detection;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Generation;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Step;

/**
 * The full-screen wizard: a step list on the left, the current step in the middle, the keys at
 * the bottom. It owns the navigation and the draft; each step view is rebuilt from the draft.
 */
public final class WizardTui {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;
    private static final int SIDEBAR = 20;

    /** How the wizard ended. */
    public enum Outcome { FINISHED, QUIT, INTERRUPTED }

    /** What step views may ask of the wizard. */
    interface Actions {
        void change(UnaryOperator<Draft> edit, int select);

        void showService(int index);

        void editServer(int row);
    }

    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final Runner runner;
    private final BasicWindow window = new BasicWindow();
    private final Set<Step> visited = EnumSet.noneOf(Step.class);
    private final Panel stepList = new Panel(new LinearLayout());
    private final Panel problems = new Panel(new LinearLayout());
    private final Label status = new Label("");
    private final Button next;
    private Draft draft;
    private Cluster saved;
    private Step step = Step.START;
    private StepView view;
    private int serviceIndex;
    private int serverIndex;
    private List<Finding> findings = List.of();
    private Outcome outcome = Outcome.QUIT;
    private String report = "";

    public WizardTui(WindowBasedTextGUI gui, Draft draft, Messages messages, Runner runner) {
        this.gui = gui;
        this.draft = draft;
        this.saved = draft.cluster();
        this.m = messages;
        this.runner = runner;
        this.next = Form.button(m.get("button.next"), this::forward);
        window.setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        window.addWindowListener(new Keys());
    }

    /** Shows the wizard until Finish, quit or Ctrl-C. */
    public Outcome run() {
        com.googlecode.lanterna.gui2.TextGUIThread thread = gui.getGUIThread();
        if (thread.getThread() != null && thread.getThread() != Thread.currentThread()) {
            // a separate GUI thread draws the components: build them on that thread too
            try {
                thread.invokeAndWait(this::rebuild);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.INTERRUPTED;
            }
        } else {
            rebuild();
        }
        gui.addWindowAndWait(window);
        return outcome;
    }

    public Draft draft() {
        return draft;
    }

    // ---- layout ---------------------------------------------------------------------------

    private void rebuild() {
        TerminalSize size = gui.getScreen().getTerminalSize();
        if (size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS) {
            // wrapped to the width: a line longer than the terminal makes it wrap on its own and
            // the screen drifts out of step with what Lanterna believes it drew
            String message = m.get("too.small", size.getColumns(), size.getRows());
            int width = Math.max(10, size.getColumns() - 2);
            window.setComponent(new Label(String.join("\n",
                    com.googlecode.lanterna.TerminalTextUtils.getWordWrappedText(width, message))));
            return;
        }
        TerminalSize content = new TerminalSize(size.getColumns() - SIDEBAR - 4, size.getRows() - 9);
        view = createView(content);
        Panel root = new Panel(new BorderLayout());
        root.addComponent(stepList.withBorder(Borders.singleLine(m.get("steps"))), BorderLayout.Location.LEFT);
        Panel middle = new Panel(new LinearLayout());
        middle.addComponent(new Label(m.get(step.titleKey())).addStyle(SGR.BOLD));
        middle.addComponent(view.body());
        Button back = Form.button(m.get("button.back"), this::back);
        middle.addComponent(step == Step.GENERATE ? Form.row(back) : Form.row(back, next));
        middle.addComponent(status);
        middle.addComponent(problems);
        root.addComponent(middle.withBorder(Borders.singleLine(m.get("app.title", Version.current()))),
                BorderLayout.Location.CENTER);
        root.addComponent(new Label(m.get("legend")), BorderLayout.Location.BOTTOM);
        window.setComponent(root);
        refresh();
        Interactable first = view.fields().isEmpty() ? null : view.fields().get(0).widget;
        if (first != null && first.isEnabled()) {
            window.setFocusedInteractable(first);
        }
    }

    private StepView createView(TerminalSize size) {
        return switch (step) {
            case START -> {
                StartView start = new StartView(draft, m, this::detect);
                start.onChange(this::edited);
                yield start;
            }
            case SERVICES -> {
                ServicesView services = new ServicesView(draft, serviceIndex, m, new ActionsImpl());
                services.onChange(this::edited);
                yield services;
            }
            case DIRECTOR -> {
                DirectorView director = new DirectorView(draft, m);
                director.onChange(this::edited);
                yield director;
            }
            case REAL_SERVERS -> new RealServersView(draft, serverIndex, m, new ActionsImpl());
            case REVIEW -> new ReviewView(draft, m, size);
            case PREVIEW -> new PreviewView(renderOrEmpty(), m, size);
            case GENERATE -> new GenerateView(draft, m, size, this::write, this::runHere, this::lab, this::finish, report);
        };
    }

    private List<RenderedFile> renderOrEmpty() {
        if (Validator.hasErrors(Validator.validate(draft.cluster()))) {
            return List.of(new RenderedFile("-", m.get("generate.blocked"), false));
        }
        return new Renderer(Templates.packaged()).render(draft.cluster(), draft.flavour());
    }

    /** A widget changed: read the step back into the draft and show what the validator says. */
    private void edited() {
        draft = view.collect(draft);
        refresh();
    }

    private void refresh() {
        findings = Validator.validate(draft.cluster());
        for (Field field : view.fields()) {
            field.error.setText(findings.stream().filter(f -> f.isError() && field.shows(f.path())).findFirst()
                    .map(f -> f.message(m.locale())).map(WizardTui::clip).orElse(""));
        }
        stepList.removeAllComponents();
        for (Step s : Step.values()) {
            boolean errors = hasErrors(s);
            String mark = s == step ? ">" : errors && visited.contains(s) ? "!" : visited.contains(s) ? "+" : " ";
            Label label = new Label(mark + " " + m.get(s.titleKey()));
            if (s == step) {
                label.addStyle(SGR.BOLD);
            } else if (errors && visited.contains(s)) {
                label.setForegroundColor(TextColor.ANSI.RED);
            }
            stepList.addComponent(label);
        }
        problems.removeAllComponents();
        List<Finding> mine = findings.stream().filter(f -> step.owns(f.path())).toList();
        List<Finding> errors = mine.stream().filter(Finding::isError).toList();
        List<Finding> warnings = mine.stream().filter(f -> !f.isError()).toList();
        if (!errors.isEmpty()) {
            problems.addComponent(new Label(m.get("blocked")).setForegroundColor(TextColor.ANSI.RED));
            errors.stream().limit(4).forEach(f -> problems.addComponent(new Label(" - " + clip(f.path() + ": "
                    + f.message(m.locale())))));
        }
        if (!warnings.isEmpty() && step != Step.REVIEW) {
            problems.addComponent(new Label(m.get("warnings.note")).setForegroundColor(TextColor.ANSI.YELLOW));
            warnings.stream().limit(2).forEach(f -> problems.addComponent(new Label(" - " + clip(f.path() + ": "
                    + f.message(m.locale())))));
        }
        next.setEnabled(errors.isEmpty());
    }

    private boolean hasErrors(Step s) {
        return findings.stream().anyMatch(f -> f.isError() && s.owns(f.path()));
    }

    /** At most 100 columns; a CJK character takes two. */
    private static String clip(String text) {
        return TerminalTextUtils.getColumnWidth(text) > 100 ? TerminalTextUtils.fitString(text, 97) + "..." : text;
    }

    // ---- navigation and actions -------------------------------------------------------------

    private void forward() {
        draft = view.collect(draft);
        refresh();
        if (hasErrors(step) || step == Step.GENERATE) {
            return;
        }
        visited.add(step);
        step = step.next();
        status.setText("");
        rebuild();
    }

    private void back() {
        if (step == Step.START) {
            return;
        }
        draft = view.collect(draft);
        visited.add(step);
        step = step.previous();
        status.setText("");
        rebuild();
    }

    private void detect() {
        draft = view.collect(draft);
        try {
            Detection.Applied applied = Detection.apply(draft, HostFacts.detect(runner));
            draft = applied.draft();
            status.setText(m.get("detect.done", applied.summary()));
        } catch (IOException e) {
            status.setText(m.get("detect.failed", e.getMessage()));
        }
        refresh();
    }

    private void save() {
        draft = view.collect(draft);
        try {
            writeConfig();
            status.setText(m.get("saved", draft.configPath()));
        } catch (OutputException e) {
            status.setText(m.get("save.failed", e.getMessage()));
        }
    }

    private void writeConfig() throws OutputException {
        Generation.saveConfig(draft);
        saved = draft.cluster();
    }

    private void write() {
        writeFiles();
        rebuild();
    }

    /** Writes the draft's files as generate would; false when blocked, declined or failed (the report says). */
    private boolean writeFiles() {
        draft = view.collect(draft);
        if (Validator.hasErrors(Validator.validate(draft.cluster()))) {
            Dialogs.info(gui, m, m.get("error.title"), m.get("generate.blocked"));
            return false;
        }
        try {
            List<OutputDirectory.Written> written = Generation.write(draft, conflict -> Dialogs.confirm(gui, m,
                    m.get("generate.out"), m.get("generate.replace", draft.outputDir())));
            if (written == null) {
                return false;
            }
            saved = draft.cluster();
            report = String.join("\n", Generation.report(draft, written, m));
            return true;
        } catch (OutputException e) {
            report = m.get("save.failed", e.getMessage());
            return false;
        }
    }

    /**
     * Writes the files first, as Write does, so that what runs is exactly the draft the run
     * window checks (an edit after an earlier Write would otherwise run the old scripts).
     */
    private void runHere() {
        if (!writeFiles()) {
            rebuild();
            return;
        }
        if (new RunWindow(gui, m, draft, runner).showAndWait()) {
            outcome = Outcome.INTERRUPTED;
            window.close();
        }
    }

    /** The same draft, in network namespaces on this host. */
    private void lab() {
        draft = view.collect(draft);
        if (Validator.hasErrors(Validator.validate(draft.cluster()))) {
            Dialogs.info(gui, m, m.get("error.title"), m.get("generate.blocked"));
            return;
        }
        if (new LabWindow(gui, m, draft, runner).showAndWait()) {
            outcome = Outcome.INTERRUPTED;
            window.close();
        }
    }

    private void finish() {
        outcome = Outcome.FINISHED;
        window.close();
    }

    private void quit() {
        draft = view.collect(draft);
        if (!draft.cluster().equals(saved) && !Dialogs.confirm(gui, m, m.get("quit.title"), m.get("quit.unsaved"))) {
            return;
        }
        outcome = Outcome.QUIT;
        window.close();
    }

    private void help() {
        Interactable focused = window.getFocusedInteractable();
        String key = view.fields().stream().filter(f -> f.widget == focused).map(f -> f.helpKey).findFirst()
                .orElse("help.none");
        Dialogs.info(gui, m, m.get("help.title"), m.get(key));
    }

    private boolean typingText() {
        return window.getFocusedInteractable() instanceof TextBox box && !box.isReadOnly();
    }

    private final class ActionsImpl implements Actions {
        @Override
        public void change(UnaryOperator<Draft> edit, int select) {
            draft = edit.apply(view.collect(draft));
            serviceIndex = Math.max(0, select);
            serverIndex = Math.max(0, select);
            rebuild();
        }

        @Override
        public void showService(int index) {
            draft = view.collect(draft);
            serviceIndex = index;
            rebuild();
        }

        @Override
        public void editServer(int row) {
            List<Edits.ServerRow> rows = Edits.rows(draft.cluster());
            Edits.ServerRow edited = ServerDialog.show(gui, m, row < 0 ? null : rows.get(row));
            if (edited == null) {
                return;
            }
            draft = draft.with(row < 0 ? Edits.addRealServer(draft.cluster(), edited)
                    : Edits.updateRealServer(draft.cluster(), row, edited));
            serverIndex = row < 0 ? rows.size() : row;
            rebuild();
        }
    }

    /** Window-wide keys: they work whatever has the focus (q and ? only outside a text field). */
    private final class Keys extends WindowListenerAdapter {
        @Override
        public void onInput(Window basePane, KeyStroke key, AtomicBoolean deliverEvent) {
            KeyType type = key.getKeyType();
            Character c = key.getCharacter();
            if (type == KeyType.Character && key.isCtrlDown() && c != null) {
                if (c == 'c') {
                    outcome = Outcome.INTERRUPTED;
                    window.close();
                    deliverEvent.set(false);
                } else if (c == 's') {
                    save();
                    deliverEvent.set(false);
                } else if (c == 'n') {
                    forward();
                    deliverEvent.set(false);
                }
                return;
            }
            boolean handled = true;
            if (type == KeyType.Escape) {
                back();
            } else if (type == KeyType.F1 || type == KeyType.Character && c == '?' && !typingText()) {
                help();
            } else if (type == KeyType.F10 || type == KeyType.Character && c == 'q' && !typingText()) {
                quit();
            } else {
                handled = false;
            }
            if (handled) {
                deliverEvent.set(false);
            }
        }

        @Override
        public void onResized(Window w, TerminalSize oldSize, TerminalSize newSize) {
            if (oldSize != null && !oldSize.equals(newSize)) {
                draft = view == null ? draft : view.collect(draft);
                rebuild();
                // Every cell again once the new layout is drawn: while the terminal was resized it
                // may have reflowed or scrolled what was on it, and a differential refresh would
                // leave that behind (seen in tmux when shrinking below 80x24).
                gui.getGUIThread().invokeLater(() -> {
                    try {
                        gui.updateScreen();
                        gui.getScreen().refresh(com.googlecode.lanterna.screen.Screen.RefreshType.COMPLETE);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
