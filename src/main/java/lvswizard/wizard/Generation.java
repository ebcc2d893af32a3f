package lvswizard.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lvswizard.config.ConfigFile;
import lvswizard.model.Forwarding;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.CopyInstructions;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.render.RenderedFile;
import lvswizard.validation.Validator;
import lvswizard.plan.Layout;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;

/**
 * What both wizards do at the end: write the files exactly as generate would, save the
 * configuration they came from, and say what to copy where.
 */
public final class Generation {
    private Generation() {
    }

    /** Asks the operator whether files with other content may be replaced. */
    public interface ReplaceQuestion<E extends Exception> {
        boolean mayReplace(OutputException.Conflict conflict) throws E;
    }

    /**
     * Writes the draft's files and then saves its configuration; returns what happened to each
     * file, or null when the operator declined to replace existing files (nothing is written then).
     */
    public static <E extends Exception> List<OutputDirectory.Written> write(Draft draft, ReplaceQuestion<E> question)
            throws OutputException, E {
        List<OutputDirectory.Written> written = writeFiles(draft, question);
        if (written != null) {
            saveConfig(draft);
        }
        return written;
    }

    /** An export of a valid plan into {@code dir}, as generate --format writes it. */
    public static List<OutputDirectory.Written> writeExport(Format format, Plan plan, Flavour flavour, Path dir,
                                                            boolean force) throws OutputException {
        refuseUnserved(format, plan, flavour);
        return new OutputDirectory(dir).writeTree(format.export().filesOnDemand(plan, Export.Options.of(flavour)),
                force);
    }

    /** The files alone, as {@link #write} writes them: null when the operator declined to replace others. */
    public static <E extends Exception> List<OutputDirectory.Written> writeFiles(Draft draft,
                                                                               ReplaceQuestion<E> question)
            throws OutputException, E {
        Plan plan = Validator.check(draft.cluster()).validPlan();
        refuseUnserved(draft.format(), plan, draft.flavour());
        try {
            return writeExport(draft.format(), plan, draft.flavour(), draft.outputDir(), false);
        } catch (OutputException.Conflict conflict) {
            if (!question.mayReplace(conflict)) {
                return null;
            }
            return writeExport(draft.format(), plan, draft.flavour(), draft.outputDir(), true);
        }
    }

    /**
     * The question before replacing files with other content, in the wizard's words (the exception's
     * own text names command-line options): the first file, how many more, and the files a yes would
     * remove (generate.replace asks).
     */
    public static String conflictText(OutputException.Conflict conflict, Messages m) {
        List<Path> files = conflict.files();
        String first = files.isEmpty() ? "" : files.get(0).toString();
        String which = files.size() > 1 ? m.get("generate.conflict.more", first, files.size() - 1)
                : m.get("generate.conflict", first);
        if (conflict.removable().isEmpty()) {
            return which;
        }
        // what a yes also deletes, by name: in another configuration's directory, its files
        return which + " " + m.get("generate.conflict.removes", conflict.removable().size(), String.join(", ",
                conflict.removable().stream().map(p -> p.getFileName().toString()).toList()));
    }

    private static void refuseUnserved(Format format, Plan plan, Flavour flavour) throws OutputException {
        String refusal = format.refusal(plan, flavour);
        if (refusal != null) {
            throw new OutputException(refusal);
        }
    }

    /** Saves the draft's configuration to its config path, atomically. */
    public static void saveConfig(Draft draft) throws OutputException {
        Path file = draft.configPath().toAbsolutePath();
        new OutputDirectory(file.getParent()).writeFile(new RenderedFile(file.getFileName().toString(),
                ConfigFile.toJson(draft.cluster()), false), true);
    }

    /** The files written, where the configuration went, and ready-to-paste copy lines per host. */
    public static List<String> report(Draft draft, List<OutputDirectory.Written> written, Messages m) {
        List<String> lines = new ArrayList<>();
        lines.add(m.get("generate.written", draft.outputDir()));
        written.forEach(w -> lines.add("  " + m.get("outcome." + w.outcome().name().toLowerCase(Locale.ROOT),
                w.path())));
        lines.add("  " + m.get("saved", draft.configPath()));
        lines.add("");
        if (draft.format() == Format.LAB) {
            // what to do next first: the list of files is long
            lines.add(0, m.get("generate.lab.next", draft.outputDir().resolve("lab.sh")));
            return lines;
        }
        if (draft.format() == Format.ANSIBLE) {
            lines.add(0, m.get("generate.ansible.next", draft.outputDir()));
            return lines;
        }
        lines.add(m.get("generate.copy", draft.outputDir().resolve(CopyInstructions.FILE_NAME)));
        lines.addAll(CopyInstructions.lines(Validator.check(draft.cluster()).validPlan(), draft.outputDir().toString(),
                draft.format().ipvsOwner(), headings(m)));
        return lines;
    }

    /** The copy lines' headings in the wizard's language (copy-to-hosts.sh keeps English ones). */
    private static CopyInstructions.Headings headings(Messages m) {
        return new CopyInstructions.Headings(name -> m.get("copy.real-server", name), name -> m.get("copy.director", name));
    }

    /**
     * What the wizard prints when it ends after writing: where the files and the configuration are,
     * and the next step on each host, real servers first.
     */
    public static String summary(Draft draft, List<OutputDirectory.Written> written, Messages m) {
        Plan plan = Validator.check(draft.cluster()).validPlan();
        List<OutputDirectory.Written> files = written.stream().filter(w -> !w.noLongerGenerated()).toList();
        long changed = files.stream().filter(w -> w.outcome() != OutputDirectory.Outcome.UNCHANGED).count();
        List<String> lines = new ArrayList<>();
        lines.add(m.get("summary.written", files.size(), draft.outputDir(), changed));
        lines.add(m.get("summary.saved", draft.configPath()));
        if (draft.format() == Format.LAB) {
            lines.add(m.get("generate.lab.next", draft.outputDir().resolve("lab.sh")));
            return String.join("\n", lines);
        }
        if (draft.format() == Format.ANSIBLE) {
            lines.add(m.get("generate.ansible.next", draft.outputDir()));
            return String.join("\n", lines);
        }
        lines.add(m.get(plan.uses(Forwarding.DR) || plan.uses(Forwarding.TUN) ? "summary.next" : "summary.next.nat"));
        for (Plan.Host host : plan.hosts()) {
            lines.add("  " + m.get("summary.realserver", host.server().name(), host.address().text(),
                    Layout.realServerScript(host.server().name())));
        }
        // every director: a pair's second one has its own script and keepalived file
        for (HostNeeds director : HostNeeds.directors(plan)) {
            String address = director.ownAddresses().isEmpty() ? "" : director.ownAddresses().get(0).address().text();
            lines.add("  " + m.get(draft.format() == Format.KEEPALIVED ? "summary.director.keepalived" : "summary.director",
                    director.name(), address, director.scriptName(), KeepalivedExport.fileName(plan, director.name()),
                    IpvsOwner.KEEPALIVED_CONF));
        }
        lines.add(m.get("summary.copy", draft.outputDir().resolve(CopyInstructions.FILE_NAME)));
        return String.join("\n", lines);
    }
}
