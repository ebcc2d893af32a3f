package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The entry point prints in the encoding LANG names even when the host lacks that locale (a
 * minimal Debian has only C and C.UTF-8; zh_CN.UTF-8 was the case found): the JVM alone fell back
 * to ASCII, and every Chinese character printed as a question mark.
 */
class EntryEncodingTest {
    @Test
    void chineseFindingsReachAUtf8TerminalAsUtf8() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Entry.class.getName(), "validate", "--lang", "zh", "--config", "examples/seed-dr.json");
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_CTYPE");
        // a locale no host has: the JVM alone falls back to ASCII whatever is installed
        builder.environment().put("LANG", "xx_XX.UTF-8");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(err, StandardCharsets.UTF_8)).contains("VIP 在 eth1 上", "0 个错误").doesNotContain("?");
    }
}
