package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.ops.OpsException;
import lvswizard.ops.Role;
import lvswizard.render.HostNeeds;
import lvswizard.render.Plan;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import picocli.CommandLine.Option;

/** --config FILE --role ROLE, for the commands that act on this host: loaded, validated and resolved. */
final class HostRoleOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
            description = "the cluster configuration this host belongs to")
    Path file;

    @Option(names = "--role", paramLabel = "ROLE", required = true,
            description = "this host's role: director, realserver:NAME, or realserver (found by this host's address)")
    String role;

    /** What this host needs, or null after reporting why not on err (with the exit code in code[0]). */
    Resolved resolve(Runner runner, PrintWriter err, int[] code) {
        Cluster cluster;
        try {
            cluster = ConfigFile.read(file);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            code[0] = ExitCodes.UNUSABLE_INPUT;
            return null;
        }
        List<Finding> findings = Validator.validate(cluster);
        if (Validator.hasErrors(findings)) {
            ConfigOption.report(findings, file.toString(), err);
            err.println("nothing was run: fix the errors above first");
            code[0] = ExitCodes.VALIDATION_ERRORS;
            return null;
        }
        Plan plan = Plan.of(cluster);
        try {
            return new Resolved(cluster, plan, Role.resolve(role, plan, runner));
        } catch (OpsException e) {
            err.println("lvs-wizard: " + e.getMessage());
            code[0] = ExitCodes.UNUSABLE_INPUT;
            return null;
        }
    }

    record Resolved(Cluster cluster, Plan plan, HostNeeds needs) {
    }
}
