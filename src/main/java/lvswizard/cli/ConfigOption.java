package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.plan.Plan;
import lvswizard.validation.Finding;
import lvswizard.validation.Summary;
import lvswizard.validation.Validation;
import lvswizard.validation.Validator;
import picocli.CommandLine.Option;

/** --config FILE, shared by the commands that read a configuration; loads and reports findings. */
final class ConfigOption {
    static final String BUILT_IN = ConfigFile.BUILT_IN;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the cluster configuration (JSON)")
    Path file;

    Cluster load() throws ConfigException {
        return file == null ? builtIn() : ConfigFile.read(file);
    }

    String source() {
        return file == null ? "(built-in " + BUILT_IN + ")" : file.toString();
    }

    static Cluster builtIn() throws ConfigException {
        return ConfigFile.builtInExample();
    }

    /** A command stops here; why is already on stderr, the exit code says which kind of stop. */
    static final class Refused extends Exception {
        final int exitCode;

        Refused(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /**
     * Reads {@code file} for a command that needs a configuration without errors: an unreadable
     * file is one line on err (exit 2); errors are every finding and {@code consequence} (exit 1).
     */
    static Plan readValid(Path file, String consequence, PrintWriter err) throws Refused {
        Cluster cluster;
        try {
            cluster = ConfigFile.read(file);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            throw new Refused(ExitCodes.UNUSABLE_INPUT);
        }
        Validation validation = Validator.check(cluster);
        if (validation.hasErrors()) {
            report(validation.findings(), file.toString(), err);
            err.println(consequence);
            throw new Refused(ExitCodes.VALIDATION_ERRORS);
        }
        return validation.plan();
    }

    /** Prints findings to err, one per line, and a summary line, in English; returns the number of errors. */
    static long report(List<Finding> findings, String source, PrintWriter err) {
        return report(findings, source, err, Locale.ENGLISH);
    }

    /** {@link #report} in {@code locale}'s language (severity, rule ids and paths stay as they are). */
    static long report(List<Finding> findings, String source, PrintWriter err, Locale locale) {
        findings.forEach(f -> err.println(f.toLine(locale)));
        err.println(Summary.line(source, findings, locale));
        return findings.stream().filter(Finding::isError).count();
    }
}
