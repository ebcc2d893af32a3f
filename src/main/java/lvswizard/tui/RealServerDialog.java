package lvswizard.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Invalid;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Roster;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/**
 * One real server: its own fields, then one line per service with its membership there (in or not,
 * port, weight, forwarding, limits). It edits a copy of the draft; OK keeps the copy only when the
 * server has no error, so a half-filled server never reaches the configuration. Esc cancels.
 */
final class RealServerDialog {
    private static final int WIDTH = 74;
    private static final int MESSAGE_LINES = 4;

    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final int row;
    private final List<Bound> fields = new ArrayList<>();
    private final Form form;
    private final Label messages = new Label("");
    private final Label refusal = new Label("").setForegroundColor(TextColor.ANSI.RED);
    private final BasicWindow window;
    private final Panel buttons;
    private Draft candidate;
    private Draft result;
    private Bound typing;
    private final Map<Bound, String> unreadable = new HashMap<>();

    private RealServerDialog(WindowBasedTextGUI gui, Messages m, Draft candidate, int row) {
        this.gui = gui;
        this.m = m;
        this.candidate = candidate;
        this.row = row;
        List<Bound> own = new ArrayList<>();
        for (FieldSpec spec : Fields.of(Step.REAL_SERVERS, Scope.REAL_SERVER)) {
            own.add(new Bound(spec, At.row(row), candidate, m));
        }
        fields.addAll(own);
        form = new Form(own, m, WIDTH - 2);
        window = Dialogs.window(m, m.get("rs.title.n", row + 1), () -> { }, this::help);
        Panel panel = (Panel) window.getComponent();
        panel.addComponent(form.panel());
        if (!candidate.cluster().services().isEmpty()) {
            panel.addComponent(new Label(""));
            panel.addComponent(membershipGrid());
        }
        messages.setLabelWidth(WIDTH);
        buttons = Form.row(Form.button(m.get("button.ok"), this::accept),
                Form.button(m.get("button.cancel"), window::close));
        panel.addComponent(buttons);
        for (Bound field : fields) {
            field.onChange(() -> edited(field));
        }
        refresh();
        window.setFocusedInteractable(own.get(0).widget);
    }

    /**
     * Edits row {@code row} of the real server table, or a new server when it is -1; returns the
     * draft with the server as accepted, or null when cancelled.
     */
    static Draft show(WindowBasedTextGUI gui, Messages m, Draft draft, int row) {
        RealServerDialog dialog = open(gui, m, draft, row);
        gui.addWindowAndWait(dialog.window);
        return dialog.result;
    }

    /** The dialog of row {@code row} (-1: a new server), built but not shown. */
    static RealServerDialog open(WindowBasedTextGUI gui, Messages m, Draft draft, int row) {
        Draft candidate;
        int at;
        if (row < 0) {
            Cluster c = draft.cluster();
            candidate = draft.with(Edits.addRealServer(c, Edits.newServer(draft), draft.forwarding()));
            at = candidate.cluster().realServers().size() - 1;
        } else {
            candidate = draft.with(Edits.define(draft.cluster(), row));
            // a row named only by members becomes the last defined server
            at = Roster.rows(draft.cluster()).get(row).defined() ? row : candidate.cluster().realServers().size() - 1;
        }
        return new RealServerDialog(gui, m, candidate, at);
    }

    List<Bound> fields() {
        return fields;
    }

    BasicWindow window() {
        return window;
    }

    /** The lines under the fields: every finding of this server, with where it is. */
    String messages() {
        return messages.getText();
    }

    private Panel membershipGrid() {
        List<FieldSpec> columns = Fields.of(Step.REAL_SERVERS, Scope.MEMBER);
        Panel grid = new Panel(new GridLayout(columns.size() + 1).setHorizontalSpacing(1));
        grid.addComponent(new Label(m.get("column.service")));
        for (FieldSpec column : columns) {
            grid.addComponent(new Label(m.get(column.labelKey())));
        }
        List<VirtualService> services = candidate.cluster().services();
        for (int s = 0; s < services.size(); s++) {
            grid.addComponent(new Label(Texts.fit((s + 1) + " " + shortName(services.get(s)), 16)));
            for (FieldSpec column : columns) {
                Bound cell = new Bound(column, At.member(s, row), candidate, m);
                fields.add(cell);
                grid.addComponent(cell.component());
            }
        }
        return grid;
    }

