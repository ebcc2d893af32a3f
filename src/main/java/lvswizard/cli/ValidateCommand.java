package lvswizard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.model.Cluster;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a configuration for the mistakes that break LVS; findings go to stderr.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Cluster cluster;
        try {
            cluster = config.load();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        List<Finding> findings = Validator.validate(cluster);
        long errors = ConfigOption.report(findings, config.source(), spec.commandLine().getErr());
        return errors > 0 ? ExitCodes.VALIDATION_ERRORS : ExitCodes.OK;
    }
}
