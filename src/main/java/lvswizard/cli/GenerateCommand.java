package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.model.Cluster;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Export;
import lvswizard.render.Templates;
import lvswizard.validation.Finding;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import lvswizard.wizard.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Validate a configuration and write its files in one of the formats below.",
                "scripts (the default): the director and real server scripts, systemd units, ipvsadm.rules,"
                        + " copy-to-hosts.sh and README.txt. keepalived: keepalived.conf for the director (its"
                        + " virtual servers with their health checks), the real servers' scripts, and a director"
                        + " script that only prepares the host for keepalived. lab: the whole cluster in network"
                        + " namespaces on one host (lab.sh up, test, down). ansible: an inventory of the hosts by role and"
                        + " site.yml that installs and starts each host's files (keepalived on the directors when the"
                        + " configuration has a pair, health checks, a sorry server or a quorum); run it with"
                        + " ansible-playbook -i inventory.yml site.yml. Nothing is written when validation fails."})
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "scripts", converter = FormatName.class,
            completionCandidates = FormatName.class,
            description = "what to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    /** --format by the names the wizard shows (scripts, lab), refused with those names. */
    static final class FormatName implements CommandLine.ITypeConverter<Format>, Iterable<String> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("\"" + value + "\" is not a format; expected one of "
                        + String.join(", ", this));
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::toString).iterator();
        }
    }

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
        String overrideProblem = templates == null ? null : Templates.overrideProblem(templates);
        if (overrideProblem != null) {
            err.println("--templates: " + overrideProblem);
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
        String refusal = format.refusal(validation.plan(), chosen);
        if (refusal != null) {
            err.println("lvs-wizard: " + refusal + "; nothing was written");
            return ExitCodes.UNUSABLE_INPUT;
        }
        Templates source = templates == null ? Templates.packaged() : Templates.withOverrides(templates);
        try {
            // rendered as written, one file at a time: 10,000 real servers' scripts are 200 MB of text
            List<RenderedFile> files = format.export().filesOnDemand(validation.plan(),
                    new Export.Options(chosen, source));
            // one print, not a flushed line each: 10,000 real servers are 20,005 lines
            StringBuilder report = new StringBuilder();
            for (OutputDirectory.Written written : new OutputDirectory(out).writeTree(files, force)) {
                report.append(written.toLine()).append('\n');
            }
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } catch (Templates.TemplateException e) {
            err.println("--templates: " + e.getMessage() + "; nothing was written");
            return ExitCodes.UNUSABLE_INPUT;
        } catch (OutputException e) {
            err.println(e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        return ExitCodes.OK;
    }
}
