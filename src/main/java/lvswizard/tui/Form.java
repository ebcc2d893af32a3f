package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Messages;

/**
 * A column of labels and a column of fields of fixed width, each field's error wrapped on the line
 * under it (and hidden while there is none), so that an error never squeezes a label away.
 * Radio lists take the whole width under their label.
 */
final class Form {
    private final Panel panel = new Panel(new GridLayout(2).setHorizontalSpacing(1));
    private final List<Bound> fields;
    private final List<Label> labels = new ArrayList<>();
    /** Per field: what its error line adds to the grid (a spacer under the label and the error), or the error alone. */
    private final List<List<Component>> errorRows = new ArrayList<>();

    /** @param width the columns the form may use */
    Form(List<Bound> fields, Messages m, int width) {
        this.fields = fields;
        int labelWidth = fields.stream().filter(f -> f.spec.kind() != FieldSpec.Kind.RADIO)
                .mapToInt(f -> TerminalTextUtils.getColumnWidth(m.get(f.spec.labelKey()))).max().orElse(0);
        for (Bound field : fields) {
            Label label = new Label(m.get(field.spec.labelKey()));
            labels.add(label);
            boolean radio = field.spec.kind() == FieldSpec.Kind.RADIO;
            if (radio) {
                panel.addComponent(label.setLayoutData(GridLayout.createHorizontallyFilledLayoutData(2)));
                panel.addComponent(field.component().setLayoutData(GridLayout.createHorizontallyFilledLayoutData(2)));
            } else {
                panel.addComponent(label);
                panel.addComponent(field.component());
            }
            field.error.setLabelWidth(Math.max(10, width - (radio ? 0 : labelWidth + 1)));
            errorRows.add(radio ? List.of(field.error.setLayoutData(GridLayout.createHorizontallyFilledLayoutData(2)))
                    : List.of(new EmptySpace(new TerminalSize(1, 1)), field.error));
        }
    }

    Panel panel() {
        return panel;
    }

    List<Bound> fields() {
        return fields;
    }

    /** Shows each field's error under it (empty hides the line) and marks its label. */
    void showErrors() {
        showErrors(Integer.MAX_VALUE, null);
    }

    /**
     * The same within {@code rows} rows of errors (a dialog must fit its screen): the focused field's
     * error first, then the others in order while there is room; a field whose error has no room
     * keeps its red label, and OK refuses until it is fixed.
     */
    void showErrors(int rows, Interactable focused) {
        int left = rows;
        Bound first = fields.stream().filter(f -> f.widget == focused && !f.error.getText().isEmpty()).findFirst()
                .orElse(null);
        if (first != null) {
            left -= first.error.getPreferredSize().getRows();
        }
        for (int i = 0; i < fields.size(); i++) {
            Bound field = fields.get(i);
            boolean wrong = !field.error.getText().isEmpty();
            boolean shown = wrong && (field == first || field.error.getPreferredSize().getRows() <= left);
            if (shown && field != first) {
                left -= field.error.getPreferredSize().getRows();
            }
            Component after = field.component();
            for (Component part : errorRows.get(i)) {
                Toggle.show(panel, part, after, shown);
                after = part;
            }
            labels.get(i).setForegroundColor(wrong ? TextColor.ANSI.RED : null);
        }
    }

    /** Buttons render with the flat renderer: the default one drops the first wide (CJK) character. */
    static Button button(String label, Runnable action) {
        Button button = new Button(label, action);
        button.setRenderer(new Button.FlatButtonRenderer());
        return button;
    }

    static Panel row(Component... components) {
        Panel row = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(2));
        for (Component component : components) {
            row.addComponent(component);
        }
        return row;
    }
}
