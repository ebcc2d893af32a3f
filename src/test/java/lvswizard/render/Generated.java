package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;

/**
 * Every example rendered by every export that writes scripts: the scripts in every flavour, and
 * keepalived.conf with its hosts' scripts, for tests that look at all generated output.
 */
public final class Generated {
    private Generated() {
    }

    /** One example, one export, one flavour; golden files under {@code <example>/<golden>}. */
    public record Case(String example, Flavour flavour, Export export, String golden) {
        public List<RenderedFile> files() {
            return export.files(Examples.plan(example), new Export.Options(flavour, Templates.packaged()));
        }

        /**
         * The files this case holds as golden files: all of them for the scripts; for another export
         * only the ones that differ from the scripts export's (the rest is held there once).
         */
        public List<RenderedFile> goldenFiles() {
            if (export instanceof ScriptsExport || new ScriptsExport().refusal(Examples.plan(example), Flavour.IPROUTE2) != null) {
                return files();
            }
            List<RenderedFile> scripts = scripts().files();
            return files().stream().filter(f -> !scripts.contains(f)).toList();
        }

        /** The scripts export of the same example and flavour. */
        public Case scripts() {
            return new Case(example, flavour, new ScriptsExport(), flavour.toString());
        }

        /** The generate options that write these files from the jar. */
        public List<String> generateOptions() {
            return List.of("--format", export.id(), "--flavour", flavour.toString());
        }

        @Override
        public String toString() {
            return example + "/" + golden;
        }
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String example : Examples.names()) {
            if (new ScriptsExport().refusal(Examples.plan(example), Flavour.IPROUTE2) != null) {
                // a pair of directors: keepalived only
                cases.add(new Case(example, Flavour.IPROUTE2, new KeepalivedExport(), "keepalived"));
                continue;
            }
            for (Flavour flavour : Flavour.values()) {
                cases.add(new Case(example, flavour, new ScriptsExport(), flavour.toString()));
            }
            cases.add(new Case(example, Flavour.IPROUTE2, new KeepalivedExport(), "keepalived"));
        }
        return cases;
    }
}
