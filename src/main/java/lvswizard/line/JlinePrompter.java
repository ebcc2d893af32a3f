package lvswizard.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/** Asks with jline: line editing and Tab completion of choices on a terminal, plain lines from a pipe. */
public final class JlinePrompter implements LineWizard.Prompter, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final boolean echoAnswers;
    private List<String> choices = List.of();

    private JlinePrompter(Terminal terminal, boolean echoAnswers) {
        this.terminal = terminal;
        this.echoAnswers = echoAnswers;
        this.reader = LineReaderBuilder.builder().terminal(terminal)
                .completer((r, line, candidates) -> choices.forEach(c -> candidates.add(new Candidate(c))))
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
    }

    /** On the process's own terminal when there is one, else a dumb terminal over the streams. */
    public static JlinePrompter open(InputStream in, OutputStream out, boolean interactive) throws IOException {
        Terminal terminal;
        if (interactive) {
            terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
        } else {
            // piped answers: no pty, no echo of what is read, no pump threads
            terminal = new DumbTerminal("lvs-wizard", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
            terminal.echo(false);
        }
        return new JlinePrompter(terminal, !interactive);
    }

    public java.io.PrintWriter writer() {
        return terminal.writer();
    }

    @Override
    public String ask(String question, String defaultValue, List<String> choiceList) throws LineWizard.EndOfInput {
        choices = choiceList;
        String prompt = question + (defaultValue == null || defaultValue.isEmpty() ? "" : " [" + defaultValue + "]")
                + ": ";
        try {
            String line = reader.readLine(prompt);
            String answer = line == null || line.isBlank() ? defaultValue : line.trim();
            if (echoAnswers) {
                // piped answers are not echoed by a terminal: show them, so the transcript reads as a dialogue
                terminal.writer().println(answer == null ? "" : answer);
            }
            return answer;
        } catch (EndOfFileException | UserInterruptException e) {
            throw new LineWizard.EndOfInput();
        }
    }

    @Override
    public boolean interactive() {
        return !echoAnswers;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
