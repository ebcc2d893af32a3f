package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/** Step 7: where to write, which network tools, then what was written and what to copy where. */
final class GenerateView implements StepView {
    /** What the Generate step's buttons do. */
    interface Buttons {
        void write();

        void runHere();

        void lab();

        void finish();
    }

    private final Panel body = new Panel(new LinearLayout());
    private final Form form;
    private final Button focus;

    GenerateView(Draft draft, Messages m, TerminalSize size, Buttons buttons, String report) {
        List<Bound> fields = Fields.of(Step.GENERATE, Scope.DRAFT).stream()
                .map((FieldSpec spec) -> new Bound(spec, At.NONE, draft, m)).toList();
        form = new Form(fields, m, size.getColumns());
        body.addComponent(form.panel());
        Button write = Form.button(m.get("button.write"), buttons::write);
        Button finish = Form.button(m.get("button.finish"), buttons::finish);
        body.addComponent(Form.row(write, Form.button(m.get("button.run"), buttons::runHere),
                Form.button(m.get("button.lab"), buttons::lab), finish));
        // the fields come filled in: Write is what the step is for, and Finish once it is done
        focus = report.isEmpty() ? write : finish;
        int used = form.panel().getPreferredSize().getRows() + 1;
        if (!report.isEmpty()) {
            body.addComponent(ReadOnlyText.of(new TerminalSize(size.getColumns(), Math.max(3, size.getRows() - used)),
                    wrapProse(report, size.getColumns() - 3)));
        }
    }

    /** The sentences wrapped to the box; the commands left whole (they scroll), so that they can be copied. */
    private static List<String> wrapProse(String report, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : report.split("\n", -1)) {
            if (line.startsWith("scp ") || line.startsWith("ssh ")) {
                lines.add(line);
            } else {
                lines.addAll(Dialogs.wrapHanging(line, width, 4));
            }
        }
        return lines;
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Interactable firstFocus() {
        return focus;
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
