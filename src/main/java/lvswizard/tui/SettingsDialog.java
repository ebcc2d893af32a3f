package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Invalid;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/**
 * A group of settings in a dialog of its own: a service's keepalived settings (its health check, the
 * sorry server, the quorum) or the second director of a pair. It edits a copy of the draft; OK keeps
 * it only without errors there, Esc leaves everything as it was. Fields that do not apply (a check
 * kind does not have them, there is no second director) are disabled.
 */
final class SettingsDialog {
    private static final int WIDTH = 70;

    private final Messages m;
    private final Scope scope;
    private final String defaultHelp;
    private final At at;
    private final List<Bound> fields = new ArrayList<>();
    private final Map<Bound, String> unreadable = new HashMap<>();
    private final Form form;
    private final Label refusal = new Label("").setForegroundColor(TextColor.ANSI.RED);
    private final BasicWindow window;
    private Draft candidate;
    private Draft result;
    private Bound typing;
    /** The rows the fields' errors may take (set for the screen it is shown on). */
    private int errorRows = Integer.MAX_VALUE;

    private SettingsDialog(Messages m, Draft draft, Step step, Scope scope, At at, String title,
                           String defaultHelp) {
        this.m = m;
        this.scope = scope;
        this.defaultHelp = defaultHelp;
        this.candidate = draft;
        this.at = at;
        for (FieldSpec spec : Fields.of(step, scope)) {
            fields.add(new Bound(spec, at, draft, m));
        }
        form = new Form(fields, m, WIDTH);
        window = Dialogs.window(m, title, () -> { }, this::help);
        Panel panel = (Panel) window.getComponent();
        panel.addComponent(form.panel());
        refusal.setLabelWidth(WIDTH);
        // the dialog's width from the start: the first edit gave it this width, and OK and Cancel moved
        refusal.setPreferredSize(new TerminalSize(WIDTH, 1));
        panel.addComponent(refusal);
        panel.addComponent(Form.row(Form.button(m.get("button.ok"), this::accept),
                Form.button(m.get("button.cancel"), window::close)));
        fields.forEach(field -> field.onChange(() -> edited(field)));
        refresh();
        window.setFocusedInteractable(fields.get(0).widget);
    }

    /** The draft with the settings as accepted, or null when cancelled. */
    Draft showAndWait(WindowBasedTextGUI gui) {
        // the dialog within the screen above the key bar: its fields, the refusal, the buttons, the borders
        errorRows = Math.max(1, gui.getScreen().getTerminalSize().getRows() - 2 - (fields.size() + 4));
        refresh();
        gui.addWindowAndWait(window);
        return result;
    }

    /** The keepalived settings of service {@code service}, built but not shown. */
    static SettingsDialog checks(Messages m, Draft draft, int service) {
        return new SettingsDialog(m, draft, Step.SERVICES, Scope.CHECK, At.service(service),
                m.get("check.title", service + 1), "help.checkKind");
    }

    /** The second director of a pair and the VRRP settings both share, built but not shown. */
    static SettingsDialog pair(Messages m, Draft draft) {
        return new SettingsDialog(m, draft, Step.DIRECTOR, Scope.FAILOVER, At.NONE, m.get("pair.title"),
                "help.pair");
    }

    List<Bound> fields() {
        return fields;
    }

    private void edited(Bound field) {
        typing = field;
        try {
            candidate = field.spec.set(candidate, at, field.read());
            unreadable.remove(field);
        } catch (Invalid e) {
            unreadable.put(field, e.text(m));
        }
        refusal.setText("");
        refresh();
        typing = null;
    }

    /** Each field shows its finding under it; a field the check kind does not have is disabled. */
    private void refresh() {
        List<Finding> findings = Validator.validate(candidate.cluster());
        for (Bound field : fields) {
            if (field != typing) {
                field.fill(candidate);
            }
            field.widget.setEnabled(field.spec.isRelevant(candidate, at) || !field.spec.get(candidate, at).isEmpty());
            Optional<Finding> first = findings.stream().filter(f -> Fields.locate(candidate.cluster(), f.path())
                    .map(w -> field.is(w.field().id(), w.at())).orElse(false)).findFirst();
            field.showError(unreadable.get(field), first, f -> Fields.problem(f, m.locale()), m.locale());
        }
        form.showErrors(errorRows, window.getFocusedInteractable());
    }

    private boolean hasErrors() {
        return !unreadable.isEmpty() || Validator.validate(candidate.cluster()).stream().filter(Finding::isError)
                .anyMatch(f -> Fields.locate(candidate.cluster(), f.path()).map(w -> w.field().scope() == scope
                        && w.at().equals(at)).orElse(false));
    }

    private void accept() {
        if (hasErrors()) {
            refusal.setText(m.get("check.fix.first"));
            return;
        }
        result = candidate;
        window.close();
    }

    private String help(Interactable focused) {
        return fields.stream().filter(f -> f.widget == focused).findFirst()
                .map(f -> f.help(m)).orElse(m.get(defaultHelp));
    }
}
