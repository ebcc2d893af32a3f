package lvswizard.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.RealServer;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Roster;

/**
 * Step 4: the real servers as a table (a name that services use without a definition is a row too,
 * marked, so that it can be completed or removed); Add and Edit open the server's dialog.
 */
final class RealServersView implements StepView {
    private final Panel body = new Panel(new LinearLayout());
    private final Label listError = new Label("").setForegroundColor(TextColor.ANSI.RED);
    private final Table<String> table;
    private final Panel buttons;

    RealServersView(Draft draft, int selected, Messages m, int width, int height, WizardTui.Actions actions) {
        table = new Table<>(m.get("field.name"), m.get("field.address"), m.get("field.interface"),
                m.get("field.gateway"), m.get("field.weight"), m.get("column.services"));
        Cluster c = draft.cluster();
        List<Roster.Row> rows = Roster.rows(c);
        for (Roster.Row row : rows) {
            RealServer host = Roster.host(c, rows.indexOf(row));
            table.getTableModel().addRow(row.name() == null ? "?" : Texts.fit(row.name(), 16),
                    host == null ? m.get("rs.undefined") : Texts.fit(host.address(), 24),
                    host == null ? "" : Texts.fit(host.iface(), 15), host == null ? "" : Texts.fit(host.gateway(), 24),
                    weights(c, row.name()), services(c, row.name(), m));
        }
        table.setVisibleRows(Math.max(2, Math.min(rows.size(), height)));
        if (rows.isEmpty()) {
            body.addComponent(new Label(m.get("rs.empty")));
        } else {
            table.setSelectedRow(Math.max(0, Math.min(selected, rows.size() - 1)));
            table.setSelectAction(() -> actions.editServer(table.getSelectedRow()));
            body.addComponent(table);
        }
        listError.setLabelWidth(width);
        buttons = Form.row(
                Form.button(m.get("button.add"), () -> actions.editServer(-1)),
                Form.button(m.get("button.edit"), () -> {
                    if (!rows.isEmpty()) {
                        actions.editServer(table.getSelectedRow());
                    }
                }),
                Form.button(m.get("button.remove"), () -> {
                    if (!rows.isEmpty()) {
                        actions.removeServer(table.getSelectedRow());
                    }
                }));
        body.addComponent(buttons);
    }

    /** The member's weight in each service it is in: "2" when they agree, "2/1" when not, "-" in none. */
    private static String weights(Cluster c, String name) {
        List<Integer> weights = members(c, name).stream().map(Backend::weight).toList();
        if (weights.isEmpty()) {
            return "-";
        }
        return weights.stream().distinct().count() == 1 ? weights.get(0).toString()
                : weights.stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    /** Which services it is in: all, none, or their numbers. */
    private static String services(Cluster c, String name, Messages m) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < c.services().size(); i++) {
            if (c.services().get(i).backends().stream().anyMatch(b -> Objects.equals(b.realServer(), name))) {
                in.add(Integer.toString(i + 1));
            }
        }
        if (in.isEmpty()) {
            return "-";
        }
        return in.size() == c.services().size() && c.services().size() > 1 ? m.get("column.services.all")
                : String.join(",", in);
    }

    private static List<Backend> members(Cluster c, String name) {
        return c.services().stream().flatMap(s -> s.backends().stream())
                .filter(b -> Objects.equals(b.realServer(), name)).toList();
    }

    /** The table, so that Enter edits the selected server; the Add button when there is none. */
    @Override
    public Interactable firstFocus() {
        return table.getTableModel().getRowCount() == 0 ? (Interactable) buttons.getChildrenList().get(0) : table;
    }

    @Override
    public Component body() {
        return body;
    }

    @Override
    public Map<String, Label> lists() {
        return Map.of("realServers", listError);
    }

    @Override
    public void showErrors() {
        Toggle.show(body, listError, buttons, !listError.getText().isEmpty());
    }
}
