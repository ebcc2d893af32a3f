package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --dir for the lab commands that run a bundle written before (up writes it there too). */
final class BundleDirOption {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = LabCommand.DEFAULT_DIR,
            description = "the bundle's directory (default: ${DEFAULT-VALUE})")
    Path dir;

    /** The bundle's directory; without a lab.sh there, refused on err. */
    Path existing(PrintWriter err) throws ConfigOption.Refused {
        if (!Files.exists(dir.resolve("lab.sh"))) {
            err.println("lvs-wizard: no lab bundle in " + dir + ": run lab up --config FILE first");
            throw new ConfigOption.Refused(ExitCodes.UNUSABLE_INPUT);
        }
        return dir;
    }
}
