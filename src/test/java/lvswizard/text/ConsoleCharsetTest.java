package lvswizard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What lvs-wizard prints is encoded as the environment's locale says, whether or not the host has that locale. */
class ConsoleCharsetTest {
    @Test
    void theLocaleTheEnvironmentNamesDecides() {
        assertThat(ConsoleCharset.of(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LANG", "zh_CN.utf8"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LANG", "zh_CN.GB18030"))).isEqualTo(Charset.forName("GB18030"));
        assertThat(ConsoleCharset.of(Map.of("LANG", "de_DE.ISO-8859-15@euro"))).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(ConsoleCharset.of(Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.GB18030")))
                .as("LC_ALL first").isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LC_CTYPE", "zh_CN.GB18030", "LANG", "C.UTF-8")))
                .as("then LC_CTYPE").isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void noEncodingAsciiOrAnUnknownOneIsUtf8() {
        assertThat(ConsoleCharset.of(Map.of())).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LANG", "C"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LANG", "en_US.ANSI_X3.4-1968"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleCharset.of(Map.of("LANG", "xx_XX.NOT-A-CHARSET"))).isEqualTo(StandardCharsets.UTF_8);
    }
}
