package lvswizard.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;

import java.util.Set;
import lvswizard.model.RealServer;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Messages;

/** The add/edit form of one real server; returns the new row, or null when cancelled. */
final class ServerDialog {
    private ServerDialog() {
    }

    static Edits.ServerRow show(WindowBasedTextGUI gui, Messages m, Edits.ServerRow row) {
        RealServer s = row == null ? new RealServer(null, null, "eth0", null) : row.server();
        TextBox name = Field.text(s.name(), 20, Field.NAME);
        TextBox address = Field.text(s.address(), 24, Field.ADDRESS);
        TextBox port = Field.text(row == null || row.port() == null ? null : row.port().toString(), 6, Field.DIGITS_5);
        TextBox weight = Field.text(row == null ? "1" : Integer.toString(row.weight()), 6, Field.DIGITS_5);
        TextBox iface = Field.text(s.iface(), 16, Field.NAME);
        TextBox gateway = Field.text(s.gateway(), 24, Field.ADDRESS);
        Form form = new Form(m)
                .add("field.name", new Field("name", "help.name", name))
                .add("field.address", new Field("address", "help.address", address))
                .add("field.port", new Field("port", "help.port", port))
                .add("field.weight", new Field("weight", "help.weight", weight))
                .add("field.interface", new Field("interface", "help.interface", iface))
                .add("field.gateway", new Field("gateway", "help.gateway", gateway));
        BasicWindow window = new BasicWindow(m.get("rs.title"));
        window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
        Edits.ServerRow[] result = new Edits.ServerRow[1];
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(form.panel());
        panel.addComponent(Form.row(
                Form.button(m.get("button.ok"), () -> {
                    Integer w = Field.integer(weight);
                    result[0] = new Edits.ServerRow(new RealServer(Field.string(name), Field.string(address),
                            Field.string(iface), Field.string(gateway)), Field.integer(port), w == null ? 1 : w);
                    window.close();
                }),
                Form.button(m.get("button.cancel"), window::close)));
        window.setComponent(panel);
        gui.addWindowAndWait(window);
        return result[0];
    }

}
