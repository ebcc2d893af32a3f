package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lvswizard.exec.FakeRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that names a command gets a model of that command alone (picocli's reflection over
 * every command's options was most of its start-up), and answers exactly as the whole model does.
 */
class OneCommandModelTest {
    @Test
    void aCommandLineThatNamesACommandModelsThatCommandAlone() {
        for (String name : Main.COMMANDS.keySet()) {
            if (!name.equals("help")) {
                assertThat(Main.commandLine(new FakeRunner(), name).getSubcommands()).containsOnlyKeys(name);
            }
        }
    }

    @Test
    void helpOptionsFirstAndUnknownWordsGetEveryCommand() {
        for (String firstWord : new String[] {null, "help", "--lang", "--help", "generat", "lab2"}) {
            assertThat(Main.commandLine(new FakeRunner(), firstWord).getSubcommands().keySet())
                    .containsExactlyElementsOf(Main.COMMANDS.keySet());
        }
    }

    @Test
    void eachCommandIsDeclaredUnderItsOwnName() {
        Main.COMMANDS.forEach((name, type) -> assertThat(new CommandLine(type).getCommandName()).isEqualTo(name));
    }

    @Test
    void theOneCommandModelAnswersAsTheWholeModelDoes() {
        for (String name : Main.COMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--no-such-option"),
                    List.of(name, "--config"), List.of(name, "extra", "words"))) {
                assertThat(answer(Main.commandLine(new FakeRunner(), name), args))
                        .as("%s", args).isEqualTo(answer(Main.commandLine(new FakeRunner()), args));
            }
        }
    }

    @Test
    void theCommandsAreListedInTheirDeclaredOrder() {
        assertThat(Main.COMMANDS.keySet()).containsExactly("generate", "validate", "show", "run", "monitor", "doctor",
                "lab", "import", "lint", "help");
        assertThat(answer(Main.commandLine(new FakeRunner()), List.of("--help")))
                .containsSubsequence("  generate", "  validate", "  show", "  run", "  monitor", "  doctor", "  lab",
                        "  import", "  lint", "  help");
    }

    /** Exit code, standard output and standard error of one run of a command line that does not touch the host. */
    private static String answer(CommandLine commandLine, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args.toArray(String[]::new));
        return String.join("\n", "exit " + code, out.toString(), err.toString());
    }
}
