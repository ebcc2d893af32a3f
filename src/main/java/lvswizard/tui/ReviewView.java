package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.ArrayList;
import java.util.List;
import lvswizard.render.Plan;
import lvswizard.render.TopologyDiagram;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;

/** Step 5: every finding with why it matters, and the topology drawn like the how-to's. */
final class ReviewView implements StepView {
    private final Panel body = new Panel(new LinearLayout());

    ReviewView(Draft draft, Messages m, TerminalSize size) {
        List<Finding> findings = Validator.validate(draft.cluster());
        List<String> lines = new ArrayList<>();
        lines.add("== " + m.get("review.findings") + " ==");
        if (findings.isEmpty()) {
            lines.add(m.get("review.clean"));
        }
        for (Finding finding : findings) {
            lines.add(finding.severity() + "[" + finding.rule().id() + "] " + finding.path() + ": "
                    + finding.message(m.locale()));
            lines.add("    " + finding.rule().why(m.locale()));
        }
        lines.add("");
        lines.add("== " + m.get("review.topology") + " ==");
        if (!Validator.hasErrors(findings)) {
            Plan plan = Plan.of(draft.cluster());
            lines.addAll(TopologyDiagram.lines(plan, 40, m.locale()));
            lines.add("");
            lines.addAll(TopologyDiagram.serviceLines(plan, m.locale()));
        }
        TextBox text = new TextBox(size, String.join("\n", lines));
        text.setReadOnly(true);
        body.addComponent(text);
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Draft collect(Draft draft) {
        return draft;
    }

    @Override
    public List<Field> fields() {
        return List.of();
    }
}
