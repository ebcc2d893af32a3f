package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import java.util.List;
import java.util.Map;

/**
 * The widgets of one step, built from the draft. Fields write into the draft as they change (the
 * wizard listens to them); a view never holds values of its own.
 */
interface StepView {
    Component body();

    /** The step's fields, where their findings are shown. */
    default List<Bound> fields() {
        return List.of();
    }

    /** Labels beside the step's lists (a table, an Add button), by list field id, for findings about a list. */
    default Map<String, Label> lists() {
        return Map.of();
    }

    /** What has the focus when the step opens; null for its first field. */
    default Interactable firstFocus() {
        return null;
    }

    /** Called after the fields' errors were set: show or hide what depends on them. */
    default void showErrors() {
    }
}
