package lvswizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import lvswizard.config.ConfigException;
import lvswizard.line.JlinePrompter;
import lvswizard.line.LineWizard;
import lvswizard.line.StreamPrompter;
import lvswizard.text.ConsoleCharset;
import lvswizard.text.TerminalWriter;
import lvswizard.tui.TuiLauncher;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;

/**
 * The interactive wizard, full screen or line by line: what lvs-wizard does without a command. It
 * knows nothing of picocli, so that {@link Main} can start it without parsing a command line when
 * there is none: picocli's model of every command is a fifth of the time to the wizard's first frame.
 */
final class WizardStart {
    private WizardStart() {
    }

    /**
     * The wizard on {@code config} (null: the start screen asks), in {@code lang} (null: from LANG),
     * line by line when {@code line} or when the terminal cannot draw. Returns the exit code.
     */
    static int run(Path config, String lang, boolean line, PrintWriter err) {
        Language language;
        try {
            language = lang == null ? Language.fromEnvironment(System.getenv()) : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        Draft draft = null;
        if (config != null) {
            try {
                draft = Opening.openOrCreate(config);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
        Messages messages = Messages.of(language);
        Recent recent = Recent.fromEnvironment(System.getenv());
        if (line || !fullScreenPossible()) {
            return lineMode(draft, messages, recent, System.console() != null);
        }
        return TuiLauncher.launch(draft, messages, recent);
    }

    /** A real terminal that can draw: a console, and TERM set to something other than dumb. */
    static boolean fullScreenPossible() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isEmpty() && !term.equals("dumb");
    }

    private static int lineMode(Draft draft, Messages messages, Recent recent, boolean interactive) {
        if (!interactive) {
            PrintWriter out = TerminalWriter.guard(new PrintWriter(System.out, true, ConsoleCharset.current()));
            return ExitCodes.of(new LineWizard(new StreamPrompter(System.in, out), out, messages, draft, recent).run());
        }
        try (JlinePrompter prompter = JlinePrompter.open()) {
            PrintWriter out = TerminalWriter.guard(prompter.writer());
            LineWizard.Outcome outcome = new LineWizard(prompter, out, messages, draft, recent).run();
            out.flush();
            return ExitCodes.of(outcome);
        } catch (IOException e) {
            System.err.println("lvs-wizard: cannot read the terminal: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
    }
}
