package lvswizard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.model.Cluster;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.render.TopologyDiagram;
import lvswizard.validation.Finding;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Draw the topology and list the services and the ipvsadm rules they become.")
final class ShowCommand implements Callable<Integer> {
    private static final int DIAGRAM_SERVERS = 40;

    @Mixin
    ConfigOption config = new ConfigOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return show(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int show(PrintWriter out, PrintWriter err) {
        Cluster cluster;
        try {
            cluster = config.load();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        Validation validation = Validator.check(cluster);
        List<Finding> findings = validation.findings();
        if (validation.hasErrors()) {
            ConfigOption.report(findings, config.source(), err);
            return ExitCodes.VALIDATION_ERRORS;
        }
        Plan plan = validation.plan();
        out.println("Topology of " + cluster.name());
        TopologyDiagram.lines(plan, DIAGRAM_SERVERS).forEach(line -> out.println("  " + line));
        out.println();
        out.println("Services");
        TopologyDiagram.serviceLines(plan).forEach(line -> out.println("  " + line));
        out.println();
        out.println("ipvsadm rules (ipvsadm -R form)");
        Ipvsadm.restoreLines(plan).forEach(line -> out.println("  " + line));
        if (!findings.isEmpty()) {
            out.println();
            ConfigOption.report(findings, config.source(), err);
        }
        return ExitCodes.OK;
    }
}
