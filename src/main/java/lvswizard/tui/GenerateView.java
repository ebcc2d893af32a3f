package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.RadioBoxList;
import com.googlecode.lanterna.gui2.TextBox;
import java.nio.file.Path;
import java.util.List;
import lvswizard.render.Flavour;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;

/** Step 7: where to write, which network tools, then what to copy where. */
final class GenerateView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final TextBox output;
    private final RadioBoxList<String> flavour = new RadioBoxList<>();
    private final TextBox result;
    private final Form form;

    GenerateView(Draft draft, Messages m, TerminalSize size, Runnable write, Runnable runHere, Runnable lab,
                 Runnable finish, String report) {
        output = Field.text(draft.outputDir().toString(), 40, java.util.regex.Pattern.compile("[^\\n]{0,200}"));
        for (Flavour f : Flavour.values()) {
            flavour.addItem(f.toString());
        }
        flavour.setCheckedItemIndex(draft.flavour().ordinal());
        form = new Form(m)
                .add("generate.out", new Field("outputDir", "help.out", output))
                .add("generate.flavour", new Field("flavour", "help.flavour", flavour));
        body.addComponent(form.panel());
        body.addComponent(Form.row(Form.button(m.get("button.write"), write),
                Form.button(m.get("button.run"), runHere), Form.button(m.get("button.lab"), lab),
                Form.button(m.get("button.finish"), finish)));
        result = new TextBox(new TerminalSize(size.getColumns(), Math.max(3, size.getRows() - 5)), report);
        result.setReadOnly(true);
        body.addComponent(result);
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Draft collect(Draft draft) {
        String dir = output.getText().trim();
        return draft.withOutput(dir.isEmpty() ? Draft.DEFAULT_OUTPUT : Path.of(dir),
                Flavour.values()[Math.max(0, flavour.getCheckedItemIndex())]);
    }

    @Override
    public List<Field> fields() {
        return form.fields();
    }
}
