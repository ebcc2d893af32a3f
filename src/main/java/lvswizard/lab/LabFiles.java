package lvswizard.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Cluster;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Templates;
import lvswizard.plan.Plan;

/** Writes a lab bundle: lab.sh at the top of the directory, the generated files under scripts/. */
public final class LabFiles {
    private LabFiles() {
    }

    public static void write(Plan plan, Flavour flavour, Path dir, boolean force) throws OutputException {
        List<RenderedFile> top = new ArrayList<>();
        List<RenderedFile> scripts = new ArrayList<>();
        for (RenderedFile f : LabBundle.render(plan, flavour, Templates.packaged())) {
            if (f.name().startsWith("scripts/")) {
                scripts.add(new RenderedFile(f.name().substring("scripts/".length()), f.content(), f.executable()));
            } else {
                top.add(f);
            }
        }
        new OutputDirectory(dir.resolve("scripts")).write(scripts, force);
        new OutputDirectory(dir).write(top, force);
    }
}
