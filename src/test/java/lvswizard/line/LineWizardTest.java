package lvswizard.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.model.Forwarding;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.text.TerminalWriter;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line-mode wizard with scripted answers, as from a pipe. */
class LineWizardTest {
    /** The answers that build the README's from-scratch TUN cluster, one per question, as piped in. */
    static final Path TUN_FROM_SCRATCH = Path.of("src/test/resources/line/tun-from-scratch.txt");

    /** Answers by question prefix (first match wins, each used once); anything else keeps the default. */
    static class Scripted implements LineWizard.Prompter {
        final Map<String, Deque<String>> answers;
        final StringBuilder asked = new StringBuilder();
        int questions;

        Scripted(Map<String, List<String>> answers) {
            this.answers = new LinkedHashMap<>();
            answers.forEach((k, v) -> this.answers.put(k, new ArrayDeque<>(v)));
        }

        @Override
        public String ask(String question, String defaultValue, List<String> choices) throws LineWizard.EndOfInput {
            if (++questions > 300) {
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

    /** Answers line by line, as a pipe gives them: an empty line keeps the default; the end is the end of input. */
    static final class Piped implements LineWizard.Prompter {
        private final Deque<String> lines;
        final List<String> asked = new ArrayList<>();

        Piped(List<String> lines) {
            this.lines = new ArrayDeque<>(lines);
        }

        @Override
        public String ask(String question, String defaultValue, List<String> choices) throws LineWizard.EndOfInput {
            asked.add(question);
            if (lines.isEmpty()) {
                throw new LineWizard.EndOfInput();
            }
            String line = lines.poll();
            return line.isBlank() ? defaultValue : line;
        }

        @Override
        public boolean interactive() {
            return false;
        }
    }

    private static LineWizard.Outcome run(LineWizard.Prompter prompter, Draft draft, StringWriter out) {
        return run(prompter, draft, out, Language.EN);
    }

    private static LineWizard.Outcome run(LineWizard.Prompter prompter, Draft draft, StringWriter out,
                                          Language language) {
        return new LineWizard(prompter, new PrintWriter(out, true), Messages.of(language), draft).run();
    }

    private static Draft seed(Path dir) {
        return new Draft(Examples.load("seed-dr"), null, dir.resolve("saved.json"), dir.resolve("out"), null);
    }

    private static void assertSameFilesAsGenerate(Path config, Path out) throws Exception {
        Cluster saved = ConfigFile.read(config);
        List<RenderedFile> expected = new Renderer(Templates.packaged()).render(Examples.plan(saved), Flavour.IPROUTE2);
        for (RenderedFile file : expected) {
            assertThat(Files.readString(out.resolve(file.name()))).as(file.name()).isEqualTo(file.content());
        }
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("the generated files, apart from the output directory's manifest").isEqualTo(expected.size());
        }
    }

    @Test
    void defaultsGiveTheSameFilesAsGenerateOfTheSavedConfig(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("done", "edit 1", "done"),
                "Real server 1 → Service 1 → Weight", List.of("3")));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        var saved = ConfigFile.read(dir.resolve("saved.json"));
        assertThat(saved.services().get(0).backends().get(0).weight()).isEqualTo(3);
        assertSameFilesAsGenerate(dir.resolve("saved.json"), dir.resolve("out"));
        assertThat(out.toString()).contains("Written to", "install -m 0755 \"$f\" /usr/local/sbin/lvs-seed-dr-realserver-rs1; rc=$?", "Done.",
                "Next, real servers first", "real server rs1 (10.10.10.11): install realserver-rs1.sh");
        assertThat(out.toString().lines().filter(line -> line.contains("Configuration saved to")).count())
                .as("where the configuration went, said once").isEqualTo(1);
    }

