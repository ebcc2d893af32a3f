package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lvswizard.plan.Plan;
import lvswizard.render.TopologyDiagram;
import lvswizard.validation.Finding;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Messages;

/**
 * Step 5: every finding (Enter opens the field that fixes it), then why each matters and the
 * topology drawn like the how-to's.
 */
final class ReviewView implements StepView {
    private static final int MAX_LIST_ROWS = 6;

    private final Panel body = new Panel(new LinearLayout());

    ReviewView(Draft draft, Messages m, TerminalSize size, Consumer<Fields.Located> open) {
        Validation validation = Validator.check(draft.cluster());
        List<Finding> findings = validation.findings();
        int listRows = 0;
        if (findings.isEmpty()) {
            body.addComponent(new Label(m.get("review.clean")));
            listRows = 1;
        } else {
            ActionListBox list = new ActionListBox(new TerminalSize(size.getColumns(),
                    Math.min(findings.size(), MAX_LIST_ROWS)));
            for (Finding finding : findings) {
                list.addItem(Texts.fit(Fields.line(draft.cluster(), finding, m), size.getColumns() - 2),
                        () -> Fields.locate(draft.cluster(), finding.path()).ifPresent(open));
            }
            body.addComponent(new Label(m.get("review.open")));
            body.addComponent(list);
            listRows = 1 + Math.min(findings.size(), MAX_LIST_ROWS);
        }
        List<String> lines = new ArrayList<>();
        lines.add("== " + m.get("review.findings") + " ==");
        int width = size.getColumns() - 2;
        for (Finding finding : findings) {
            lines.addAll(Dialogs.wrapHanging(Fields.line(draft.cluster(), finding, m), width, 4));
            Dialogs.wrap(finding.rule().why(m.locale()), width - 4).forEach(line -> lines.add("    " + line));
        }
        lines.add("");
        lines.add("== " + m.get("review.topology") + " ==");
        if (!validation.hasErrors()) {
            Plan plan = validation.plan();
            lines.addAll(TopologyDiagram.lines(plan, 40, m.locale()));
            lines.add("");
            lines.addAll(TopologyDiagram.serviceLines(plan, m.locale()));
        } else {
            lines.add(m.get("review.no.topology"));
        }
        body.addComponent(ReadOnlyText.of(new TerminalSize(size.getColumns(), Math.max(3, size.getRows() - listRows)),
                lines));
    }

    @Override
    public Component body() {
        return body;
    }
}
