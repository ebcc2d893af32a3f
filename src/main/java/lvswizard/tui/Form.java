package lvswizard.tui;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import lvswizard.wizard.Messages;

/** A grid of label | widget | error rows, the shape of every form step. */
final class Form {
    private final Panel panel = new Panel(new GridLayout(3).setHorizontalSpacing(1));
    private final List<Field> fields = new ArrayList<>();
    private final Messages messages;

    Form(Messages messages) {
        this.messages = messages;
    }

    Form add(String labelKey, Field field) {
        panel.addComponent(new Label(messages.get(labelKey)));
        panel.addComponent((Component) field.widget);
        panel.addComponent(field.error);
        fields.add(field);
        return this;
    }

    Form note(String text) {
        panel.addComponent(new Label(""));
        panel.addComponent(new Label(text).setLayoutData(GridLayout.createHorizontallyFilledLayoutData(2)));
        return this;
    }

    Panel panel() {
        return panel;
    }

    List<Field> fields() {
        return fields;
    }

    /** Buttons render with the flat renderer: the default one drops the first wide (CJK) character. */
    static Button button(String label, Runnable action) {
        Button button = new Button(label, action);
        button.setRenderer(new Button.FlatButtonRenderer());
        return button;
    }

    static Panel row(Component... components) {
        Panel row = new Panel(new LinearLayout(com.googlecode.lanterna.gui2.Direction.HORIZONTAL).setSpacing(2));
        for (Component component : components) {
            row.addComponent(component);
        }
        return row;
    }
}
