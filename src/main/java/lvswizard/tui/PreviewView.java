package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ComboBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import lvswizard.render.RenderedFile;
import lvswizard.wizard.Messages;

/**
 * Step 6: each file that will be written, chosen by its whole name from a drop-down (a row of tabs
 * cut the names at 80 columns), the text scrollable.
 */
final class PreviewView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final ComboBox<String> chooser = new ComboBox<>();
    private final TextBox content;
    private final List<RenderedFile> files;

    PreviewView(List<RenderedFile> files, Messages m, TerminalSize size, String note) {
        this.files = files;
        files.forEach(f -> chooser.addItem(f.name()));
        chooser.addListener((selected, previous, byUser) -> show(selected));
        List<String> noteLines = Dialogs.wrap(note, size.getColumns());
        content = ReadOnlyText.of(new TerminalSize(size.getColumns(), Math.max(3, size.getRows() - 2 - noteLines.size())),
                List.of());
        body.addComponent(Form.row(new Label(m.get("preview.file", files.size())), chooser));
        body.addComponent(new Label(m.get("preview.hint")));
        body.addComponent(new Label(String.join("\n", noteLines)));
        body.addComponent(content);
        show(0);
    }

    private void show(int index) {
        if (index >= 0 && index < files.size()) {
            content.setText(ReadOnlyText.text(files.get(index).content().lines().toList(),
                    content.getPreferredSize().getColumns()));
            content.setCaretPosition(0, 0);
        }
    }

    @Override
    public Component body() {
        return body;
    }
}
