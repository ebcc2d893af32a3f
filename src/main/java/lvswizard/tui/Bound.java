package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.CheckBox;
import com.googlecode.lanterna.gui2.ComboBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.RadioBoxList;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import lvswizard.validation.Finding;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Messages;

/**
 * One field of the catalogue at one place, on screen: its widget, built from the field's kind, and
 * the label under it where the field's error goes. The widget shows the draft's value; the wizard
 * reads the typed text back through the field's own parser.
 */
final class Bound {
    final FieldSpec spec;
    final At at;
    final Interactable widget;
    final Label error = new Label("");
    private final List<String> choices;
    /** Why the finding under the field matters (its rule's reason), or empty: F1 shows it after the field's help. */
    private String why = "";
    private Runnable listener = () -> { };
    /** Set while the widget is filled from the draft, so that filling it is not taken for typing. */
    private boolean filling;

    Bound(FieldSpec spec, At at, Draft draft, Messages m) {
        this.spec = spec;
        this.at = at;
        this.choices = spec.choices(draft);
        this.widget = switch (spec.kind()) {
            case TEXT -> textBox(spec, spec.get(draft, at));
            case CHOICE -> new ComboBox<>(choices);
            case RADIO -> radio(m);
            case CHECK -> new CheckBox();
            case LIST -> throw new IllegalArgumentException(spec.id() + " is a list, not a value");
        };
        error.setForegroundColor(TextColor.ANSI.RED);
        fill(draft);
        listen();
    }

    private static TextBox textBox(FieldSpec spec, String value) {
        TextBox box = new FieldBox(new TerminalSize(spec.width(), 1), value);
        // a value from a file that the filter would refuse stays editable: the validator says what is wrong
        if (spec.keys().matcher(value).matches()) {
            box.setValidationPattern(spec.keys());
        }
        return box;
    }

    private RadioBoxList<String> radio(Messages m) {
        RadioBoxList<String> list = new RadioBoxList<>();
        for (String choice : choices) {
            String key = spec.id() + "." + choice;
            String label = m.get(key);
            list.addItem(label.equals(key) ? choice : label);
        }
        return list;
    }

    /** Shows {@code text} under the field; {@code reason} is why it matters (empty for none or a typing error). */
    void showError(String text, String reason) {
        error.setText(text);
        why = text.isEmpty() ? "" : reason;
    }

    /** What was typed and cannot be read, else {@code finding}'s text (and its rule's reason for F1), else nothing. */
    void showError(String typed, Optional<Finding> finding, Function<Finding, String> text, Locale locale) {
        if (typed != null) {
            showError(typed, "");
        } else {
            showError(finding.map(text).orElse(""), finding.map(f -> f.rule().why(locale)).orElse(""));
        }
    }

    /** F1 on the field: where it is, what it is for, and why the finding under it matters. */
    String help(Messages m) {
        String help = new Fields.Located(spec, at).where(m) + "\n" + m.get(spec.helpKey());
        return why.isEmpty() ? help : help + "\n\n" + m.get("help.why", why);
    }

    private void listen() {
        Runnable changed = () -> {
            if (!filling) {
                listener.run();
            }
        };
        if (widget instanceof TextBox box) {
            box.setTextChangeListener((text, byUser) -> changed.run());
        } else if (widget instanceof ComboBox<?> combo) {
            combo.addListener((selected, previous, byUser) -> changed.run());
        } else if (widget instanceof RadioBoxList<?> radio) {
            radio.addListener((selected, previous) -> changed.run());
        } else {
            ((CheckBox) widget).addListener(checked -> changed.run());
        }
    }

    void onChange(Runnable action) {
        this.listener = action;
    }

    Component component() {
        return (Component) widget;
    }

    /** What the operator has typed or chosen, as text for the field's parser. */
    String read() {
        if (widget instanceof TextBox box) {
            return box.getText();
        }
        if (widget instanceof ComboBox<?> combo) {
            return combo.getSelectedIndex() < 0 ? "" : choices.get(combo.getSelectedIndex());
        }
        if (widget instanceof RadioBoxList<?> radio) {
            return radio.getCheckedItemIndex() < 0 ? "" : choices.get(radio.getCheckedItemIndex());
        }
        return ((CheckBox) widget).isChecked() ? "yes" : "no";
    }

    /** Shows the draft's value, unless the widget already says the same (a text box keeps its caret). */
    void fill(Draft draft) {
        String value = spec.get(draft, at);
        if (value.equals(read())) {
            return;
        }
        filling = true;
        try {
            if (widget instanceof TextBox box) {
                if (!spec.keys().matcher(value).matches()) {
                    box.setValidationPattern(null);
                }
                box.setText(value);
            } else if (widget instanceof ComboBox<?> combo) {
                combo.setSelectedIndex(choices.indexOf(value));
            } else if (widget instanceof RadioBoxList<?> radio) {
                int checked = choices.indexOf(value);
                radio.setCheckedItemIndex(checked);
                // the cursor on the checked choice: Up and Down move from what is chosen, not from the first
                if (checked >= 0) {
                    radio.setSelectedIndex(checked);
                }
            } else {
                ((CheckBox) widget).setChecked("yes".equals(value));
            }
        } finally {
            filling = false;
        }
    }

    /** Whether this is the field at {@code field}. */
    boolean is(String id, At place) {
        return spec.id().equals(id) && at.equals(place);
    }
}
