package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/** A step that is one form, and perhaps a few widgets under it (Start, Director, Generate). */
final class FormView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final Form form;

    FormView(Form form, Component... below) {
        this.form = form;
        body.addComponent(form.panel());
        for (Component component : below) {
            body.addComponent(component);
        }
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
    public void showErrors() {
        form.showErrors();
    }
}
