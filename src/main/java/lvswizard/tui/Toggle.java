package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Panel;

/**
 * Puts a component into its panel or takes it out. Lanterna lays out invisible components too (an
 * empty line where a hidden error would be), so a line that is not needed must not be there at all.
 */
final class Toggle {
    private Toggle() {
    }

    /** Shows {@code component} in {@code panel} right after {@code after} (first when null), or removes it. */
    static void show(Panel panel, Component component, Component after, boolean show) {
        boolean there = panel.containsComponent(component);
        if (show && !there) {
            int index = after == null ? 0 : panel.getChildrenList().indexOf(after) + 1;
            panel.addComponent(index, component);
        } else if (!show && there) {
            panel.removeComponent(component);
        }
    }
}
