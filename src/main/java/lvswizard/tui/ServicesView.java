package lvswizard.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.ComboBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvswizard.model.VirtualService;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Fields;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/** Step 2: one virtual service at a time (a selector when there are several), with Add and Remove. */
final class ServicesView implements StepView {
    private static final int SELECTOR_TEXT = 34;

    private final Panel body = new Panel(new LinearLayout());
    private final Label listError = new Label("").setForegroundColor(TextColor.ANSI.RED);
    private final Label schedulerHint = new Label("");
    private final Panel header;
    private ComboBox<String> selector;
    private int selectorRoom;
    private final Form form;
    private final Messages m;
    private final int index;

    ServicesView(Draft draft, int selected, Messages m, int width, WizardTui.Actions actions) {
        this.m = m;
        List<VirtualService> services = draft.cluster().services();
        this.index = services.isEmpty() ? -1 : Math.max(0, Math.min(selected, services.size() - 1));
        List<Component> header = new ArrayList<>();
        String add = m.get("button.add.service");
        String remove = m.get("button.remove.service");
        if (services.size() > 1) {
            // the selector takes what the two buttons leave of the row (its arrow and the gaps: 8)
            int room = Math.min(SELECTOR_TEXT, width - TerminalTextUtils.getColumnWidth(add)
                    - TerminalTextUtils.getColumnWidth(remove) - 8);
            selector = new ComboBox<>();
            selectorRoom = room;
            for (int i = 0; i < services.size(); i++) {
                selector.addItem(item(services, i));
            }
            selector.setSelectedIndex(index);
            selector.addListener((now, before, byUser) -> {
                if (byUser && now != before) {
                    actions.showService(now);
                }
            });
            header.add(selector);
        } else {
            header.add(new Label(m.get(services.isEmpty() ? "service.none" : "service.one")));
        }
        header.add(Form.button(add, actions::addService));
        if (index >= 0) {
            header.add(Form.button(remove, () -> actions.removeService(index)));
        }
        this.header = Form.row(header.toArray(Component[]::new));
        body.addComponent(this.header);
        listError.setLabelWidth(width);
        List<Bound> fields = new ArrayList<>();
        if (index >= 0) {
            for (FieldSpec spec : Fields.of(Step.SERVICES, Scope.SERVICE)) {
                fields.add(new Bound(spec, At.service(index), draft, m));
            }
        }
        form = new Form(fields, m, width);
        body.addComponent(form.panel());
        schedulerHint.setLabelWidth(width);
        body.addComponent(schedulerHint);
        if (index >= 0) {
            VirtualService service = draft.cluster().services().get(index);
            // marked as the pair's button is: whether the service has something in that dialog
            boolean checked = service.healthCheck() != null || service.sorryServer() != null || service.quorum() != null;
            body.addComponent(Form.button(m.get(checked ? "button.checks.on" : "button.checks"),
                    () -> actions.editChecks(index)));
        }
        show(draft);
    }

    /** "web: tcp 192.168.1.10:443" or "fwmark 1": how a service is named in lists, its name first. */
    static String describe(VirtualService s) {
        String what = s.hasFwmark() ? "fwmark " + s.fwmark() : s.protocol() + " " + (s.vip() == null ? "?" : s.vip())
                + ":" + (s.port() == null ? "?" : s.port());
        return Texts.visible(s.name() == null ? what : s.name() + ": " + what);
    }

    private String item(List<VirtualService> services, int i) {
        return Texts.fit((i + 1) + " " + describe(services.get(i)), selectorRoom);
    }

    /** The hint under the form follows the chosen scheduler, the selector the service's name and port. */
    void show(Draft draft) {
        if (selector != null && index >= 0) {
            String now = item(draft.cluster().services(), index);
            if (!now.equals(selector.getItem(index))) {
                // items are replaced without the user's hand: the selector's listener ignores that
                selector.removeItem(index);
                selector.addItem(index, now);
                selector.setSelectedIndex(index);
            }
        }
        schedulerHint.setText(index < 0 ? "" : m.get("sched." + draft.cluster().services().get(index).scheduler()));
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public List<Bound> fields() {
        return form.fields();
    }

    @Override
    public Map<String, Label> lists() {
        return Map.of("services", listError);
    }

    @Override
    public void showErrors() {
        form.showErrors();
        Toggle.show(body, listError, header, !listError.getText().isEmpty());
    }
}
