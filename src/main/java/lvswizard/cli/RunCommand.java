package lvswizard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lvswizard.exec.CommandLog;
import lvswizard.exec.Runner;
import lvswizard.ops.MissingScript;
import lvswizard.ops.OpsException;
import lvswizard.ops.RoleRun;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.output.TrustedDirectory;
import lvswizard.render.Flavour;
import lvswizard.plan.IpvsOwner;
import lvswizard.render.Export;
import lvswizard.render.Templates;
import lvswizard.text.Message;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run this host's generated script here: start, stop, status, or undo.",
                "undo goes back to the snapshot taken before the first start. run writes the files as"
                        + " generate does, checks the host first (preflight), lists what start will change and"
                        + " asks; every command goes to OUT/commands.log.",
                "Exit: the script's own code (status: 0 running, 2 incomplete, 3 stopped), 1 preflight"
                        + " failed or not confirmed, 2 unusable input."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Mixin
    HostRoleOptions host;

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop, status or undo")
    String action;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "where the scripts, snapshots and command log go (default: ${DEFAULT-VALUE})")
    Path outputDir;

    @Option(names = "--flavour", paramLabel = "F", defaultValue = "iproute2", description = "iproute2 or net-tools")
    String flavour;

    @CommandLine.Mixin
    TableOwnerOption table;

    @Option(names = "--force", description = "replace generated files whose content differs")
    boolean force;

    @Option(names = "--dry-run", description = "print the checks, the changes and the exact commands; change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "do not ask before changing this host (needed without a terminal)")
    boolean yes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "time limit for the script; it and all it started are killed then (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String verb = action.toLowerCase(Locale.ROOT);
        if (!List.of("start", "stop", "status", "undo").contains(verb)) {
            err.println("lvs-wizard: ACTION " + action + " is not one of start, stop, status, undo");
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
            err.println("lvs-wizard: --timeout " + timeoutSeconds + " is out of range; expected 1-86400 seconds");
            return ExitCodes.UNUSABLE_INPUT;
        }
        Flavour chosen;
        try {
            chosen = Flavour.parse(flavour);
        } catch (IllegalArgumentException e) {
            err.println("--flavour: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        HostRoleOptions.Resolved resolved;
        IpvsOwner owner;
        try {
            owner = table.owner(err);
            resolved = host.resolve(main.runner(), err);
        } catch (ConfigOption.Refused refused) {
            return refused.exitCode;
        }
        String refusal = table.format.refusal(resolved.plan(), chosen);
        if (refusal != null) {
            err.println("lvs-wizard: " + refusal + "; nothing was run");
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (!dryRun && TrustedDirectory.currentUid() == 0) {
            // root writes the scripts there and then executes them: nobody else may be able to change them
            String untrusted = TrustedDirectory.problem(outputDir, 0);
            if (untrusted != null) {
                err.println("lvs-wizard: --out " + outputDir + ": " + untrusted + "; nothing was run");
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
        if (!dryRun) {
            try {
                // only what an operator must hear about: files an earlier configuration generated;
                // rendered as written (the packaged templates), as generate does
                new OutputDirectory(outputDir).write(table.format.export().filesOnDemand(resolved.plan(),
                        new Export.Options(chosen, Templates.packaged())), force).stream().filter(OutputDirectory.Written::noLongerGenerated)
                        .forEach(w -> out.println(w.toLine()));
            } catch (OutputException e) {
                err.println(e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
        } else if (!Files.exists(outputDir.resolve(resolved.needs().scriptName()))) {
            out.println("would write the generated files to " + outputDir + " (as generate does)");
        }
        CommandLog log = new CommandLog(dryRun ? null : outputDir.resolve(CommandLog.FILE_NAME));
        Runner logged = log.around(main.runner());
        RoleRun run = new RoleRun(logged, resolved.plan(), resolved.needs(), outputDir, console(out),
                Duration.ofSeconds(timeoutSeconds), Clock.systemUTC()).owned(owner);
        try {
            return switch (verb) {
                case "start" -> run.start(dryRun);
                case "stop" -> run.stop(dryRun);
                case "status" -> run.status(dryRun);
                default -> run.undo(dryRun);
            };
        } catch (MissingScript e) {
            err.println("lvs-wizard: " + e.getMessage());
            return ExitCodes.scriptMissing(verb);
        } catch (OpsException e) {
            err.println("lvs-wizard: " + e.getMessage());
            return ExitCodes.VALIDATION_ERRORS;
        } finally {
            out.flush();
            if (!dryRun && !log.entries().isEmpty()) {
                err.println("commands run: " + log.entries().size() + (log.fileProblem() == null
                        ? ", logged in " + log.file() : "; warning: " + log.fileProblem()));
            }
        }
    }

    private RoleRun.Console console(PrintWriter out) {
        return new RoleRun.Console() {
            @Override
            public void say(Message text) {
                output(text.english());
            }

            @Override
            public void output(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public boolean confirm(List<Message> changes) {
                out.println("this will:");
                changes.forEach(c -> out.println("  " + c.english()));
                if (yes) {
                    return true;
                }
                if (System.console() == null) {
                    out.println("not confirmed: there is no terminal to ask on; add --yes to go ahead");
                    return false;
                }
                out.print("go ahead? [y/N] ");
                out.flush();
                try {
                    String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
                    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }
}
