package lvswizard.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.List;
import lvswizard.wizard.Messages;

/** The wizard's keys as data: the legend at the bottom and the help window are drawn from this one list. */
final class KeyMap {
    /** A key (as the legend spells it) and the message key of what it does. */
    record Binding(String keys, String action) {
    }

    static final List<Binding> WIZARD = List.of(
            new Binding("Tab", "key.move"),
            new Binding("Enter", "key.act"),
            new Binding("^N", "key.next"),
            new Binding("Esc", "key.back"),
            new Binding("F1/?", "key.help"),
            new Binding("^S", "key.save"),
            new Binding("F10/q", "key.quit"));

    static final List<Binding> DIALOG = List.of(
            new Binding("Tab", "key.move"),
            new Binding("Enter", "key.act"),
            new Binding("Esc", "key.close"),
            new Binding("F1/?", "key.help"));

    private KeyMap() {
    }

    /** One line: "Tab move  Enter act  ..." (a test keeps it within 80 columns in every language). */
    static String legend(List<Binding> bindings, Messages m) {
        StringBuilder line = new StringBuilder();
        for (Binding binding : bindings) {
            if (line.length() > 0) {
                line.append("  ");
            }
            line.append(binding.keys()).append(' ').append(m.get(binding.action()));
        }
        return line.toString();
    }

    /** The help window's list: each key with the longer sentence of what it does. */
    static String help(List<Binding> bindings, Messages m) {
        int width = bindings.stream().mapToInt(b -> TerminalTextUtils.getColumnWidth(b.keys())).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Binding binding : bindings) {
            text.append(binding.keys()).append(" ".repeat(width - binding.keys().length() + 2))
                    .append(m.get(binding.action() + ".long")).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