    /** A service in one narrow column: its name, else its protocol and port (or mark). */
    private static String shortName(VirtualService s) {
        if (s.name() != null) {
            return s.name();
        }
        return s.hasFwmark() ? "fwmark " + s.fwmark() : s.protocol() + " :" + (s.port() == null ? "?" : s.port());
    }

    private void edited(Bound field) {
        typing = field;
        try {
            candidate = field.spec.set(candidate, field.at, field.read());
            unreadable.remove(field);
        } catch (Invalid e) {
            unreadable.put(field, e.text(m));
        }
        refusal.setText("");
        refresh();
        typing = null;
    }

    /** This server's findings: under its own fields, and every one (with where it is) in the lines below. */
    private void refresh() {
        List<String> lines = new ArrayList<>();
        for (Bound field : fields) {
            field.showError("", "");
            if (field != typing) {
                field.fill(candidate);
            }
            boolean member = field.spec.scope() != Scope.MEMBER || field.spec.id().equals("member.in")
                    || !"no".equals(Fields.byId("member.in").get(candidate, field.at));
            field.widget.setEnabled(member);
        }
        unreadable.forEach((field, text) -> {
            field.showError(text, "");
            lines.add(new Fields.Located(field.spec, field.at).where(m) + ": " + text);
        });
        for (Finding finding : mine()) {
            Optional<Fields.Located> where = Fields.locate(candidate.cluster(), finding.path());
            String text = finding.message(m.locale());
            where.flatMap(w -> fields.stream().filter(f -> f.is(w.field().id(), w.at())).findFirst())
                    .filter(f -> f.error.getText().isEmpty() && f.spec.scope() == Scope.REAL_SERVER)
                    .ifPresent(f -> f.showError(text, finding.rule().why(m.locale())));
            lines.add((finding.isError() ? "" : m.get("severity.warning") + ": ")
                    + where.map(w -> w.where(m) + ": " + Fields.problem(finding, m.locale())).orElse(finding.path()
                    + ": " + text));
        }
        form.showErrors();
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            shown.addAll(Dialogs.wrap(line, WIDTH));
        }
        if (shown.size() > MESSAGE_LINES) {
            shown = new ArrayList<>(shown.subList(0, MESSAGE_LINES - 1));
            shown.add(m.get("more.messages", lines.size()));
        }
        messages.setText(String.join("\n", shown));
        messages.setForegroundColor(errors().isEmpty() ? TextColor.ANSI.YELLOW : TextColor.ANSI.RED);
        showLines();
    }

    /** The message lines and the refusal above the buttons, only while they say something. */
    private void showLines() {
        Panel panel = (Panel) window.getComponent();
        Toggle.show(panel, refusal, null, false);
        Toggle.show(panel, messages, null, false);
        int at = panel.getChildrenList().indexOf(buttons);
        Component before = at > 0 ? panel.getChildrenList().get(at - 1) : null;
        Toggle.show(panel, messages, before, !messages.getText().isEmpty());
        Toggle.show(panel, refusal, messages.getText().isEmpty() ? before : messages, !refusal.getText().isEmpty());
    }

    /** The findings located on this server (its fields and its memberships). */
    private List<Finding> mine() {
        return Validator.validate(candidate.cluster()).stream().filter(f -> Fields.locate(candidate.cluster(),
                f.path()).map(w -> w.at().row() == row && (w.field().scope() == Scope.REAL_SERVER
                || w.field().scope() == Scope.MEMBER)).orElse(false)).toList();
    }

    private List<Finding> errors() {
        return mine().stream().filter(Finding::isError).toList();
    }

    private void accept() {
        if (!unreadable.isEmpty() || !errors().isEmpty()) {
            refusal.setText(m.get("rs.fix.first"));
            showLines();
            return;
        }
        result = candidate;
        window.close();
    }

    private String help(Interactable focused) {
        return fields.stream().filter(f -> f.widget == focused).findFirst()
                .map(f -> f.help(m)).orElse(m.get("help.rs.dialog"));
    }
}
