package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The entry point's answer to --version, given without picocli, is picocli's. */
class EntryTest {
    @Test
    void theVersionLineIsWhatPicocliPrints() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"--version"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(Entry.versionLine() + System.lineSeparator());
    }

    @Test
    void onlyTheVersionOptionAloneIsAnsweredWithoutPicocli() {
        assertThat(Entry.asksForTheVersionAlone(new String[] {"--version"})).isTrue();
        assertThat(Entry.asksForTheVersionAlone(new String[] {"-V"})).isTrue();
        assertThat(Entry.asksForTheVersionAlone(new String[] {"generate", "--version"})).isFalse();
        assertThat(Entry.asksForTheVersionAlone(new String[] {"--version", "--help"})).isFalse();
        assertThat(Entry.asksForTheVersionAlone(new String[] {})).isFalse();
    }
}
