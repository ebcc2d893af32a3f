package lvswizard.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.config.ConfigFile;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.CopyInstructions;
import lvswizard.render.Plan;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;

/**
 * What both wizards do at the end: write the files exactly as generate would, save the
 * configuration they came from, and say what to copy where.
 */
public final class Generation {
    private Generation() {
    }

    /** Asks the operator whether files with other content may be replaced. */
    public interface ReplaceQuestion<E extends Exception> {
        boolean mayReplace(OutputException conflict) throws E;
    }

    /**
     * Writes the draft's files and then saves its configuration; returns what happened to each
     * file, or null when the operator declined to replace existing files (nothing is written then).
     */
    public static <E extends Exception> List<OutputDirectory.Written> write(Draft draft, ReplaceQuestion<E> question)
            throws OutputException, E {
        List<RenderedFile> files = new Renderer(Templates.packaged()).render(draft.cluster(), draft.flavour());
        OutputDirectory out = new OutputDirectory(draft.outputDir());
        List<OutputDirectory.Written> written;
        try {
            written = out.write(files, false);
        } catch (OutputException conflict) {
            if (!question.mayReplace(conflict)) {
                return null;
            }
            written = out.write(files, true);
        }
        saveConfig(draft);
        return written;
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
        written.forEach(w -> lines.add("  " + w.toLine()));
        lines.add("  " + m.get("saved", draft.configPath()));
        lines.add("");
        lines.add(m.get("generate.copy"));
        lines.addAll(CopyInstructions.lines(Plan.of(draft.cluster()), draft.outputDir().toString()));
        return lines;
    }
}
