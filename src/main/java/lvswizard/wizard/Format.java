package lvswizard.wizard;

import java.util.Locale;
import lvswizard.lab.LabExport;
import lvswizard.render.Export;
import lvswizard.render.ScriptsExport;

/**
 * Every output the product can write, one line each: generate --format takes these names, the
 * wizard's Generate step offers them, and a new output is one more line here.
 */
public enum Format {
    SCRIPTS(new ScriptsExport()),
    LAB(new LabExport());

    private final Export export;

    Format(Export export) {
        this.export = export;
    }

    public Export export() {
        return export;
    }

    /** The name on the command line and in the wizard: scripts, lab. */
    @Override
    public String toString() {
        return export.id();
    }

    public static Format parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
