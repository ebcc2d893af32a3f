package lvswizard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.model.Cluster;
import lvswizard.validation.Finding;
import lvswizard.validation.Neighbours;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a configuration for the mistakes that break LVS; findings go to stderr.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--neighbour", paramLabel = "FILE",
            description = {"another cluster's configuration whose directors share a network with this one's"
                    + " (repeatable): a pair's VRRP router ids and sync daemon id must not clash with theirs"})
    List<Path> neighbours = new ArrayList<>();

    @Mixin
    LanguageOption language;

    @CommandLine.ParentCommand
    Main main;

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
        Validation validation = Validator.check(cluster);
        List<Finding> findings = new ArrayList<>(validation.findings());
        if (!neighbours.isEmpty()) {
            List<Neighbours.Neighbour> others = new ArrayList<>();
            for (Path file : neighbours) {
                try {
                    others.add(new Neighbours.Neighbour(file.toString(),
                            ConfigOption.readValid(file, "--neighbour " + file + ": fix its errors first",
                                    spec.commandLine().getErr())));
                } catch (ConfigOption.Refused refused) {
                    return ExitCodes.UNUSABLE_INPUT;
                }
            }
            if (!validation.hasErrors()) {
                findings.addAll(Neighbours.clashes(validation.plan(), others));
            }
        }
        long errors = ConfigOption.report(findings, config.source(), spec.commandLine().getErr(),
                language.locale(main));
        return errors > 0 ? ExitCodes.VALIDATION_ERRORS : ExitCodes.OK;
    }
}
