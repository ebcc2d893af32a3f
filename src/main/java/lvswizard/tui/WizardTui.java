package lvswizard.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.TextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import lvswizard.exec.HostFacts;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.plan.IpvsOwner;
import lvswizard.render.Export;
import lvswizard.render.RenderedFile;
import lvswizard.render.Templates;
import lvswizard.render.Version;
import lvswizard.validation.Finding;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import lvswizard.wizard.At;
import lvswizard.wizard.Detection;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Format;
import lvswizard.wizard.Generation;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Invalid;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;
import lvswizard.wizard.Roster;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/**
 * The full-screen wizard: the steps on the left (any of them can be opened from there), the current
 * step in the middle with its messages under it, the keys at the bottom. Every field writes into the
 * draft as it changes and shows the validator's findings that belong to it; structural changes (a
 * service or a server added or removed, another step) rebuild the step from the draft.
 */
public final class WizardTui {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;
    private static final int SIDEBAR = 16;
    /** Rows of the middle panel that are not the step's body: title, Back/Next, status, borders. */
    private static final int FRAME_ROWS = 6;

    /** How the wizard ended. */
    public enum Outcome { FINISHED, QUIT, INTERRUPTED }

    /** What step views may ask of the wizard. */
    interface Actions {
        void showService(int index);

        void addService();

        void removeService(int index);

        /** Opens the keepalived settings of a service: its health check, sorry server, quorum. */
        void editChecks(int index);

        /** Edits a row of the real server table; -1 adds a server. */
        void editServer(int row);

        void removeServer(int row);
    }

    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final Runner runner;
    private final Recent recent;
    private final BasicWindow window = new BasicWindow();
    private final Set<Step> visited = EnumSet.noneOf(Step.class);
    private final ActionListBox stepList = new ActionListBox();
    private final Label status = new Label("");
    /** The step's name and the file, with the mark of changes not saved yet: refreshed with every change. */
    private final Label heading = new Label("").addStyle(SGR.BOLD);
    private final TextBox messages = new TextBox(new TerminalSize(10, 1), "");
    private final Button next;
    private Panel middle;
    private final Map<Bound, String> unreadable = new HashMap<>();
    private Draft draft;
    private Cluster saved;
    private Step step = Step.START;
    private StepView view;
    private int serviceIndex;
    private int serverIndex;
    private int contentColumns;
    private int bodyRows;
    private Bound typing;
    private List<Finding> findings = List.of();
    private Outcome outcome = Outcome.QUIT;
    private String report = "";
    private List<OutputDirectory.Written> written;
    private String farewell;

    public WizardTui(WindowBasedTextGUI gui, Draft draft, Messages messages, Runner runner) {
        this(gui, draft, messages, runner, Recent.none());
    }

    public WizardTui(WindowBasedTextGUI gui, Draft draft, Messages messages, Runner runner, Recent recent) {
        this.gui = gui;
        this.draft = draft;
        // what there is to lose on quitting: changes since the file was read, or since a new one began
        this.saved = draft.cluster();
        this.m = messages;
        this.runner = runner;
        this.recent = recent;
        this.next = Form.button(m.get("button.next"), this::forward);
        next.setRenderer(new NextButtonRenderer());
        this.messages.setReadOnly(true);
        window.setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        // the message lines are sized from the step's measured height, before the window is shown
        window.setTheme(gui.getTheme());
        window.addWindowListener(new Keys());
    }

    /**
     * The draft is nowhere yet (an import): quitting asks before it is lost, as after a change.
     * Called before {@link #run}.
     */
    void startsUnsaved() {
        saved = null;
    }

    /** Shows the wizard until Finish, quit or Ctrl-C. */
    public Outcome run() {
        TextGUIThread thread = gui.getGUIThread();
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
        return InterruptibleGui.interrupted(gui) ? Outcome.INTERRUPTED : outcome;
    }

    public Draft draft() {
        return draft;
    }

    /**
     * Opens the step that holds {@code where} and puts the focus on its widget (a service is shown
     * first; a real server's row is selected, its dialog holds the field).
     */
    void show(Fields.Located where) {
        FieldSpec field = where.field();
        if (field.scope() == Scope.SERVICE || field.scope() == Scope.CHECK) {
            serviceIndex = where.at().service();
        } else if (field.scope() == Scope.REAL_SERVER || field.scope() == Scope.MEMBER) {
            serverIndex = where.at().row();
        }
        visited.add(step);
        step = field.step();
        rebuild();
        if (view != null) {
            view.fields().stream().filter(f -> f.is(field.id(), where.at())).findFirst()
                    .ifPresent(f -> window.setFocusedInteractable(f.widget));
        }
    }

