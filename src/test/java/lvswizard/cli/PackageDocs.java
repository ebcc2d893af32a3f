package lvswizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator (mvn package runs it, see pom.xml): the man page's AsciiDoc and the bash
 * completion of the Debian package, both from {@link Main#commandLine()}, so that the help, the
 * manual and the completion describe one model and none of them is written by hand.
 *
 * <p>lvs-wizard(1) is one page with a section per subcommand, as an operator reads it: picocli's
 * generator writes a page per command; the root page then takes each subcommand's sections
 * through AsciiDoc includes of the generator's own tags, one heading level down.
 */
public final class PackageDocs {
    private static final String NAME = "lvs-wizard";
    /** The tagged parts of a generated page that a subcommand's section shows (its header and name are the heading). */
    private static final List<String> SUBCOMMAND_PARTS = List.of("synopsis", "description", "options", "arguments",
            "commands", "exit-status", "footer");

    private PackageDocs() {
    }

    /** args: the output directory; writes man/lvs-wizard.adoc (with its included pages) and bash-completion/lvs-wizard. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PackageDocs OUTPUT_DIR");
        }
        Path out = Path.of(args[0]);
        writeManPageSource(Main.commandLine(), Files.createDirectories(out.resolve("man")));
        Path completion = Files.createDirectories(out.resolve("bash-completion")).resolve(NAME);
        Files.writeString(completion, sourcedScript(AutoComplete.bash(NAME, Main.commandLine())),
                StandardCharsets.UTF_8);
    }

    /** bash-completion sources the file: picocli's "#!/usr/bin/env bash" would only mislead (lintian says so). */
    static String sourcedScript(String script) {
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }

    static void writeManPageSource(CommandLine commandLine, Path dir) throws IOException {
        CommandSpec root = commandLine.getCommandSpec();
        List<CommandSpec> subcommands = descendants(root);
        for (CommandSpec spec : subcommands) {
            headFooter(spec);
            writePage(spec, dir.resolve(pageFile(spec)));
        }
        headFooter(root);
        Path page = dir.resolve(NAME + ".adoc");
        writePage(root, page);
        List<String> sections = new ArrayList<>();
        for (CommandSpec spec : subcommands) {
            sections.add("");
            sections.add("== " + spec.qualifiedName(" "));
            for (String part : SUBCOMMAND_PARTS) {
                sections.add("");
                sections.add("include::" + pageFile(spec) + "[tag=picocli-generated-man-section-" + part
                        + ",leveloffset=+1]");
            }
        }
        Files.write(page, sections, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Every visible subcommand, depth first, in the order of the help. */
    private static List<CommandSpec> descendants(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec subSpec = sub.getCommandSpec();
            if (!subSpec.usageMessage().hidden() && !all.contains(subSpec)) {
                all.add(subSpec);
                all.addAll(descendants(subSpec));
            }
        }
        return all;
    }

    /**
     * picocli's generator leaves out a footer without a heading, and ours carry the exit codes and
     * what the wizard does without a command: the manual names that section instead of dropping it.
     */
    private static void headFooter(CommandSpec spec) {
        if (spec.usageMessage().footer().length > 0 && spec.usageMessage().footerHeading().isBlank()) {
            spec.usageMessage().footerHeading("Notes");
        }
    }

    private static String pageFile(CommandSpec spec) {
        return spec.qualifiedName("-") + ".adoc";
    }

    private static void writePage(CommandSpec spec, Path file) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(writer, spec);
        }
    }
}
