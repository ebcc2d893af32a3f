package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.RadioBoxList;
import java.util.List;
import lvswizard.model.Forwarding;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Messages;

/** Step 1: what this host is and the forwarding method, with a way to fill addresses from the host. */
final class StartView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final RadioBoxList<String> roles = new RadioBoxList<>();
    private final RadioBoxList<String> methods = new RadioBoxList<>();
    private final List<Field> fields;

    StartView(Draft draft, Messages m, Runnable detect) {
        for (HostRole role : HostRole.values()) {
            roles.addItem(m.get(role.key()));
        }
        roles.setCheckedItemIndex(draft.role().ordinal());
        for (Forwarding forwarding : Forwarding.values()) {
            methods.addItem(m.get("forwarding." + forwarding));
        }
        methods.setCheckedItemIndex(Edits.forwarding(draft.cluster()).ordinal());
        body.addComponent(new Label(m.get("role.label")));
        body.addComponent(roles);
        body.addComponent(new Label(""));
        body.addComponent(new Label(m.get("forwarding.label")));
        body.addComponent(methods);
        body.addComponent(new Label(""));
        body.addComponent(Form.button(m.get("button.detect"), detect));
        fields = List.of(new Field("role", "help.role", roles), new Field("forwarding", "help.forwarding", methods));
    }

    void onChange(Runnable listener) {
        roles.addListener((selected, previous) -> listener.run());
        methods.addListener((selected, previous) -> listener.run());
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Draft collect(Draft draft) {
        HostRole role = HostRole.values()[Math.max(0, roles.getCheckedItemIndex())];
        Forwarding forwarding = Forwarding.values()[Math.max(0, methods.getCheckedItemIndex())];
        Draft next = draft.with(role);
        return forwarding == Edits.forwarding(draft.cluster()) ? next
                : next.with(Edits.withForwarding(draft.cluster(), forwarding));
    }

    @Override
    public List<Field> fields() {
        return fields;
    }
}