    /**
     * From Review: the step that holds the field, and for a real server's field its dialog too (after
     * this key is handled, so that the dialog's own loop does not run inside the list's action).
     */
    private void open(Fields.Located where) {
        show(where);
        Scope scope = where.field().scope();
        if (scope == Scope.REAL_SERVER || scope == Scope.MEMBER) {
            gui.getGUIThread().invokeLater(() -> new ActionsImpl().editServer(where.at().row()));
        } else if (scope == Scope.CHECK) {
            gui.getGUIThread().invokeLater(() -> new ActionsImpl().editChecks(where.at().service()));
        } else if (scope == Scope.FAILOVER) {
            gui.getGUIThread().invokeLater(() -> new ActionsImpl().editPair());
        }
    }

    /** The step on screen, for tests. */
    StepView view() {
        return view;
    }

    /** What to print once the terminal is back: what was written and saved, and what to do next; or null. */
    public String farewell() {
        return farewell;
    }

    // ---- layout ---------------------------------------------------------------------------

    private void rebuild() {
        unreadable.clear();
        TerminalSize size = gui.getScreen().getTerminalSize();
        if (size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS) {
            // wrapped to the width: a line longer than the terminal makes it wrap on its own and
            // the screen drifts out of step with what Lanterna believes it drew
            String message = m.get("too.small", size.getColumns(), size.getRows());
            int width = Math.max(10, size.getColumns() - 2);
            view = null;
            window.setComponent(new Label(String.join("\n", Dialogs.wrap(message, width))));
            return;
        }
        contentColumns = size.getColumns() - SIDEBAR - 4;
        bodyRows = size.getRows() - FRAME_ROWS - 1;
        view = createView(new TerminalSize(contentColumns, bodyRows - 1));
        for (Bound field : view.fields()) {
            field.onChange(() -> edited(field));
        }
        Panel root = new Panel(new BorderLayout());
        stepList.setPreferredSize(new TerminalSize(SIDEBAR - 2, Step.values().length));
        root.addComponent(stepList.withBorder(Borders.singleLine(m.get("steps"))), BorderLayout.Location.LEFT);
        middle = new Panel(new LinearLayout());
        middle.addComponent(heading);
        middle.addComponent(view.body());
        Button back = Form.button(m.get("button.back"), this::back);
        middle.addComponent(step == Step.GENERATE ? Form.row(back) : Form.row(back, next));
        middle.addComponent(status);
        root.addComponent(middle.withBorder(Borders.singleLine(m.get("app.title", Version.current()))),
                BorderLayout.Location.CENTER);
        root.addComponent(new Label(KeyMap.legend(KeyMap.WIZARD, m)), BorderLayout.Location.BOTTOM);
        window.setComponent(root);
        refresh();
        Interactable first = view.firstFocus() != null ? view.firstFocus()
                : view.fields().isEmpty() ? null : view.fields().get(0).widget;
        if (first != null && first.isEnabled()) {
            window.setFocusedInteractable(first);
        } else if (step != Step.GENERATE) {
            window.setFocusedInteractable(next.isEnabled() ? next : back);
        }
    }

    /**
     * The step's name and the file it saves to (or that it has none yet), marked when the draft has
     * changes the file does not (before the name, which a narrow terminal cuts first).
     */
    private String title() {
        Path path = draft.configPath();
        boolean exists = path != null && Files.exists(path);
        String file = path == null ? m.get("title.unsaved") : exists ? Texts.visible(path.toString())
                : m.get("title.new", Texts.visible(path.toString()));
        String mark = exists && unsaved() ? m.get("title.modified") + " " : "";
        return Texts.fit(m.get(step.titleKey()) + "  ·  " + mark + file, contentColumns);
    }

