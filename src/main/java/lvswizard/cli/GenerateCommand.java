package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.model.Cluster;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.validation.Finding;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Validate a configuration and write the director and real server scripts, systemd units,"
                + " ipvsadm.rules and README.txt into a directory. Nothing is written when validation fails.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--flavour", paramLabel = "F", defaultValue = "iproute2",
            description = "network tools the scripts use: iproute2 (default) or net-tools")
    String flavour;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "a directory whose templates replace the built-in ones of the same name")
    Path templates;

    @Option(names = "--force", description = "replace existing files whose content differs")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Flavour chosen;
        try {
            chosen = Flavour.parse(flavour);
        } catch (IllegalArgumentException e) {
            err.println("--flavour: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (templates != null && !Files.isDirectory(templates)) {
            err.println("--templates: " + templates + " is not a directory");
            return ExitCodes.UNUSABLE_INPUT;
        }
        Cluster cluster;
        try {
            cluster = config.load();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        Validation validation = Validator.check(cluster);
        if (ConfigOption.report(validation.findings(), config.source(), err) > 0) {
            err.println("nothing was written: fix the errors above first");
            return ExitCodes.VALIDATION_ERRORS;
        }
        Templates source = templates == null ? Templates.packaged() : Templates.withOverrides(templates);
        List<RenderedFile> files;
        try {
            files = new Renderer(source).render(validation.plan(), chosen);
        } catch (RuntimeException e) {
            err.println("--templates: a template failed: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        try {
            for (OutputDirectory.Written written : new OutputDirectory(out).write(files, force)) {
                spec.commandLine().getOut().println(written.toLine());
            }
        } catch (OutputException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        return ExitCodes.OK;
    }
}
