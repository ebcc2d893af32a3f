package lvswizard.ops;

import java.nio.file.Path;

/** The role's generated script is not in the output directory: nothing was run. */
public final class MissingScript extends OpsException {
    private final Path script;

    public MissingScript(Path script) {
        super(script + " does not exist: lvs-wizard generate --out " + script.getParent()
                + " writes it (so does run without --dry-run); nothing was run");
        this.script = script;
    }

    public Path script() {
        return script;
    }
}
