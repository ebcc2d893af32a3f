package lvswizard.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.Set;
import lvswizard.wizard.Messages;

/** Modal dialogs in the operator's language (Lanterna's own MessageDialog labels its buttons in English). */
final class Dialogs {
    private static final int WIDTH = 70;

    private Dialogs() {
    }

    static void info(WindowBasedTextGUI gui, Messages m, String title, String text) {
        BasicWindow window = window(title, text);
        Panel panel = (Panel) window.getComponent();
        com.googlecode.lanterna.gui2.Button ok = Form.button(m.get("button.ok"), window::close);
        panel.addComponent(ok);
        window.setFocusedInteractable(ok);
        gui.addWindowAndWait(window);
    }

    static boolean confirm(WindowBasedTextGUI gui, Messages m, String title, String text) {
        BasicWindow window = window(title, text);
        boolean[] answer = {false};
        Panel panel = (Panel) window.getComponent();
        com.googlecode.lanterna.gui2.Button yes = Form.button(m.get("button.yes"), () -> {
            answer[0] = true;
            window.close();
        });
        panel.addComponent(Form.row(yes, Form.button(m.get("button.no"), window::close)));
        // focused at once, so that Enter answers (nothing would have the focus until a Tab)
        window.setFocusedInteractable(yes);
        gui.addWindowAndWait(window);
        return answer[0];
    }

    private static BasicWindow window(String title, String text) {
        BasicWindow window = new BasicWindow(title);
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Panel panel = new Panel(new LinearLayout());
        for (String line : wrap(text)) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new Label(""));
        window.setComponent(panel);
        return window;
    }

    /** Wraps at about WIDTH columns, counting a CJK character as two. */
    static java.util.List<String> wrap(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            int width = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                int w = com.googlecode.lanterna.TerminalTextUtils.isCharCJK(c) ? 2 : 1;
                if (width + w > WIDTH) {
                    int space = line.lastIndexOf(" ");
                    if (space > WIDTH / 2) {
                        lines.add(line.substring(0, space));
                        line.delete(0, space + 1);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    width = com.googlecode.lanterna.TerminalTextUtils.getColumnWidth(line.toString());
                }
                line.append(c);
                width += w;
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
