package lvswizard.tui;

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
 * A service's keepalived settings: its health check, the sorry server, the quorum. It edits a copy of
 * the draft; OK keeps it only without errors there, Esc leaves the service as it was. The fields a
 * check kind does not have are disabled.
 */
final class CheckDialog {
    private static final int WIDTH = 70;

    private final Messages m;
    private final At at;
    private final List<Bound> fields = new ArrayList<>();
    private final Map<Bound, String> unreadable = new HashMap<>();
    private final Form form;
    private final Label refusal = new Label("").setForegroundColor(TextColor.ANSI.RED);
    private final BasicWindow window;
    private Draft candidate;
    private Draft result;
    private Bound typing;

    private CheckDialog(Messages m, Draft draft, int service) {
        this.m = m;
        this.candidate = draft;
        this.at = At.service(service);
        for (FieldSpec spec : Fields.of(Step.SERVICES, Scope.CHECK)) {
            fields.add(new Bound(spec, at, draft, m));
        }
        form = new Form(fields, m, WIDTH);
        window = Dialogs.window(m, m.get("check.title", service + 1), () -> { }, this::help);
        Panel panel = (Panel) window.getComponent();
        panel.addComponent(form.panel());
        refusal.setLabelWidth(WIDTH);
        panel.addComponent(refusal);
        panel.addComponent(Form.row(Form.button(m.get("button.ok"), this::accept),
                Form.button(m.get("button.cancel"), window::close)));
        fields.forEach(field -> field.onChange(() -> edited(field)));
        refresh();
        window.setFocusedInteractable(fields.get(0).widget);
    }

    /** The draft with the service's settings as accepted, or null when cancelled. */
    static Draft show(WindowBasedTextGUI gui, Messages m, Draft draft, int service) {
        CheckDialog dialog = open(m, draft, service);
        gui.addWindowAndWait(dialog.window);
        return dialog.result;
    }

    /** The dialog of service {@code service}, built but not shown. */
    static CheckDialog open(Messages m, Draft draft, int service) {
        return new CheckDialog(m, draft, service);
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
            String error = unreadable.get(field);
            if (error == null) {
                error = findings.stream().filter(f -> Fields.locate(candidate.cluster(), f.path())
                        .map(w -> field.is(w.field().id(), w.at())).orElse(false)).findFirst()
                        .map(f -> Fields.problem(f, m.locale())).orElse("");
            }
            field.error.setText(error);
        }
        form.showErrors();
    }

    private boolean hasErrors() {
        return !unreadable.isEmpty() || Validator.validate(candidate.cluster()).stream().filter(Finding::isError)
                .anyMatch(f -> Fields.locate(candidate.cluster(), f.path()).map(w -> w.field().scope() == Scope.CHECK
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
                .map(f -> new Fields.Located(f.spec, f.at).where(m) + "\n" + m.get(f.spec.helpKey()))
                .orElse(m.get("help.checkKind"));
    }
}
