package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.ops.OpsException;
import lvswizard.ops.Role;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import picocli.CommandLine.Option;

/** --config FILE --role ROLE, for the commands that act on this host: loaded, validated and resolved. */
final class HostRoleOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
            description = "the cluster configuration this host belongs to")
    Path file;

    @Option(names = "--role", paramLabel = "ROLE", required = true,
            description = "this host's role: director (the first), director:NAME (either of a pair),"
                    + " realserver:NAME, or realserver (found by this host's address)")
    String role;

    /** What this host needs; a refusal has already been reported on err. */
    Resolved resolve(Runner runner, PrintWriter err) throws ConfigOption.Refused {
        Plan plan = ConfigOption.readValid(file, "nothing was run: fix the errors above first", err);
        Cluster cluster = plan.cluster();
        try {
            return new Resolved(cluster, plan, Role.resolve(role, plan, runner));
        } catch (OpsException e) {
            err.println("lvs-wizard: " + e.getMessage());
            throw new ConfigOption.Refused(ExitCodes.UNUSABLE_INPUT);
        }
    }

    record Resolved(Cluster cluster, Plan plan, HostNeeds needs) {
    }
}
