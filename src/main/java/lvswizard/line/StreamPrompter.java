package lvswizard.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Piped answers, one line each, read without a line editor: a line editor spends microseconds on
 * every character, which a pasted binary turns into minutes. A line longer than the wizard takes is
 * kept only to one character past {@link LineWizard#MAX_ANSWER} (the rest is skipped unread into
 * memory), so that the wizard can refuse it. Invalid UTF-8 reads as U+FFFD.
 */
public final class StreamPrompter implements LineWizard.Prompter {
    private final Reader in;
    private final PrintWriter out;

    public StreamPrompter(InputStream in, PrintWriter out) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.out = out;
    }

    @Override
    public String ask(String question, String defaultValue, List<String> choices) throws LineWizard.EndOfInput {
        out.print(LineWizard.Prompter.prompt(question, defaultValue));
        String line = readLine();
        // a line cut at its limit stays as read, so that trimming cannot bring it back under the limit
        String answer = line.isBlank() ? defaultValue : line.length() > LineWizard.MAX_ANSWER ? line : line.trim();
        // a pipe is not echoed by a terminal: show the answer, so that the transcript reads as a dialogue
        out.println(answer == null ? "" : answer);
        out.flush();
        return answer;
    }

    private String readLine() throws LineWizard.EndOfInput {
        StringBuilder line = new StringBuilder();
        try {
            int c = in.read();
            if (c < 0) {
                throw new LineWizard.EndOfInput();
            }
            for (; c >= 0 && c != '\n'; c = in.read()) {
                if (line.length() <= LineWizard.MAX_ANSWER) {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new LineWizard.EndOfInput();
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    @Override
    public boolean interactive() {
        return false;
    }
}
