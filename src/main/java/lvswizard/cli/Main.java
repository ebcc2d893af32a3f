package lvswizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.exec.ExecRunner;
import lvswizard.exec.Runner;
import lvswizard.line.JlinePrompter;
import lvswizard.line.LineWizard;
import lvswizard.line.StreamPrompter;
import lvswizard.render.Version;
import lvswizard.text.TerminalWriter;
import lvswizard.tui.TuiLauncher;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: java -jar lvs-wizard.jar [command]. */
@Command(name = "lvs-wizard", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Plans, validates and generates Linux Virtual Server (IPVS) setups: init scripts and"
                + " systemd units for the director and every real server, or keepalived.conf with health checks.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, ShowCommand.class, RunCommand.class, MonitorCommand.class,
                DoctorCommand.class, LabCommand.class, ImportCommand.class, LintCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success (warnings allowed), 1 validation errors, 2 unusable input.",
                "Without a command: the interactive wizard (full screen on a terminal, line by line with"
                        + " --line, on TERM=dumb or when input is piped). With --config FILE it edits FILE, or a new"
                        + " configuration saved there when FILE does not exist yet; without it, it asks: a new"
                        + " configuration, the file used last, another file, or the how-to's example."})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The wizard edits this configuration (a new one when the file does not exist); Ctrl-S saves to it. */
    @CommandLine.Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--lang", paramLabel = "LANG", description = "en or zh (default: from LANG; en on TERM=linux)")
    String lang;

    @Option(names = "--line", description = "ask line by line instead of the full-screen wizard")
    boolean line;

    /** Runs the commands that touch this host; a fake in tests. */
    private final Runner runner;

    Main(Runner runner) {
        this.runner = runner;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, new ExecRunner());
    }

    /** The same, with the commands that touch this host going to {@code runner}. */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr, Runner runner) {
        // every line of the command line goes through one guard: values from files are shown, not obeyed
        PrintWriter out = TerminalWriter.guard(rawOut);
        PrintWriter err = TerminalWriter.guard(rawErr);
        CommandLine commandLine = commandLine(runner);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println("lvs-wizard: " + ex.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (see: lvs-wizard --help)");
            return ExitCodes.UNUSABLE_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            err.println("lvs-wizard: internal error: " + ex + " (please report it)");
            return ExitCodes.INTERNAL;
        });
        return commandLine.execute(args);
    }

    /**
     * The configured command line: the one model that {@link #execute} runs and from which the build
     * generates the man page and the bash completion, so neither is written by hand.
     */
    public static CommandLine commandLine() {
        return commandLine(new ExecRunner());
    }

    static CommandLine commandLine(Runner runner) {
        CommandLine commandLine = new CommandLine(new Main(runner));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // plain help: the guard would show picocli's colour codes instead of obeying them
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return commandLine;
    }

    Runner runner() {
        return runner;
    }

    /** The --lang option, else LANG (English when neither says otherwise or it is unknown). */
    Language language() {
        try {
            return lang == null ? Language.fromEnvironment(System.getenv()) : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Language language;
        try {
            language = lang == null ? Language.fromEnvironment(System.getenv()) : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        Draft draft = null;
        if (config.file != null) {
            try {
                draft = Opening.openOrCreate(config.file);
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
            PrintWriter out = TerminalWriter.guard(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
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

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lvs-wizard " + Version.current()};
        }
    }
}
