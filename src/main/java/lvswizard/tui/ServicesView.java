package lvswizard.tui;

import com.googlecode.lanterna.gui2.ComboBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.Scheduler;
import lvswizard.model.VirtualService;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Messages;

/** Step 2: one virtual service at a time (a selector when there are several), with add and remove. */
final class ServicesView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final int index;
    private final Form form;
    private final ComboBox<String> protocol = new ComboBox<>(Arrays.stream(Protocol.values()).map(Object::toString).toList());
    private final ComboBox<String> scheduler = new ComboBox<>(Arrays.stream(Scheduler.values()).map(Object::toString).toList());
    private final Label schedulerHint = new Label("");
    private final TextBox vip;
    private final TextBox port;
    private final TextBox fwmark;
    private final TextBox markPorts;
    private final TextBox persistence;
    private final TextBox netmask;
    private final Messages messages;

    /** Shows service {@code index}; the selector, Add and Remove go through {@code actions}. */
    ServicesView(Draft draft, int index, Messages m, WizardTui.Actions actions) {
        this.messages = m;
        List<VirtualService> services = draft.cluster().services();
        this.index = services.isEmpty() ? -1 : Math.min(index, services.size() - 1);
        VirtualService s = this.index < 0 ? null : services.get(this.index);
        vip = Field.text(s == null ? null : s.vip(), 24, Field.ADDRESS);
        port = Field.text(s == null || s.port() == null ? null : s.port().toString(), 6, Field.DIGITS_5);
        fwmark = Field.text(s == null || s.fwmark() == null ? null : s.fwmark().toString(), 11, Field.DIGITS_10);
        markPorts = Field.text(s == null ? null : s.markPorts().stream().map(String::valueOf)
                .collect(Collectors.joining(",")), 16, Field.PORTS);
        persistence = Field.text(s == null || s.persistence() == null ? null : s.persistence().timeout().toString(),
                8, Field.DIGITS_10);
        netmask = Field.text(s == null || s.persistence() == null ? null : s.persistence().netmask(), 16, Field.ADDRESS);
        if (s != null) {
            protocol.setSelectedIndex(s.protocol().ordinal());
            scheduler.setSelectedIndex(s.scheduler().ordinal());
        }
        String p = "services[" + Math.max(this.index, 0) + "]";
        form = new Form(m)
                .add("field.protocol", new Field(p + ".protocol", "help.protocol", protocol))
                .add("field.vip", new Field(p + ".vip", "help.vip", vip))
                .add("field.port", new Field(p + ".port", "help.port", port))
                .add("field.fwmark", new Field(p + ".fwmark", "help.fwmark", fwmark))
                .add("field.markPorts", new Field(p + ".markPorts", "help.markPorts", markPorts))
                .add("field.scheduler", new Field(p + ".scheduler", "help.scheduler", scheduler))
                .add("field.persistence", new Field(p + ".persistence.timeout", "help.persistence", persistence))
                .add("field.netmask", new Field(p + ".persistence.netmask", "help.netmask", netmask));
        showHint();
        if (services.size() > 1) {
            ComboBox<String> selector = new ComboBox<>();
            for (int i = 0; i < services.size(); i++) {
                selector.addItem((i + 1) + ": " + describe(services.get(i)));
            }
            selector.setSelectedIndex(this.index);
            selector.addListener((selected, previous, byUser) -> {
                if (byUser && selected != previous) {
                    actions.showService(selected);
                }
            });
            body.addComponent(Form.row(new Label(m.get("service.label")), selector));
        } else if (services.isEmpty()) {
            body.addComponent(new Label(m.get("service.none")));
        }
        if (!services.isEmpty()) {
            body.addComponent(form.panel());
            body.addComponent(schedulerHint);
        }
        body.addComponent(Form.row(
                Form.button(m.get("button.add"), () -> actions.change(d -> d.with(Edits.addService(d.cluster())),
                        services.size())),
                Form.button(m.get("button.remove"), () -> {
                    if (this.index >= 0) {
                        actions.change(d -> d.with(Edits.removeService(d.cluster(), this.index)), this.index - 1);
                    }
                })));
    }

    private static String describe(VirtualService s) {
        return s.hasFwmark() ? "fwmark " + s.fwmark() : s.protocol() + " " + s.vip() + ":" + s.port();
    }

    void onChange(Runnable listener) {
        for (TextBox box : List.of(vip, port, fwmark, markPorts, persistence, netmask)) {
            box.setTextChangeListener((text, byUser) -> listener.run());
        }
        protocol.addListener((selected, previous, byUser) -> listener.run());
        scheduler.addListener((selected, previous, byUser) -> {
            showHint();
            listener.run();
        });
    }

    private void showHint() {
        schedulerHint.setText(messages.get("sched." + Scheduler.values()[Math.max(0, scheduler.getSelectedIndex())]));
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Draft collect(Draft draft) {
        if (index < 0) {
            return draft;
        }
        VirtualService old = draft.cluster().services().get(index);
        Long timeout = Field.number(persistence);
        String mask = Field.string(netmask);
        Persistence persist = timeout == null && mask == null ? null : new Persistence(timeout, mask);
        VirtualService updated = new VirtualService(old.name(), Protocol.values()[protocol.getSelectedIndex()],
                Field.string(vip), Field.integer(port), Field.number(fwmark), Field.integers(markPorts),
                Scheduler.values()[scheduler.getSelectedIndex()], old.schedulerFlags(), persist, old.backends());
        return draft.with(Edits.withService(draft.cluster(), index, updated));
    }

    @Override
    public List<Field> fields() {
        return form.fields();
    }
}
