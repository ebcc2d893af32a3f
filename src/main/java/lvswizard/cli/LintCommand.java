package lvswizard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lvswizard.imports.Importer;
import lvswizard.imports.Lint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check an existing setup across the whole cluster.",
                "Imports the files (keepalived.conf, ldirectord.cf, a rules file, the director's and real"
                        + " servers' scripts; or host) and prints what keepalived -t cannot see: the ARP fix on"
                        + " DR/TUN real servers, gateways and subnets, the VIP's netmask, missing MARK rules,"
                        + " persistence against schedulers, VRID clashes, vrrp_strict's contradictions, old"
                        + " keywords and their current names.",
                "Exit codes: 0 clean (warnings allowed), 1 errors, 2 unusable input."})
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "files (or host), read into one cluster")
    List<String> sources = new ArrayList<>();

    @Mixin
    LanguageOption language;

    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = language.locale(main);
        Importer.Result result;
        try {
            result = Importer.from(sources, null, main.runner());
        } catch (Importer.ImportException e) {
            err.println("lvs-wizard lint: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        Lint.Report report = Lint.of(result, locale);
        report.lines().forEach(err::println);
        err.println(report.summary(String.join(", ", sources), locale));
        return report.errors() > 0 ? ExitCodes.VALIDATION_ERRORS : ExitCodes.OK;
    }
}
