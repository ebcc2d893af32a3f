package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** A field reached with Tab: the first character typed replaces its value, Backspace edits its end. */
class FieldBoxTest {
    /** A field filled while it was not focused (the second director's name when the pair is turned on), then reached. */
    private static FieldBox reached(String value) {
        FieldBox box = new FieldBox(new TerminalSize(12, 1), "");
        box.setText(value);
        box.afterEnterFocus(Interactable.FocusChangeDirection.NEXT, null);
        return box;
    }

    @Test
    void backspaceTakesTheLastCharacterThenTypingAppends() {
        FieldBox box = reached("lb12");
        box.handleKeyStroke(new KeyStroke(KeyType.Backspace));
        box.handleKeyStroke(new KeyStroke(KeyType.Backspace));
        box.handleKeyStroke(new KeyStroke('2', false, false));
        assertThat(box.getText()).isEqualTo("lb2");
    }

    @Test
    void theFirstCharacterTypedReplacesTheValue() {
        FieldBox box = reached("lb12");
        for (char c : "lb2".toCharArray()) {
            box.handleKeyStroke(new KeyStroke(c, false, false));
        }
        assertThat(box.getText()).isEqualTo("lb2");
    }
}
