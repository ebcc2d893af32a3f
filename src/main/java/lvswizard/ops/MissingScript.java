package lvswizard.ops;

import java.nio.file.Path;

/** The role's generated script is not in the output directory: nothing was run. */
public final class MissingScript extends OpsException {
    public MissingScript(Path script) {
        super(Texts.of("run.missing-script", script, script.getParent()));
    }
}
