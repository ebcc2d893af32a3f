package lvswizard.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
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

    /**
     * Ctrl-C: leave at once, from any window (see {@link InterruptibleGui}). Not in the legend: it
     * is what every terminal program does. Lanterna delivers it as a key because the terminal's
     * intr character is off while the wizard runs.
     */
    static final KeyStroke INTERRUPT = new KeyStroke('c', true, false);

    private KeyMap() {
    }

    /** Whether {@code key} is {@link #INTERRUPT}, in either letter case. */
    static boolean isInterrupt(KeyStroke key) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && !key.isAltDown()
                && Character.toLowerCase(key.getCharacter()) == INTERRUPT.getCharacter();
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

    /** The help window's line for one key: the key, then the longer sentence of what it does. */
    static String line(Binding binding, List<Binding> bindings, Messages m) {
        return binding.keys() + " ".repeat(indent(bindings) - binding.keys().length())
                + m.get(binding.action() + ".long");
    }

    /** Where the sentences start: after the widest key and two spaces. */
    static int indent(List<Binding> bindings) {
        return bindings.stream().mapToInt(b -> TerminalTextUtils.getColumnWidth(b.keys())).max().orElse(0) + 2;
    }
}
