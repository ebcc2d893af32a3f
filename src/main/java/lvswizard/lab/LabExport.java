package lvswizard.lab;

import java.util.List;
import lvswizard.plan.Plan;
import lvswizard.render.Export;
import lvswizard.render.RenderedFile;

/** The one-host lab: lab.sh at the top, the cluster's scripts under scripts/. */
public final class LabExport implements Export {
    @Override
    public String id() {
        return "lab";
    }

    @Override
    public List<RenderedFile> files(Plan plan, Options options) {
        return LabBundle.render(plan, options.flavour(), options.templates());
    }
}
