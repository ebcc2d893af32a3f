package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import lvswizard.wizard.Messages;

/**
 * Modal dialogs in the operator's language (Lanterna's own MessageDialog labels its buttons in
 * English). Every dialog closes on Esc as its safe answer, shows help on F1 or ?, and opens with
 * the focus on the answer that loses nothing. Ctrl-C closes it with that answer too, and every
 * window under it: {@link InterruptibleGui} takes that key before any dialog sees it.
 */
final class Dialogs {
    static final int WIDTH = 70;

    private Dialogs() {
    }

    /** What F1 shows in a dialog: the help of the focused widget, or null for the dialog's keys. */
    interface Help {
        String forFocused(Interactable focused);
    }

    static void info(WindowBasedTextGUI gui, Messages m, String title, String text) {
        choose(gui, m, title, text, 0, m.get("button.ok"));
    }

    /** Yes or No; No has the focus, and Esc answers No. */
    static boolean confirm(WindowBasedTextGUI gui, Messages m, String title, String text) {
        return choose(gui, m, title, text, 1, m.get("button.yes"), m.get("button.no")) == 0;
    }

    /** One of {@code answers} by index; {@code safe} has the focus and is what Esc answers. */
    static int choose(WindowBasedTextGUI gui, Messages m, String title, String text, int safe, String... answers) {
        int[] answer = {safe};
        BasicWindow window = window(m, title, () -> { }, null);
        Panel panel = (Panel) window.getComponent();
        for (String line : wrap(text, widthFor(gui))) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new Label(""));
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < answers.length; i++) {
            int index = i;
            buttons.add(Form.button(answers[i], () -> {
                answer[0] = index;
                window.close();
            }));
        }
        panel.addComponent(Form.row(buttons.toArray(Button[]::new)));
        window.setFocusedInteractable(buttons.get(safe));
        gui.addWindowAndWait(window);
        return answer[0];
    }

    /**
     * Asks for one line of text; {@code check} returns the problem with an answer (shown under the
     * box, the dialog stays open) or null to accept it. Null when cancelled.
     */
    static String askText(WindowBasedTextGUI gui, Messages m, String title, String text, String initial,
                          Pattern allowed, Function<String, String> check) {
        String[] result = {null};
        BasicWindow window = window(m, title, () -> { }, null);
        Panel panel = (Panel) window.getComponent();
        for (String line : wrap(text, WIDTH)) {
            panel.addComponent(new Label(line));
        }
        Runnable[] accept = new Runnable[1];
        // Enter in the field answers, as in every file prompt (Lanterna would move to the next button)
        TextBox box = new TextBox(new TerminalSize(WIDTH - 4, 1), initial) {
            @Override
            public Result handleKeyStroke(KeyStroke key) {
                if (key.getKeyType() == KeyType.Enter) {
                    accept[0].run();
                    return Result.HANDLED;
                }
                return super.handleKeyStroke(key);
            }
        };
        if (allowed.matcher(initial).matches()) {
            box.setValidationPattern(allowed);
        }
        Label problem = new Label("").setForegroundColor(TextColor.ANSI.RED);
        problem.setLabelWidth(WIDTH);
        panel.addComponent(box);
        panel.addComponent(problem);
        accept[0] = () -> {
            String answer = box.getText().trim();
            String wrong = check.apply(answer);
            if (wrong == null) {
                result[0] = answer;
                window.close();
            } else {
                problem.setText(wrong);
            }
        };
        panel.addComponent(Form.row(Form.button(m.get("button.ok"), accept[0]),
                Form.button(m.get("button.cancel"), window::close)));
        window.setFocusedInteractable(box);
        gui.addWindowAndWait(window);
        return result[0];
    }

    /** The help window: the text, then the keys; Esc, Enter or F1 closes it. */
    static void help(WindowBasedTextGUI gui, Messages m, String text, List<KeyMap.Binding> keys) {
        BasicWindow window = window(m, m.get("help.title"), () -> { }, focused -> null);
        Panel panel = (Panel) window.getComponent();
        int width = widthFor(gui);
        for (String line : wrap(text.isEmpty() ? m.get("help.dialog") : text, width)) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new Label(""));
        for (KeyMap.Binding binding : keys) {
            for (String line : wrapHanging(KeyMap.line(binding, keys, m), width, KeyMap.indent(keys))) {
                panel.addComponent(new Label(line));
            }
        }
        panel.addComponent(new Label(""));
        Button ok = Form.button(m.get("button.ok"), window::close);
        panel.addComponent(ok);
        window.setFocusedInteractable(ok);
        gui.addWindowAndWait(window);
    }

    /**
     * A centred modal window with a vertical panel and the dialog keys: Esc runs {@code cancel} and
     * closes; F1 or ? (outside a text box) opens the help that {@code help} gives for the focus (the
     * dialog keys alone when it is null or says nothing).
     */
    static BasicWindow window(Messages m, String title, Runnable cancel, Help help) {
        BasicWindow window = new BasicWindow(title);
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        window.setComponent(new Panel(new LinearLayout()));
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                if (key.getKeyType() == KeyType.Escape) {
                    deliver.set(false);
                    cancel.run();
                    w.close();
                } else if (help != null && isHelpKey(key, w.getFocusedInteractable())) {
                    deliver.set(false);
                    String text = help.forFocused(w.getFocusedInteractable());
                    if (text != null) {
                        help(w.getTextGUI(), m, text, KeyMap.DIALOG);
                    }
                } else if (help == null && isHelpKey(key, w.getFocusedInteractable())) {
                    deliver.set(false);
                    help(w.getTextGUI(), m, "", KeyMap.DIALOG);
                }
            }
        });
        return window;
    }

    /** The text width of a dialog on this screen: at most {@link #WIDTH}, and inside the borders. */
    static int widthFor(WindowBasedTextGUI gui) {
        return Math.max(20, Math.min(WIDTH, gui.getScreen().getTerminalSize().getColumns() - 6));
    }

    /** F1 anywhere; ? unless it is being typed into a text box. */
    static boolean isHelpKey(KeyStroke key, Interactable focused) {
        return key.getKeyType() == KeyType.F1 || key.getKeyType() == KeyType.Character
                && key.getCharacter() == '?' && !key.isCtrlDown() && !isTyping(focused);
    }

    static boolean isTyping(Interactable focused) {
        return focused instanceof TextBox box && !box.isReadOnly();
    }

    /** {@link #wrap}, the lines after the first indented so that a list item reads as one. */
    static List<String> wrapHanging(String text, int width, int indent) {
        List<String> lines = new ArrayList<>();
        String visible = Texts.visibleLines(text);
        String first = wrap(visible, width).get(0);
        lines.add(first);
        String rest = visible.substring(first.length()).strip();
        if (!rest.isEmpty()) {
            wrap(rest, width - indent).forEach(line -> lines.add(" ".repeat(indent) + line));
        }
        return lines;
    }

    /**
     * Wraps at {@code width} columns, counting a CJK character as two. A line breaks after a space or
     * next to a CJK character (Chinese has no spaces), never inside an ASCII word unless the word
     * alone is wider than the line.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        // every dialog's and message's text comes through here: a value in it (a path, a name) may hold
        // control characters, which Lanterna refuses with an exception in the middle of a redraw
        for (String paragraph : Texts.visibleLines(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                int w = TerminalTextUtils.isCharCJK(c) ? 2 : 1;
                if (used + w > width && line.length() > 0) {
                    int cut = breakPoint(line, c);
                    String head = line.substring(0, cut);
                    lines.add(head.stripTrailing());
                    line.delete(0, cut);
                    while (line.length() > 0 && line.charAt(0) == ' ') {
                        line.deleteCharAt(0);
                    }
                    used = TerminalTextUtils.getColumnWidth(line.toString());
                }
                if (!(line.length() == 0 && c == ' ' && !lines.isEmpty() && used == 0 && i > 0)) {
                    line.append(c);
                    used += w;
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where to break {@code line} before {@code next}: after its last space or CJK boundary, else all of it. */
    private static int breakPoint(StringBuilder line, char next) {
        if (next == ' ' || TerminalTextUtils.isCharCJK(next)) {
            return line.length();
        }
        for (int i = line.length() - 1; i > 0; i--) {
            char c = line.charAt(i);
            char before = line.charAt(i - 1);
            if (c == ' ' || TerminalTextUtils.isCharCJK(c) || TerminalTextUtils.isCharCJK(before)) {
                return i;
            }
        }
        return line.length();
    }

}
