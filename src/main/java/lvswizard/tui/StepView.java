package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import java.util.List;
import lvswizard.wizard.Draft;

/** The widgets of one step, built from the draft; it reads them back into a new draft. */
interface StepView {
    Component body();

    Draft collect(Draft draft);

    List<Field> fields();
}
