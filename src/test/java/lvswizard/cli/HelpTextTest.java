package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.FakeRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help reads whole at 80 columns: each paragraph of a description or footer is
 * whole sentences, printed intact and wrapped only where the next word would not fit. Written as
 * a list of pre-broken lines, picocli wraps each line again and leaves fragments such as
 * "or undo (back to the" on a line of their own, and the command list shows only the first one.
 */
class HelpTextTest {
    private static final int WIDTH = 80;

    @Test
    void everyCommandsHelpReadsWholeAtEightyColumns() {
        List<String> problems = new ArrayList<>();
        CommandLine root = Main.commandLine(new FakeRunner());
        for (CommandLine command : withSubcommands(root)) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            path.add("--help");
            List<String> lines = help(path.toArray(String[]::new));
            String where = "lvs-wizard " + String.join(" ", path);
            lines.stream().filter(l -> l.length() > WIDTH).forEach(l -> problems.add(where + ": too wide: " + l));
            var usage = command.getCommandSpec().usageMessage();
            List<String> paragraphs = new ArrayList<>(List.of(usage.description()));
            paragraphs.addAll(List.of(usage.footer()));
            for (String paragraph : paragraphs) {
                if (!paragraph.isBlank()) {
                    checkParagraph(where, paragraph, lines, problems);
                }
            }
            for (CommandLine sub : command.getSubcommands().values()) {
                String[] description = sub.getCommandSpec().usageMessage().description();
                if (description.length > 0 && !sub.getCommandName().equals("help")) {
                    checkListed(where, sub.getCommandName(), description[0], lines, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesAParagraphBrokenByHand() {
        List<String> problems = new ArrayList<>();
        checkParagraph("test", "Runs this host's script: start, stop, status, or undo (back to the",
                List.of("Runs this host's script: start, stop, status, or undo (back to the"), problems);
        assertThat(problems).singleElement().asString().contains("not a whole sentence");
        problems.clear();
        checkParagraph("test", "one two three four five six seven eight nine ten.",
                List.of("one two three", "four five six seven eight nine ten."), problems);
        assertThat(problems).singleElement().asString().contains("wrapped early");
    }

    /**
     * A paragraph must end a sentence, appear in the output with its words intact, and each of its
     * lines but the last must be full: the next line's first word would not have fitted.
     */
    private static void checkParagraph(String where, String paragraph, List<String> lines, List<String> problems) {
        String text = normalise(paragraph);
        if (!text.endsWith(".")) {
            problems.add(where + ": not a whole sentence: \"" + text + "\"");
            return;
        }
        List<String> words = List.of(text.split(" "));
        String firstWords = String.join(" ", words.subList(0, Math.min(3, words.size())));
        for (int start = 0; start < lines.size(); start++) {
            if (!normalise(lines.get(start)).startsWith(firstWords)) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            int end = start;
            while (end < lines.size() && text.startsWith(normalise(joined + " " + lines.get(end)))) {
                joined.append(' ').append(lines.get(end));
                end++;
                if (normalise(joined.toString()).equals(text)) {
                    for (int i = start; i < end - 1; i++) {
                        String next = lines.get(i + 1).strip().split(" ")[0];
                        // picocli keeps the space after a word on its line: "next " must not have fitted
                        if (lines.get(i).stripTrailing().length() + 1 + next.length() + 1 <= WIDTH) {
                            problems.add(where + ": wrapped early before \"" + next + "\": " + lines.get(i));
                        }
                    }
                    return;
                }
            }
        }
        problems.add(where + ": not printed intact: \"" + text + "\"");
    }

    /** In a command list the first paragraph of each subcommand is its summary: whole, and intact. */
    private static void checkListed(String where, String name, String summary, List<String> lines,
                                    List<String> problems) {
        String text = normalise(summary);
        if (!text.endsWith(".")) {
            problems.add(where + ": the command list shows " + name + " as an unfinished sentence: \"" + text + "\"");
        }
        String all = normalise(String.join(" ", lines));
        if (!all.contains(name + " " + text)) {
            problems.add(where + ": the command list does not show " + name + "'s summary intact: \"" + text + "\"");
        }
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static List<CommandLine> withSubcommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().stream().filter(c -> !c.getCommandName().equals("help"))
                .forEach(c -> all.addAll(withSubcommands(c)));
        return all;
    }

    private static List<String> help(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                new FakeRunner());
        assertThat(code).as(String.join(" ", args)).isZero();
        return out.toString().lines().toList();
    }
}
