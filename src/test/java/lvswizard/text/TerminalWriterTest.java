package lvswizard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {
    private static String through(String text) {
        StringWriter raw = new StringWriter();
        PrintWriter guarded = TerminalWriter.guard(new PrintWriter(raw));
        guarded.print(text);
        guarded.flush();
        return raw.toString();
    }

    @Test
    void escapeSequencesAreShownNotObeyed() {
        assertThat(through("eth\u001b[2J1 and rs\u001b]0;pwned\u0007\tok\n"))
                .isEqualTo("eth\\x1b[2J1 and rs\\x1b]0;pwned\\x07\tok\n");
        assertThat(through("\u009b31m\u007f")).isEqualTo("\\x9b31m\\x7f");
        assertThat(through("中文 VIP：192.168.101.168\n")).isEqualTo("中文 VIP：192.168.101.168\n");
    }

    @Test
    void aLineStopsAtTwoThousandCharactersAndTheNextOneIsWhole() {
        String out = through("x".repeat(100_000) + "\nnext\n");
        assertThat(out.lines()).containsExactly("x".repeat(2000) + "...", "next");
    }
}
