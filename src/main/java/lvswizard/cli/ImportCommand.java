package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigFile;
import lvswizard.imports.Importer;
import lvswizard.imports.Note;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.RenderedFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Bring an existing LVS setup into a configuration.",
                "Sources: this host's running state (--from host), a saved table (ipvsadm -S -n output,"
                        + " ipvsadm.rules), keepalived.conf (includes followed), ldirectord.cf, or init scripts"
                        + " with ipvsadm, ifconfig or ip lines (a director's and its real servers': --from more"
                        + " than once).",
                "Reports line by line what it took, what it left out and why, and the fields no source"
                        + " says, which the wizard then asks for (lvs-wizard --config FILE)."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "SOURCE",
            description = "host, or a file (repeatable; read in order into one configuration)")
    List<String> sources = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the configuration to write")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "the cluster's name (default: the first file's)")
    String name;

    @Option(names = "--force", description = "replace FILE when it exists")
    boolean force;

    @Mixin
    LanguageOption language;

    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = language.locale(main);
        Importer.Result result;
        try {
            result = Importer.from(sources, name, main.runner());
        } catch (Importer.ImportException e) {
            err.println("lvs-wizard import: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        result.notes().forEach(note -> out.println(note.toLine(locale)));
        Path file = this.out.toAbsolutePath();
        try {
            new OutputDirectory(file.getParent()).writeFile(new RenderedFile(file.getFileName().toString(),
                    ConfigFile.toJson(result.cluster()), false), force);
        } catch (OutputException.Conflict e) {
            err.println("lvs-wizard import: " + this.out + " exists with other content; nothing written (--force"
                    + " replaces it)");
            return ExitCodes.UNUSABLE_INPUT;
        } catch (OutputException e) {
            err.println("lvs-wizard import: " + e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        }
        long unreadable = result.notes().stream().filter(n -> n.kind() == Note.Kind.UNREADABLE).count();
        out.println(Importer.summary(result, this.out.toString(), unreadable).format(locale));
        return ExitCodes.OK;
    }
}
