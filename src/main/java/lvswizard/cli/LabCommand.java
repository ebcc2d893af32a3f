package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.OutputListener;
import lvswizard.model.Cluster;
import lvswizard.ops.TrustedBundle;
import lvswizard.output.OutputException;
import lvswizard.output.TrustedDirectory;
import lvswizard.render.Flavour;
import lvswizard.text.Message;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import lvswizard.plan.Plan;
import lvswizard.validation.Validator;
import lvswizard.wizard.Format;
import lvswizard.wizard.Generation;

@CommandLine.Command(name = "lab", mixinStandardHelpOptions = true,
        subcommands = {LabCommand.Export.class, LabCommand.Up.class, LabCommand.Test.class, LabCommand.Failover.class,
            LabCommand.Down.class},
        description = {"Run the whole cluster on this one Linux host, in network namespaces.",
                "A client, the director, every real server (and a router between subnets) run the"
                        + " generated scripts. up builds it and starts every host, test sends requests and checks"
                        + " the result against the configuration, down removes it; export writes the same lab as"
                        + " a standalone bash bundle (no Java needed). Needs root, ip netns and IPVS."})
final class LabCommand {
    static final String DEFAULT_DIR = "lab";

    /** Writes the bundle for a configuration into a directory (lab.sh at the top, the scripts under scripts/). */
    static int writeBundle(Path config, Path dir, String flavour, boolean force, PrintWriter out, PrintWriter err) {
        Plan plan;
        try {
            plan = ConfigOption.readValid(config, "no lab was written: fix the errors above first", err);
        } catch (ConfigOption.Refused refused) {
            return refused.exitCode;
        }
        Flavour chosen;
        try {
            chosen = Flavour.parse(flavour);
        } catch (IllegalArgumentException e) {
            err.println("--flavour: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        try {
            Generation.writeExport(Format.LAB, plan, chosen, dir, force);
        } catch (OutputException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        out.println("lab bundle for " + plan.cluster().name() + " in " + dir + ": " + dir.resolve("lab.sh") + " up|test|down");
        return ExitCodes.OK;
    }

    /** Runs DIR/lab.sh with the arguments, its output streamed; returns its exit code. */
    static int runBundle(Main main, Path dir, PrintWriter out, PrintWriter err, String... args) {
        Message refused = TrustedBundle.problem(dir, TrustedDirectory.currentUid());
        if (refused != null) {
            err.println("lvs-wizard: " + refused.english());
            return ExitCodes.UNUSABLE_INPUT;
        }
        List<String> argv = new ArrayList<>(List.of("bash", dir.resolve("lab.sh").toAbsolutePath().toString()));
        argv.addAll(List.of(args));
        Execution run = main.runner().run(Command.of(argv).withTimeout(Duration.ofMinutes(15)), (stream, line) -> {
            (stream == OutputListener.Stream.STDOUT ? out : err).println(line);
            out.flush();
        });
        if (run.ending() != Execution.Ending.EXITED) {
            err.println("lvs-wizard: lab.sh " + String.join(" ", args) + ": " + run.summary());
            return ExitCodes.VALIDATION_ERRORS;
        }
        return run.exitCode();
    }

    @CommandLine.Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the lab as a standalone bash bundle: DIR/lab.sh and DIR/scripts/.")
    static final class Export implements Callable<Integer> {
        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the cluster configuration")
        Path config;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "where the bundle goes")
        Path out;

        @Option(names = "--flavour", paramLabel = "F", defaultValue = "iproute2", description = "iproute2 or net-tools")
        String flavour;

        @Option(names = "--force", description = "replace files whose content differs")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return writeBundle(config, out, flavour, force, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @CommandLine.Command(name = "up", mixinStandardHelpOptions = true,
            description = "Write the bundle into --dir (default: lab) and build the lab from it.")
    static final class Up implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabCommand lab;

        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the cluster configuration")
        Path config;

        @CommandLine.Mixin
        BundleDirOption bundleDir;

        @Option(names = "--force", description = "replace bundle files whose content differs")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int written = writeBundle(config, bundleDir.dir, "iproute2", force, out, err);
            return written != ExitCodes.OK ? written : runBundle(lab.main, bundleDir.dir, out, err, "up");
        }
    }

    @CommandLine.Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send N requests from the lab's client to each service and compare with the configuration.")
    static final class Test implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabCommand lab;

        @CommandLine.Mixin
        BundleDirOption bundleDir;

        @Option(names = {"-n", "--requests"}, paramLabel = "N", defaultValue = "30", description = "requests per service port (default: ${DEFAULT-VALUE})")
        int requests;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (requests < 1 || requests > 99_999) {
                err.println("lvs-wizard: --requests " + requests + " is out of range; expected 1-99999");
                return ExitCodes.UNUSABLE_INPUT;
            }
            try {
                return runBundle(lab.main, bundleDir.existing(err), spec.commandLine().getOut(), err, "test",
                        Integer.toString(requests));
            } catch (ConfigOption.Refused refused) {
                return refused.exitCode;
            }
        }
    }

    /** How lab failover fails the master. */
    enum Failure {
        /** its links go down: a host that died, no goodbye advert */
        down,
        /** its keepalived stops: it gives the VIPs up and says so */
        stop
    }

    @CommandLine.Command(name = "failover", mixinStandardHelpOptions = true,
            description = {"A pair of directors: fail the master while the lab's client sends a request every"
                    + " 0.1 s; the backup must take the VIPs over. Prints the gap, the failed requests, whether a"
                    + " connection opened before survived (connection sync), and whether the first director"
                    + " takes the VIPs back (preemption)."})
    static final class Failover implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabCommand lab;

        @CommandLine.Mixin
        BundleDirOption bundleDir;

        @Option(names = "--how", paramLabel = "HOW", defaultValue = "down",
                description = "down (the master's links go down) or stop (its keepalived stops); default: ${DEFAULT-VALUE}")
        Failure how;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Path dir;
            try {
                dir = bundleDir.existing(err);
            } catch (ConfigOption.Refused refused) {
                return refused.exitCode;
            }
            if (!Files.readString(dir.resolve("lab.sh")).contains("\n    failover) do_failover")) {
                err.println("lvs-wizard: the lab in " + dir + " has one director: failover needs a pair"
                        + " (a configuration with \"failover\")");
                return ExitCodes.UNUSABLE_INPUT;
            }
            return runBundle(lab.main, dir, spec.commandLine().getOut(), err, "failover", how.name());
        }
    }

    @CommandLine.Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove every lab namespace (also one left behind by a crash), and nothing else.")
    static final class Down implements Callable<Integer> {
        @CommandLine.ParentCommand
        LabCommand lab;

        @CommandLine.Mixin
        BundleDirOption bundleDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = bundleDir.dir;
            Path bundle = dir;
            if (!Files.exists(dir.resolve("lab.sh"))) {
                // down does not depend on the configuration: any bundle's lab.sh removes any lab
                bundle = Files.createTempDirectory("lvs-wizard-lab");
                Generation.writeExport(Format.LAB, Validator.check(ConfigOption.builtIn()).validPlan(), Flavour.IPROUTE2,
                        bundle, true);
            }
            try {
                return runBundle(lab.main, bundle, out, err, "down");
            } finally {
                if (!bundle.equals(dir)) {
                    try (var paths = Files.walk(bundle)) {
                        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    @CommandLine.ParentCommand
    Main main;
}
