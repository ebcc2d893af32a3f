package lvswizard.cli;

import java.io.PrintWriter;
import lvswizard.render.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: java -jar lvs-wizard.jar [command]. */
@Command(name = "lvs-wizard", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Plans, validates and generates Linux Virtual Server (IPVS) setups:",
                "init scripts and systemd units for the director and every real server."},
        subcommands = {GenerateCommand.class, ValidateCommand.class, ShowCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success (warnings allowed), 1 validation errors, 2 unusable input.",
                "Without a command: shows the built-in example (the how-to's VS/DR cluster)."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
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

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("lvs-wizard " + Version.current() + " - the built-in example, the how-to's VS/DR cluster:");
        out.println();
        int code = new ShowCommand().showBuiltIn(out, spec.commandLine().getErr());
        out.println();
        out.println("Next steps:");
        out.println("  java -jar lvs-wizard.jar validate --config examples/seed-dr.json");
        out.println("  java -jar lvs-wizard.jar generate --config examples/seed-dr.json --out out/");
        out.println("  java -jar lvs-wizard.jar --help");
        if (code != 0) {
            throw new IllegalStateException("the built-in example does not validate");
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lvs-wizard " + Version.current()};
        }
    }
}
