package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import java.util.regex.Pattern;
import lvswizard.wizard.Answers;

/**
 * One editable value of a step: the widget, the configuration path whose findings it shows next to
 * it, and the help key behind F1.
 */
final class Field {
    static final Pattern DIGITS_5 = Pattern.compile("[0-9]{0,5}");
    static final Pattern DIGITS_10 = Pattern.compile("[0-9]{0,10}");
    static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:/]{0,43}");
    static final Pattern ADDRESSES = Pattern.compile("[0-9A-Fa-f.:/, ]{0,200}");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{0,32}");
    static final Pattern PORTS = Pattern.compile("[0-9, ]{0,60}");

    final String path;
    final String helpKey;
    final Interactable widget;
    final Label error = new Label("");

    Field(String path, String helpKey, Interactable widget) {
        this.path = path;
        this.helpKey = helpKey;
        this.widget = widget;
        error.setForegroundColor(TextColor.ANSI.RED);
    }

    /** A one-line text box that refuses keystrokes which can never lead to a valid value. */
    static TextBox text(String value, int width, Pattern allowed) {
        String initial = value == null ? "" : value;
        TextBox box = new TextBox(new TerminalSize(width, 1), allowed.matcher(initial).matches() ? initial : "");
        box.setValidationPattern(allowed);
        return box;
    }

    /** Whether findings at {@code findingPath} belong next to this field. */
    boolean shows(String findingPath) {
        return findingPath.equals(path) || findingPath.startsWith(path + ".") || findingPath.startsWith(path + "[");
    }

    static Integer integer(TextBox box) {
        String text = box.getText().trim();
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    static Long number(TextBox box) {
        String text = box.getText().trim();
        return text.isEmpty() ? null : Long.valueOf(text);
    }

    static String string(TextBox box) {
        String text = box.getText().trim();
        return text.isEmpty() ? null : text;
    }

    static List<String> strings(TextBox box) {
        return Answers.list(box.getText());
    }

    static List<Integer> integers(TextBox box) {
        return Answers.integers(box.getText());
    }
}
