package lvswizard.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lvswizard.exec.ExecRunner;
import lvswizard.exec.Runner;
import lvswizard.text.TerminalWriter;
import lvswizard.wizard.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: java -jar lvs-wizard.jar [command]. */
@Command(name = "lvs-wizard", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Plans, validates and generates Linux Virtual Server (IPVS) setups: init scripts and"
                + " systemd units for the director and every real server, or keepalived.conf with health checks.",
        footer = {"", "Exit codes: 0 success (warnings allowed), 1 validation errors, 2 unusable input.",
                "Without a command: the interactive wizard (full screen on a terminal, line by line with"
                        + " --line, on TERM=dumb or when input is piped). With --config FILE it edits FILE, or a new"
                        + " configuration saved there when FILE does not exist yet; without it, it asks: a new"
                        + " configuration, the file used last, another file, or the how-to's example."})
public final class Main implements Callable<Integer> {
    /**
     * The commands by name, in the order --help lists them. Added to the model by
     * {@link #commandLine(Runner, String)}: picocli reads each command's options by reflection, and
     * a command line that names one command needs only that one's (most of picocli's start-up).
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "generate", GenerateCommand.class, "validate", ValidateCommand.class, "show", ShowCommand.class,
            "run", RunCommand.class, "monitor", MonitorCommand.class, "doctor", DoctorCommand.class,
            "lab", LabCommand.class, "import", ImportCommand.class, "lint", LintCommand.class,
            "help", CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The wizard edits this configuration (a new one when the file does not exist); Ctrl-S saves to it. */
    @CommandLine.Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageName.class, completionCandidates = LanguageName.class,
            description = "en or zh (default: from LANG; en on TERM=linux)")
    String lang;

    @Option(names = "--line", description = "ask line by line instead of the full-screen wizard")
    boolean line;

    /** Runs the commands that touch this host; a fake in tests. */
    private final Runner runner;

    Main(Runner runner) {
        this.runner = runner;
    }

    /** The same as the jar's entry point, {@link Entry}. */
    public static void main(String[] args) {
        Entry.main(args);
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
        CommandLine commandLine = commandLine(runner, args.length > 0 ? args[0] : null);
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
        return commandLine(runner, null);
    }

    /**
     * The model for a command line whose first word is {@code firstWord}: with only that command
     * when it names one (it is then parsed within that command alone), with every command otherwise
     * (options before the command, help, a mistyped name: picocli suggests among all of them).
     */
    static CommandLine commandLine(Runner runner, String firstWord) {
        CommandLine commandLine = new CommandLine(new Main(runner));
        boolean oneCommand = firstWord != null && COMMANDS.containsKey(firstWord) && !firstWord.equals("help");
        COMMANDS.forEach((name, type) -> {
            if (!oneCommand || name.equals(firstWord)) {
                commandLine.addSubcommand(name, type);
            }
        });
        // after the commands are added: picocli applies these settings to the commands it has
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // plain help: the guard would show picocli's colour codes instead of obeying them
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return commandLine;
    }

    private static Map<String, Class<?>> commands(Object... nameThenType) {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (int i = 0; i < nameThenType.length; i += 2) {
            commands.put((String) nameThenType[i], (Class<?>) nameThenType[i + 1]);
        }
        return Collections.unmodifiableMap(commands);
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
        return WizardStart.run(config.file, lang, line, spec.commandLine().getErr());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Entry.versionLine()};
        }
    }
}