    private StepView createView(TerminalSize size) {
        Actions actions = new ActionsImpl();
        return switch (step) {
            case START -> new FormView(form(Step.START, Scope.DRAFT, Scope.CLUSTER),
                    new Label(Edits.mixedForwarding(draft.cluster()) ? m.get("forwarding.mixed") : ""),
                    Form.button(m.get("button.detect"), this::detect));
            case SERVICES -> new ServicesView(draft, serviceIndex, m, size.getColumns(), actions);
            case DIRECTOR -> new FormView(form(Step.DIRECTOR, Scope.DIRECTOR), Form.row(Form.button(
                    m.get(draft.cluster().failover() == null ? "button.pair" : "button.pair.edit"),
                    () -> new ActionsImpl().editPair())));
            case REAL_SERVERS -> new RealServersView(draft, serverIndex, m, size.getColumns(),
                    Math.max(2, size.getRows() - 6), actions);
            // Review shows no step messages below its text either
            case REVIEW -> new ReviewView(draft, m, new TerminalSize(size.getColumns(), size.getRows() + 2), this::open);
            case PREVIEW -> new PreviewView(renderOrEmpty(), m, size, previewNote());
            // the rows the other steps keep for their findings go to the list of written files
            case GENERATE -> new GenerateView(draft, m, new TerminalSize(size.getColumns(), size.getRows() + 1),
                    new GenerateButtons(), report);
        };
    }

    private Form form(Step s, Scope... scopes) {
        List<Bound> fields = new ArrayList<>();
        for (Scope scope : scopes) {
            for (FieldSpec spec : Fields.of(s, scope)) {
                if (spec.kind() != FieldSpec.Kind.LIST) {
                    fields.add(new Bound(spec, At.NONE, draft, m));
                }
            }
        }
        return new Form(fields, m, contentColumns);
    }

    private List<RenderedFile> renderOrEmpty() {
        Validation validation = Validator.check(draft.cluster());
        if (validation.hasErrors()) {
            return List.of(new RenderedFile("-", m.get("generate.blocked"), false));
        }
        String refusal = draft.format().refusal(validation.plan(), draft.flavour());
        if (refusal != null) {
            return List.of(new RenderedFile("-", refusal, false));
        }
        return draft.format().export().files(validation.plan(), new Export.Options(draft.flavour(), Templates.packaged()));
    }

    /** Which format the preview shows; a word when health checks are set but the format does not write them. */
    private String previewNote() {
        boolean keepalivedSettings = draft.cluster().services().stream().anyMatch(VirtualService::usesKeepalived);
        return m.get("preview.format", draft.format().toString())
                + (keepalivedSettings && !draft.format().writesHealthChecks() ? " " + m.get("preview.checks") : "");
    }

    /** A field changed: its value goes into the draft through the field's parser, then every field is checked. */
    private void edited(Bound field) {
        typing = field;
        try {
            draft = field.spec.set(draft, field.at, field.read());
            unreadable.remove(field);
        } catch (Invalid e) {
            unreadable.put(field, e.text(m));
        }
        refresh();
        typing = null;
    }

    /** Shows where each finding belongs: under its field, in the message lines, in the step list. */
    private void refresh() {
        if (view == null) {
            return;
        }
        findings = Validator.validate(draft.cluster());
        for (Bound field : view.fields()) {
            if (field != typing) {
                field.fill(draft);
            }
            field.showError(unreadable.get(field), firstError(field), f -> f.message(m.locale()), m.locale());
        }
        view.lists().forEach((id, label) -> label.setText(findings.stream()
                .filter(f -> located(f).map(w -> w.field().id().equals(id)).orElse(false)).findFirst()
                .map(f -> f.message(m.locale())).orElse("")));
        view.showErrors();
        if (view instanceof ServicesView services) {
            services.show(draft);
        }
        heading.setText(title());
        List<Finding> mine = findings.stream().filter(f -> stepOf(f) == step).toList();
        boolean blocked = mine.stream().anyMatch(Finding::isError) || !unreadable.isEmpty();
        next.setEnabled(!blocked);
        showMessages(mine);
        showSteps();
    }

    private Optional<Finding> firstError(Bound field) {
        return findings.stream().filter(Finding::isError)
                .filter(f -> located(f).map(w -> field.is(w.field().id(), w.at())).orElse(false)).findFirst();
    }

    private Optional<Fields.Located> located(Finding finding) {
        return Fields.locate(draft.cluster(), finding.path());
    }

    /** The step that shows a finding: its field's; the Review step for what no field holds. */
    private Step stepOf(Finding finding) {
        return located(finding).map(w -> w.field().step()).orElse(Step.REVIEW);
    }

