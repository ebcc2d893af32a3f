package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.ArrayList;
import java.util.List;
import lvswizard.render.RenderedFile;
import lvswizard.wizard.Messages;

/** Step 6: each file that will be written, one tab per file, the text scrollable. */
final class PreviewView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final List<Button> tabs = new ArrayList<>();
    private final TextBox content;
    private final List<RenderedFile> files;

    PreviewView(List<RenderedFile> files, Messages m, TerminalSize size) {
        this.files = files;
        Panel bar = new Panel(new GridLayout(4).setHorizontalSpacing(1));
        for (int i = 0; i < files.size(); i++) {
            int tab = i;
            Button button = Form.button(files.get(i).name(), () -> show(tab));
            tabs.add(button);
            bar.addComponent(button);
        }
        content = new TextBox(new TerminalSize(size.getColumns(), Math.max(3, size.getRows() - rowsOf(files.size()) - 1)));
        content.setReadOnly(true);
        body.addComponent(bar);
        body.addComponent(new Label(m.get("preview.hint")));
        body.addComponent(content);
        show(0);
    }

    private static int rowsOf(int tabCount) {
        return (tabCount + 3) / 4;
    }

    void show(int tab) {
        if (files.isEmpty()) {
            return;
        }
        for (int i = 0; i < tabs.size(); i++) {
            tabs.get(i).setLabel(i == tab ? "[" + files.get(i).name() + "]" : files.get(i).name());
        }
        content.setText(files.get(tab).content());
        content.setCaretPosition(0, 0);
    }

    @Override
    public Component body() {
        return body;
    }
}
