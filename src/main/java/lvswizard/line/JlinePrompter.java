package lvswizard.line;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import lvswizard.text.ConsoleCharset;
import lvswizard.text.TerminalWriter;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Asks with jline on a terminal: line editing and Tab completion of choices. */
public final class JlinePrompter implements LineWizard.Prompter, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private List<String> choices = List.of();

    private JlinePrompter(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal)
                .completer((r, line, candidates) -> choices.forEach(c -> candidates.add(new Candidate(c))))
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
    }

    /** On the process's own terminal: a person answers. Piped answers go to {@link StreamPrompter}. */
    public static JlinePrompter open() throws IOException {
        return new JlinePrompter(TerminalBuilder.builder().system(true).encoding(ConsoleCharset.current()).build());
    }

    public PrintWriter writer() {
        return terminal.writer();
    }

    @Override
    public String ask(String question, String defaultValue, List<String> choiceList) throws LineWizard.EndOfInput {
        choices = choiceList;
        // the line editor prints the prompt itself, past the guard of everything else the wizard prints
        String prompt = TerminalWriter.escape(LineWizard.Prompter.prompt(question, defaultValue));
        try {
            String line = reader.readLine(prompt);
            return line == null || line.isBlank() ? defaultValue : line.trim();
        } catch (EndOfFileException e) {
            throw new LineWizard.EndOfInput();
        } catch (UserInterruptException e) {
            throw new LineWizard.EndOfInput(true);
        }
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
