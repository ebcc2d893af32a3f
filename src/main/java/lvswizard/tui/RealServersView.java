package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import java.util.ArrayList;
import java.util.List;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Messages;

/** Step 4: the real servers as a table; Add and Edit open a form, Remove drops the selected row. */
final class RealServersView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final Table<String> table;
    private final List<Field> fields = new ArrayList<>();

    RealServersView(Draft draft, int selected, Messages m, WizardTui.Actions actions) {
        table = new Table<>(m.get("field.name"), m.get("field.address"), m.get("field.port"), m.get("field.weight"),
                m.get("field.interface"), m.get("field.gateway"));
        List<Edits.ServerRow> rows = Edits.rows(draft.cluster());
        for (Edits.ServerRow row : rows) {
            table.getTableModel().addRow(text(row.server().name()), text(row.server().address()),
                    row.port() == null ? "-" : row.port().toString(), Integer.toString(row.weight()),
                    text(row.server().iface()), text(row.server().gateway()));
        }
        table.setVisibleRows(Math.max(3, Math.min(rows.size() + 1, 10)));
        if (!rows.isEmpty()) {
            table.setSelectedRow(Math.max(0, Math.min(selected, rows.size() - 1)));
            body.addComponent(table);
            table.setSelectAction(() -> actions.editServer(table.getSelectedRow()));
        } else {
            body.addComponent(new Label(m.get("rs.empty")));
        }
        body.addComponent(Form.row(
                Form.button(m.get("button.add"), () -> actions.editServer(-1)),
                Form.button(m.get("button.edit"), () -> {
                    if (!rows.isEmpty()) {
                        actions.editServer(table.getSelectedRow());
                    }
                }),
                Form.button(m.get("button.remove"), () -> {
                    if (!rows.isEmpty()) {
                        int row = table.getSelectedRow();
                        actions.change(d -> d.with(Edits.removeRealServer(d.cluster(), row)), row - 1);
                    }
                })));
        fields.add(new Field("realServers", "help.address", table));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    int selectedRow() {
        return table.getTableModel().getRowCount() == 0 ? -1 : table.getSelectedRow();
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
        return fields;
    }
}
