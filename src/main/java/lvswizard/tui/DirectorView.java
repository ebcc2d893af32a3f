package lvswizard.tui;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.List;
import lvswizard.model.Director;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Messages;

/** Step 3: the director's interfaces, DIP, gateway and time source. */
final class DirectorView implements StepView {
    private final Form form;
    private final TextBox name;
    private final TextBox dipInterface;
    private final TextBox dips;
    private final TextBox vipInterface;
    private final TextBox gateway;
    private final TextBox ntp;

    DirectorView(Draft draft, Messages m) {
        Director d = draft.cluster().director() == null
                ? new Director(null, null, null, null, null, null) : draft.cluster().director();
        name = Field.text(d.name(), 20, Field.NAME);
        dipInterface = Field.text(d.dipInterface(), 16, Field.NAME);
        dips = Field.text(String.join(", ", d.dips()), 36, Field.ADDRESSES);
        vipInterface = Field.text(d.vipInterface(), 16, Field.NAME);
        gateway = Field.text(d.gateway(), 24, Field.ADDRESS);
        ntp = Field.text(d.ntpServer(), 24, Field.NAME);
        form = new Form(m)
                .add("field.name", new Field("director.name", "help.name", name))
                .add("field.dipInterface", new Field("director.dipInterface", "help.dipInterface", dipInterface))
                .add("field.dips", new Field("director.dips", "help.dips", dips))
                .add("field.vipInterface", new Field("director.vipInterface", "help.vipInterface", vipInterface))
                .add("field.gateway", new Field("director.gateway", "help.gateway", gateway))
                .add("field.ntpServer", new Field("director.ntpServer", "help.ntpServer", ntp));
    }

    void onChange(Runnable listener) {
        for (TextBox box : List.of(name, dipInterface, dips, vipInterface, gateway, ntp)) {
            box.setTextChangeListener((text, byUser) -> listener.run());
        }
    }

    @Override
    public Component body() {
        return form.panel();
    }

    @Override
    public Draft collect(Draft draft) {
        Director director = new Director(Field.string(name), Field.string(dipInterface), Field.strings(dips),
                Field.string(vipInterface), Field.string(gateway), Field.string(ntp));
        return draft.with(Edits.withDirector(draft.cluster(), director));
    }

    @Override
    public List<Field> fields() {
        return form.fields();
    }
}
