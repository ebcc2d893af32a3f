package lvswizard.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.regex.Pattern;

/**
 * A field's text box as forms elsewhere behave: reached with Tab, the first character typed
 * replaces the value (as if it were selected: typing 5 over a weight of 1 gives 5, not 15); any
 * other key first (an arrow, Backspace, Home) edits it in place, the caret starting after the value. Ctrl-U clears it, as in a shell; no
 * other Ctrl or Alt key types anything.
 */
final class FieldBox extends TextBox {
    private TextChangeListener listener;
    private Pattern allowed;
    private boolean replaceOnType;

    FieldBox(TerminalSize size, String text) {
        super(size, text);
    }

    @Override
    public synchronized TextBox setTextChangeListener(TextChangeListener changeListener) {
        this.listener = changeListener;
        return super.setTextChangeListener(changeListener);
    }

    @Override
    public synchronized TextBox setValidationPattern(Pattern pattern) {
        this.allowed = pattern;
        return super.setValidationPattern(pattern);
    }

    @Override
    protected void afterEnterFocus(FocusChangeDirection direction, Interactable previouslyInFocus) {
        super.afterEnterFocus(direction, previouslyInFocus);
        replaceOnType = !getText().isEmpty();
        // the caret after the value: Backspace takes its last character, as in a shell (at its start
        // Backspace did nothing, and what was typed next went in front of the value)
        setCaretPosition(getText().length());
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        boolean typed = key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown();
        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'u') {
            replaceOnType = false;
            clear();
            return Result.HANDLED;
        }
        if (key.getKeyType() == KeyType.Character && (key.isCtrlDown() || key.isAltDown())) {
            // Lanterna's TextBox types the letter of a Ctrl or Alt key (Ctrl-\ would type a
            // backslash): a key meant for something else never goes into the value
            return Result.UNHANDLED;
        }
        // a keystroke the field refuses anyway (a letter in a port) leaves the value as it was
        if (typed && replaceOnType && !isReadOnly()
                && (allowed == null || allowed.matcher(String.valueOf(key.getCharacter())).matches())) {
            clear();
        }
        replaceOnType = false;
        return super.handleKeyStroke(key);
    }

    private void clear() {
        setText("");
        if (listener != null) {
            listener.onTextChanged("", true);
        }
    }
}
