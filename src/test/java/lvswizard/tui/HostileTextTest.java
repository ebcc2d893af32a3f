package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import lvswizard.text.Message;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Text that quotes a value from a file or a host reaches the full-screen wizard escaped: Lanterna
 * refuses a control character with an exception in the middle of a redraw (the wizard died), and a
 * raw one would drive the terminal.
 */
@Timeout(60)
class HostileTextTest {
    private static final String HOSTILE = "out\u001b]0;pwned\u0007\u001b[2J";

    @Test
    void aDialogQuotingAValueWithEscapeSequencesShowsThemEscaped() throws Exception {
        Messages m = Messages.of(Language.EN);
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> {
            Dialogs.info(gui, m, "Generate", "Could not write " + HOSTILE + ": exists and is not a directory");
            return "closed";
        })) {
            assertThat(ui.waitFor("exists and is not a")).contains("out\\x1b]0;pwned\\x07\\x1b[2J")
                    .doesNotContain("\u001b", "\u0007");
        }
    }

    /** Every message's arguments, which the validator and the host checks fill from files and hosts. */
    @Test
    void aMessageShowsItsArgumentsEscapedInEveryLanguage() {
        Message message = Message.Bundle.named("lvswizard/validation/findings").of("unknown-real-server", HOSTILE);
        assertThat(message.format(Locale.ENGLISH)).contains("out\\x1b]0;pwned\\x07\\x1b[2J").doesNotContain("\u001b");
        assertThat(message.format(Locale.CHINESE)).contains("out\\x1b]0;pwned\\x07\\x1b[2J").doesNotContain("\u001b");
    }
}