    @Test
    void anInvalidAnswerIsRefusedWithTheValidatorsMessageAndAskedAgain(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("edit 1"),
                "Service 1 → VIP", List.of("192.168.101.300", "192.168.101.169/24"),
                "Forwarding method", List.of("dns", "dr"), "Service 1 → Port", List.of("8o", "80")));
        assertThat(run(answers, seed(dir), out)).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(out.toString())
                .contains("Not accepted: VIP: \"192.168.101.300\" is not an IPv4 or IPv6 address")
                .contains("Not accepted: \"8o\" is not a whole number")
                .contains("Choose one of: dr, nat, tun");
        assertThat(answers.asked.toString().lines().filter(q -> q.equals("Service 1 → VIP")).count()).isEqualTo(2);
    }

    @Test
    void inChineseTheValidatorsMessagesAreChinese(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of(Messages.of(Language.ZH).get("line.list"), List.of("edit 1"),
                "服务 1 → VIP", List.of("192.168.101.300", "192.168.101.169/24")));
        assertThat(run(answers, seed(dir), out, Language.ZH)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(out.toString())
                .contains("不接受：VIP：\"192.168.101.300\" 不是 IPv4 或 IPv6 地址")
                .contains("警告[dr-two-nics] 调度器 → VIP 网卡: VIP 在 eth1 上，DIP 在 eth0 上")
                .doesNotContain("Why:");
    }

    @Test
    void endOfInputWritesNothing(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        LineWizard.Prompter closed = (q, d, c) -> {
            throw new LineWizard.EndOfInput();
        };
        assertThat(run(closed, seed(dir), out)).isEqualTo(LineWizard.Outcome.INPUT_ENDED);
        assertThat(out.toString()).contains("nothing was written");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Ctrl-C at a prompt said the input had ended (exit 2); it is an interruption (exit 130, as full screen). */
    @Test
    void ctrlCSaysInterruptedAndWritesNothing(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        LineWizard.Prompter interrupted = (q, d, c) -> {
            throw new LineWizard.EndOfInput(true);
        };
        assertThat(run(interrupted, seed(dir), out)).isEqualTo(LineWizard.Outcome.INTERRUPTED);
        assertThat(out.toString()).contains("Interrupted (Ctrl-C); nothing was written.").doesNotContain("Input ended");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aTunClusterFromNothingWithTwoServicesAndThreeServersOnTwoSubnets(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Draft fresh = Opening.newConfiguration(dir.resolve("edge.json")).withOutput(dir.resolve("out"), null);
        Piped answers = new Piped(Files.readAllLines(TUN_FROM_SCRATCH));
        assertThat(run(answers, fresh, out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        Cluster saved = ConfigFile.read(dir.resolve("edge.json"));
        assertThat(saved.name()).isEqualTo("edge");
        assertThat(saved.realServers()).extracting(s -> s.name()).containsExactly("web1", "web2", "web3");
        assertThat(saved.services()).extracting(s -> s.name() + " " + s.protocol() + " " + s.port())
                .containsExactly("https tcp 443", "dns udp 53");
        assertThat(saved.services()).allSatisfy(s -> assertThat(s.backends()).hasSize(3)
                .allSatisfy(b -> assertThat(b.forwarding()).isEqualTo(Forwarding.TUN)));
        assertSameFilesAsGenerate(dir.resolve("edge.json"), dir.resolve("out"));
        assertThat(Files.readString(dir.resolve("out/director.sh"))).contains("cluster edge")
                .doesNotContain("seed-dr");
        assertThat(answers.asked).as("every answer was used for a question").hasSize(79);
    }

    @Test
    void withoutAConfigurationItAsksWhereToStartAndANewOneLeaksNothingOfTheExample(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        Piped answers = new Piped(List.of("new"));
        new LineWizard(answers, new PrintWriter(out, true), Messages.of(Language.EN), null, Recent.none()).run();
        assertThat(answers.asked.get(0)).startsWith("Start from (new/open/import/example)");
        assertThat(answers.asked).contains("This host is (director/real-server/all)");
        assertThat(out.toString()).doesNotContain("192.168.101", "10.10.10", "seed-dr");
    }

    @Test
    void importAtTheStartReadsTheSourcesAndAsksOnlyWhatTheyDoNotSay() {
        StringWriter out = new StringWriter();
        Piped answers = new Piped(List.of("import", "/nonexistent.conf",
                "src/test/resources/imports/seed-director.sh src/test/resources/imports/seed-realserver.sh"));
        LineWizard wizard = new LineWizard(answers, new PrintWriter(out, true), Messages.of(Language.EN), null,
                Recent.none());
        wizard.run();
        assertThat(out.toString()).contains("/nonexistent.conf: no such file",
                "The wizard asks for what no source says: director.dipInterface",
                "Imported: services 1, real servers 2");
        assertThat(wizard.draft().cluster().services().get(0).vip()).isEqualTo("192.168.101.168/24");
        assertThat(wizard.draft().configPath()).isNull();
    }

    @Test
    void aRefusedPipedAnswerStopsRatherThanShiftEveryAnswerAfterIt(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        List<String> lines = new ArrayList<>(Files.readAllLines(TUN_FROM_SCRATCH));
        lines.set(lines.indexOf("443"), "4430000");
        Draft fresh = Opening.newConfiguration(dir.resolve("edge.json")).withOutput(dir.resolve("out"), null);
        assertThat(run(new Piped(lines), fresh, out)).as(out.toString()).isEqualTo(LineWizard.Outcome.INPUT_ENDED);
        assertThat(out.toString()).contains("Stopped: the piped answer \"4430000\" to \"Service 1 → Port\" was not"
                + " accepted").doesNotContain("Written to");
        assertThat(dir.resolve("edge.json")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void decliningToReplaceOtherFilesKeepsTheConfigurationAndAsksForAnotherDirectory(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/director.sh"), "another cluster's script\n");
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("done", "done"),
                "Cluster name", List.of("mine"), "Replace them?", List.of("no"),
                "Another output directory", List.of(dir.resolve("out2").toString())));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(ConfigFile.read(dir.resolve("saved.json")).name()).isEqualTo("mine");
        assertThat(answers.asked.toString()).as("the question is asked, and answered no")
                .contains("Replace them? If they belong to another configuration, answer No");
        assertThat(out.toString()).contains("director.sh exists with other content than lvs-wizard would write.")
                .doesNotContain("--force");
        assertThat(Files.readString(dir.resolve("out/director.sh"))).isEqualTo("another cluster's script\n");
        assertSameFilesAsGenerate(dir.resolve("saved.json"), dir.resolve("out2"));

        StringWriter again = new StringWriter();
        Scripted none = new Scripted(Map.of("add, edit N", List.of("done", "done"), "Cluster name", List.of("yours"),
                "Replace them?", List.of("no"), "Another output directory", List.of("")));
        assertThat(run(none, seed(dir), again)).isEqualTo(LineWizard.Outcome.UNUSABLE_OUTPUT);
        assertThat(again.toString()).contains("No files were written; the configuration is saved in");
        assertThat(ConfigFile.read(dir.resolve("saved.json")).name()).as("the edits are kept").isEqualTo("yours");
    }

    @Test
    void removingAServiceAndARealServerAsksFirst(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("done", "remove 2", "done"),
                "Remove real server 2", List.of("yes")));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        Cluster saved = ConfigFile.read(dir.resolve("saved.json"));
        assertThat(saved.realServers()).extracting(s -> s.name()).containsExactly("rs1");
        assertThat(saved.services().get(0).backends()).extracting(b -> b.realServer()).containsExactly("rs1");
    }

    /** After a refused answer the question offers the value it had, not the refused one: Enter keeps it. */
    @Test
    void aRefusedAnswerDoesNotBecomeTheDefault(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        List<String> offered = new ArrayList<>();
        Scripted answers = new Scripted(Map.of("Cluster name", List.of("bad name!"))) {
            @Override
            public String ask(String question, String defaultValue, List<String> choices)
                    throws LineWizard.EndOfInput {
                if (question.startsWith("Cluster name")) {
                    offered.add(defaultValue);
                }
                return super.ask(question, defaultValue, choices);
            }
        };
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(offered).containsExactly("seed-dr", "seed-dr");
        assertThat(out.toString()).contains("Not accepted: cluster name \"bad name!\" is not allowed");
    }

    /** A line past MAX_ANSWER is refused by its length, and asked again. */
    @Test
    void anAnswerLongerThanAnyFieldTakesIsRefused(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("Cluster name", List.of("x".repeat(5000), "mine")));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(out.toString()).contains("Not accepted: the answer is 5,000 characters long; at most 4,096 are taken")
                .doesNotContain("x".repeat(100));
        assertThat(ConfigFile.read(dir.resolve("saved.json")).name()).isEqualTo("mine");
    }

    /** A pipe's megabyte line is cut while it is read (not held, not edited), and refused in one line. */
    @Test
    void aPipedMegabyteLineIsCutWhileReadAndRefused(@TempDir Path dir) throws Exception {
        byte[] binary = new byte[1 << 20];
        new Random(7).nextBytes(binary);
        for (int i = 0; i < binary.length; i++) {
            binary[i] = binary[i] == '\n' ? 0 : binary[i];
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write("new\n".getBytes(StandardCharsets.UTF_8));
        input.write(binary);
        input.write("\nall\n".getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        PrintWriter guarded = TerminalWriter.guard(new PrintWriter(out, true));
        StreamPrompter prompter = new StreamPrompter(new ByteArrayInputStream(input.toByteArray()), guarded);
        assertThat(prompter.ask("first", "", List.of())).isEqualTo("new");
        assertThat(prompter.ask("second", "", List.of())).hasSize(LineWizard.MAX_ANSWER + 1);
        assertThat(prompter.ask("third", "", List.of())).isEqualTo("all");
        // a leading space does not bring a cut line back under the limit by trimming
        StreamPrompter spaced = new StreamPrompter(new ByteArrayInputStream((" " + "x".repeat(10_000) + "\n")
                .getBytes(StandardCharsets.UTF_8)), guarded);
        assertThat(spaced.ask("spaced", "", List.of())).hasSize(LineWizard.MAX_ANSWER + 1);

        StringWriter session = new StringWriter();
        PrintWriter sessionOut = TerminalWriter.guard(new PrintWriter(session, true));
        LineWizard.Outcome outcome = new LineWizard(new StreamPrompter(new ByteArrayInputStream(
                input.toByteArray()), sessionOut), sessionOut, Messages.of(Language.EN), null, Recent.none()).run();
        assertThat(outcome).isEqualTo(LineWizard.Outcome.INPUT_ENDED);
        assertThat(session.toString()).contains("Not accepted: the answer is 4,097 characters long")
                .contains("Stopped: the piped answer").doesNotContain("\u001b");
        assertThat(session.toString().lines()).allMatch(l -> l.length() < 5000);
    }

    /** The file named for saving was created by someone else since the session began: it is asked about. */
    @Test
    void aFileCreatedSinceTheSessionBeganIsNotOverwrittenWithoutAsking(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("new.json");
        Draft fresh = Opening.openOrCreate(file);
        Draft seeded = new Draft(Examples.load("seed-dr"), null, file, dir.resolve("out"), null);
        assertThat(fresh.configPath()).isEqualTo(file);
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("done", "done"),
                "Save the configuration as", List.of(file.toString(),
                        dir.resolve("mine.json").toString()))) {
            @Override
            public String ask(String question, String defaultValue, List<String> choices)
                    throws LineWizard.EndOfInput {
                if (question.startsWith("Save the configuration as") && !Files.exists(file)) {
                    try {
                        Files.writeString(file, "someone else's\n");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
                if (question.contains("exists. Replace it?")) {
                    asked.append(question).append('\n');
                    return "no";
                }
                return super.ask(question, defaultValue, choices);
            }
        };
        assertThat(run(answers, seeded, out)).as(out.toString()).isEqualTo(LineWizard.Outcome.WRITTEN);
        assertThat(Files.readString(file)).isEqualTo("someone else's\n");
        assertThat(ConfigFile.read(dir.resolve("mine.json")).name()).isEqualTo("seed-dr");
        assertThat(answers.asked.toString()).contains(file + " exists. Replace it?");
    }

    /** An output directory that cannot be used ends as generate ends (2), after asking for another one. */
    @Test
    void anUnusableOutputDirectoryEndsAsGenerateDoes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("out"), "a file, not a directory\n");
        StringWriter out = new StringWriter();
        Scripted answers = new Scripted(Map.of("add, edit N", List.of("done", "done"),
                "Another output directory", List.of("")));
        assertThat(run(answers, seed(dir), out)).as(out.toString()).isEqualTo(LineWizard.Outcome.UNUSABLE_OUTPUT);
        assertThat(out.toString()).contains("Could not write the files: ", "exists and is not a directory",
                "No files were written").doesNotContain("Could not save");
        assertThat(answers.asked.toString()).contains("Another output directory");
    }
}
