package lvswizard.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line-mode wizard with scripted answers, as from a pipe. */
class LineWizardTest {

    /** Answers by question prefix (first match wins, each used once); anything else keeps the default. */
    static final class Scripted implements LineWizard.Prompter {
        final Map<String, Deque<String>> answers;
        final StringBuilder asked = new StringBuilder();
        int questions;

        Scripted(Map<String, List<String>> answers) {
            this.answers = new java.util.LinkedHashMap<>();
            answers.forEach((k, v) -> this.answers.put(k, new ArrayDeque<>(v)));
        }

        @Override
        public String ask(String question, String defaultValue, List<String> choices) throws LineWizard.EndOfInput {
            if (++questions > 200) {
                throw new LineWizard.EndOfInput();
            }
            asked.append(question).append('\n');
            for (var entry : answers.entrySet()) {
                if (question.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
                    return entry.getValue().poll();
                }
            }
            return defaultValue;
        }
    }

    private static int run(LineWizard.Prompter prompter, Draft draft, StringWriter out) {
        return run(prompter, draft, out, Language.EN);
    }

    private static int run(LineWizard.Prompter prompter, Draft draft, StringWriter out, Language language) {
        return new LineWizard(prompter, new PrintWriter(out, true), Messages.of(language), draft).run();
    }

    private static Draft seed(Path dir) {
        return new Draft(Examples.load("seed-dr"), null, dir.resolve("saved.json"), dir.resolve("out"), null);
    }

    @Test
    void defaultsGiveTheSameFilesAsGenerateOfTheSavedConfig(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("Weight", List.of("3")));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isZero();
        var saved = ConfigFile.read(dir.resolve("saved.json"));
        assertThat(saved.services().get(0).backends().get(0).weight()).isEqualTo(3);
        for (RenderedFile file : new Renderer(Templates.packaged()).render(saved, Flavour.IPROUTE2)) {
            assertThat(Files.readString(dir.resolve("out").resolve(file.name()))).as(file.name())
                    .isEqualTo(file.content());
        }
        assertThat(out.toString()).contains("Written to", "scp '", "Done.");
    }

    @Test
    void anInvalidAnswerIsRefusedWithTheValidatorsMessageAndAskedAgain(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("VIP", List.of("192.168.101.300", "192.168.101.169/24"),
                "Forwarding method", List.of("dns", "dr")));
        assertThat(run(answers, seed(dir), out)).isZero();
        assertThat(out.toString())
                .contains("Not accepted: services[0].vip: VIP: \"192.168.101.300\" is not an IPv4 or IPv6 address")
                .contains("Choose one of: dr, nat, tun");
        assertThat(answers.asked.toString().lines().filter(q -> q.equals("VIP")).count()).isEqualTo(2);
    }

    @Test
    void inChineseTheValidatorsMessagesAreChinese(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("VIP", List.of("192.168.101.300", "192.168.101.169/24")));
        assertThat(run(answers, seed(dir), out, Language.ZH)).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("不接受：services[0].vip: VIP：\"192.168.101.300\" 不是 IPv4 或 IPv6 地址")
                .contains("warning[dr-two-nics] director.vipInterface: VIP 在 eth1 上，DIP 在 eth0 上；"
                        + "两块网卡的 rp_filter 都应保持为 0 或 2。原因：VIP 和 DIP 在不同网卡上时")
                .doesNotContain("Why:");
    }

    @Test
    void endOfInputWritesNothing(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        LineWizard.Prompter closed = (q, d, c) -> {
            throw new LineWizard.EndOfInput();
        };
        assertThat(run(closed, seed(dir), out)).isEqualTo(2);
        assertThat(out.toString()).contains("nothing was written");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