    /** The step's errors and warnings, each with the field as the operator sees it, in the lines that scroll. */
    private void showMessages(List<Finding> mine) {
        if (step == Step.REVIEW) {
            return;
        }
        List<String> lines = new ArrayList<>();
        List<Finding> errors = mine.stream().filter(Finding::isError).toList();
        List<Finding> warnings = mine.stream().filter(f -> !f.isError()).toList();
        if (!errors.isEmpty() || !unreadable.isEmpty()) {
            lines.add(m.get("blocked"));
            unreadable.forEach((field, text) -> lines.add(" - " + new Fields.Located(field.spec, field.at).where(m)
                    + ": " + text));
            errors.forEach(f -> lines.add(" - " + describe(f)));
        }
        if (!warnings.isEmpty()) {
            lines.add(m.get("warnings.note"));
            warnings.forEach(f -> lines.add(" - " + describe(f)));
        }
        int free = bodyRows - view.body().getPreferredSize().getRows();
        if (free < 2 && lines.size() > 1) {
            lines.remove(0); // one row: the first finding itself, not the heading above it (Next is greyed)
        }
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(Dialogs.wrapHanging(line, contentColumns - 2, 3));
        }
        Toggle.show(middle, messages, status, !wrapped.isEmpty() && free >= 1);
        messages.setPreferredSize(new TerminalSize(contentColumns, Math.max(1, Math.min(free, wrapped.size()))));
        messages.setText(String.join("\n", wrapped));
    }

    private String describe(Finding f) {
        return Fields.describe(draft.cluster(), f, m);
    }

    private void showSteps() {
        int selected = stepList.getSelectedIndex();
        stepList.clearItems();
        for (Step s : Step.values()) {
            boolean errors = findings.stream().anyMatch(f -> f.isError() && stepOf(f) == s);
            String mark = s == step ? ">" : errors && (visited.contains(s) || s.ordinal() < step.ordinal()) ? "!"
                    : visited.contains(s) ? "+" : " ";
            stepList.addItem(mark + " " + m.get(s.titleKey()), () -> goTo(s));
        }
        stepList.setSelectedIndex(selected < 0 ? step.ordinal() : selected);
    }

    // ---- navigation and actions -------------------------------------------------------------

    void goTo(Step target) {
        if (target == step) {
            return;
        }
        visited.add(step);
        step = target;
        status.setText("");
        stepList.setSelectedIndex(target.ordinal());
        rebuild();
    }

    private void forward() {
        refresh();
        if (!next.isEnabled() || step == Step.GENERATE) {
            return;
        }
        goTo(step.next());
    }

    private void back() {
        if (step != Step.START) {
            goTo(step.previous());
        }
    }

    /** Shows what this host would change in the draft and makes the changes only when asked to. */
    private void detect() {
        try {
            List<Detection.Change> changes = Detection.propose(draft, HostFacts.detect(runner));
            if (changes.isEmpty()) {
                Dialogs.info(gui, m, m.get("detect.title"), m.get(draft.role() == HostRole.ALL
                        ? "detect.role" : "detect.nothing"));
                return;
            }
            StringBuilder text = new StringBuilder(m.get("detect.ask")).append('\n');
            for (Detection.Change change : changes) {
                text.append("\n  ").append(change.field().where(m)).append(": ")
                        .append(change.from().isEmpty() ? m.get("detect.empty") : Texts.visible(change.from()))
                        .append(" -> ").append(Texts.visible(change.to()));
            }
            if (Dialogs.confirm(gui, m, m.get("detect.title"), text.toString())) {
                draft = Detection.apply(draft, changes);
                status.setText(m.get("detect.done", changes.size()));
                rebuild();
            }
        } catch (IOException e) {
            status.setText(m.get("detect.failed", e.getMessage()));
        } catch (Invalid e) {
            status.setText(m.get("detect.failed", e.text(m)));
        }
    }

    /** Saves the configuration, asking for a file name first when it has none; false when it was not saved. */
    private boolean save() {
        if (draft.configPath() == null) {
            Path file = askFile();
            if (file == null) {
                return false;
            }
            draft = draft.withConfigPath(file);
        }
        try {
            Generation.saveConfig(draft);
            saved = draft.cluster();
            recent.remember(draft.configPath());
            status.setText(m.get("saved", draft.configPath()));
            // the title loses its mark of changes; the focus stays on the field (a rebuild moved it to the first)
            refresh();
            return true;
        } catch (OutputException e) {
            status.setText(m.get("save.failed", e.getMessage()));
            return false;
        }
    }

    /** Save as: a file name that is not a shipped example, in a directory that exists; an existing file only if confirmed. */
    private Path askFile() {
        while (true) {
            String name = draft.cluster().name() + ".json";
            String answer = Dialogs.askText(gui, m, m.get("save.as.title"), m.get("save.as.text"), name,
                    Fields.byId("outputDir").keys(), text -> Opening.saveProblem(text, m));
            if (answer == null) {
                return null;
            }
            Path file = Path.of(answer);
            if (!Files.exists(file)
                    || Dialogs.confirm(gui, m, m.get("save.as.title"), m.get("save.as.replace", file))) {
                return file;
            }
        }
    }

    private boolean unsaved() {
        return !draft.cluster().equals(saved);
    }

    /** Writes the draft's files as generate would (saving the configuration first); false when it did not. */
    private boolean writeFiles() {
        return writeFiles(draft.format());
    }

    private boolean writeFiles(Format format) {
        if (Validator.hasErrors(Validator.validate(draft.cluster()))) {
            Dialogs.info(gui, m, m.get("error.title"), m.get("generate.blocked"));
            return false;
        }
        if (draft.configPath() == null && !save()) {
            return false;
        }
        try {
            List<OutputDirectory.Written> files = Generation.write(draft.with(format), conflict -> Dialogs.confirm(gui, m,
                    m.get("generate.out"), Generation.conflictText(conflict, m) + "\n\n"
                    + m.get("generate.replace", draft.outputDir())));
            if (files == null) {
                report = m.get("generate.declined", draft.outputDir());
                return false;
            }
            written = files;
            saved = draft.cluster();
            recent.remember(draft.configPath());
            report = String.join("\n", Generation.report(draft, files, m));
            return true;
        } catch (OutputException e) {
            report = m.get("write.failed", e.getMessage());
            return false;
        }
    }

    private void quit() {
        boolean discarded = false;
        if (unsaved()) {
            int answer = Dialogs.choose(gui, m, m.get("quit.title"), m.get("quit.unsaved"), 2,
                    m.get("button.save.quit"), m.get("button.quit.nosave"), m.get("button.cancel"));
            if (answer == 2 || answer == 0 && !save()) {
                return;
            }
            discarded = answer == 1;
        }
        boolean onDisk = draft.configPath() != null && Files.exists(draft.configPath());
        farewell = discarded ? onDisk ? m.get("farewell.discarded", draft.configPath()) : m.get("farewell.discarded.new")
                : written != null ? Generation.summary(draft, written, m)
                : onDisk ? m.get("farewell.saved", draft.configPath()) : null;
        outcome = Outcome.QUIT;
        window.close();
    }

    /** Finish: the files must have been written, or the operator says to write them now or not at all. */
    private void finish() {
        if (written == null) {
            int answer = Dialogs.choose(gui, m, m.get("finish.title"), m.get("finish.unwritten", draft.outputDir()), 2,
                    m.get("button.write.finish"), m.get("button.finish.nowrite"), m.get("button.cancel"));
            if (answer == 2 || answer == 0 && !writeFiles()) {
                rebuild();
                return;
            }
        }
        if (written == null && unsaved() && !Dialogs.confirm(gui, m, m.get("finish.title"), m.get("quit.unsaved.short"))) {
            return;
        }
        farewell = written == null ? m.get("farewell.nothing") : Generation.summary(draft, written, m);
        outcome = Outcome.FINISHED;
        window.close();
    }

    private void help() {
        Interactable focused = window.getFocusedInteractable();
        String text = view == null ? "" : view.fields().stream().filter(f -> f.widget == focused).findFirst()
                .map(f -> f.help(m)).orElse(m.get("help.step." + step.name().toLowerCase(Locale.ROOT)));
        Dialogs.help(gui, m, text, KeyMap.WIZARD);
    }

    private final class GenerateButtons implements GenerateView.Buttons {
        @Override
        public void write() {
            writeFiles();
            rebuild();
        }

        /**
         * Writes the files first, as Write does, so that what runs is exactly the draft the run
         * window checks (an edit after an earlier Write would otherwise run the old scripts).
         */
        @Override
        public void runHere() {
            // what runs here: the scripts, and keepalived.conf when keepalived keeps the table (a pair's
            // always: a lab or a playbook is not run on this host, and the scripts refuse a pair)
            boolean keepalived = draft.format().ipvsOwner() == IpvsOwner.KEEPALIVED || draft.cluster().failover() != null;
            Format runs = keepalived ? Format.KEEPALIVED : Format.SCRIPTS;
            if (!writeFiles(runs)) {
                rebuild();
                return;
            }
            rebuild();
            // Ctrl-C there has closed this window too
            new RunWindow(gui, m, draft.with(runs), runner).showAndWait();
        }

        /** The same draft, in network namespaces on this host. */
        @Override
        public void lab() {
            if (Validator.hasErrors(Validator.validate(draft.cluster()))) {
                Dialogs.info(gui, m, m.get("error.title"), m.get("generate.blocked"));
                return;
            }
            new LabWindow(gui, m, draft, runner).showAndWait();
        }

        @Override
        public void finish() {
            WizardTui.this.finish();
        }
    }

    private final class ActionsImpl implements Actions {
        @Override
        public void showService(int index) {
            serviceIndex = index;
            rebuild();
        }

        @Override
        public void addService() {
            draft = draft.with(Edits.addService(draft.cluster(), draft.forwarding()));
            serviceIndex = draft.cluster().services().size() - 1;
            rebuild();
        }

        @Override
        public void removeService(int index) {
            String which = ServicesView.describe(draft.cluster().services().get(index));
            if (Dialogs.confirm(gui, m, m.get("remove.title"), m.get("remove.service", index + 1, which))) {
                draft = draft.with(Edits.removeService(draft.cluster(), index));
                serviceIndex = Math.max(0, index - 1);
                rebuild();
            }
        }

        /** Opens the second director of a pair: turn it on, and its settings. */
        void editPair() {
            Draft edited = SettingsDialog.pair(m, draft).showAndWait(gui);
            if (edited != null) {
                draft = edited.with(Edits.followFloatingGateway(draft.cluster(), edited.cluster()));
            }
            rebuild();
        }

        @Override
        public void editChecks(int index) {
            Draft edited = SettingsDialog.checks(m, draft, index).showAndWait(gui);
            if (edited != null) {
                draft = edited;
            }
            rebuild();
        }

        @Override
        public void editServer(int row) {
            Draft edited = RealServerDialog.show(gui, m, draft, row);
            if (edited != null) {
                draft = edited;
                serverIndex = row < 0 ? Roster.rows(draft.cluster()).size() - 1 : row;
            }
            rebuild();
        }

        @Override
        public void removeServer(int row) {
            String name = Roster.rows(draft.cluster()).get(row).name();
            if (Dialogs.confirm(gui, m, m.get("remove.title"), m.get("remove.server", row + 1,
                    name == null ? "?" : Texts.visible(name)))) {
                draft = draft.with(Edits.removeRow(draft.cluster(), row));
                serverIndex = Math.max(0, row - 1);
                rebuild();
            }
        }
    }

    /** Window-wide keys: they work whatever has the focus (q and ? only outside a text field). */
    private final class Keys extends WindowListenerAdapter {
        @Override
        public void onInput(Window basePane, KeyStroke key, AtomicBoolean deliverEvent) {
            KeyType type = key.getKeyType();
            Character c = key.getCharacter();
            // Ctrl-C never gets here: the GUI takes it first, in whatever window has the focus
            if (type == KeyType.Character && key.isCtrlDown() && c != null) {
                if (c == 's') {
                    save();
                    deliverEvent.set(false);
                } else if (c == 'n') {
                    forward();
                    deliverEvent.set(false);
                }
                return;
            }
            boolean typingText = Dialogs.isTyping(window.getFocusedInteractable());
            boolean handled = true;
            if (view == null && type != KeyType.F10) {
                handled = false;
            } else if (type == KeyType.Escape) {
                back();
            } else if (Dialogs.isHelpKey(key, window.getFocusedInteractable())) {
                help();
            } else if (type == KeyType.F10 || type == KeyType.Character && c == 'q' && !typingText) {
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
                rebuild();
                Redraw.afterResize(gui);
            }
        }
    }

    /** Enabled, Next reads "Next >"; disabled, "(Next)" in grey, so that the difference shows without colour too. */
    private static final class NextButtonRenderer extends Button.FlatButtonRenderer {
        @Override
        public TerminalSize getPreferredSize(Button button) {
            return new TerminalSize(TerminalTextUtils.getColumnWidth(button.getLabel()) + 2, 1);
        }

        @Override
        public void drawComponent(TextGUIGraphics graphics, Button button) {
            if (button.isEnabled()) {
                graphics.applyThemeStyle(button.isFocused() ? button.getThemeDefinition().getActive()
                        : button.getThemeDefinition().getNormal());
                graphics.fill(' ');
                graphics.putString(0, 0, button.getLabel() + " >");
            } else {
                graphics.applyThemeStyle(button.getThemeDefinition().getNormal());
                graphics.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
                graphics.fill(' ');
                graphics.putString(0, 0, "(" + button.getLabel() + ")");
            }
        }
    }
}
