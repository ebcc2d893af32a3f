package lvswizard.cli;

import java.io.PrintWriter;
import lvswizard.plan.IpvsOwner;
import lvswizard.wizard.Format;
import picocli.CommandLine.Option;

/** --format for the commands that act on a director here (run, doctor): who keeps its IPVS table. */
final class TableOwnerOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "scripts",
            converter = GenerateCommand.FormatName.class,
            description = "who keeps the director's IPVS table: scripts (director.sh) or keepalived (director.sh"
                    + " prepares the host; run installs keepalived.conf and starts or reloads keepalived, doctor"
                    + " checks keepalived, its file and the table against it) (default: ${DEFAULT-VALUE})")
    Format format;

    /** The owner; a format that is not run on a host (the lab) is refused on err. */
    IpvsOwner owner(PrintWriter err) throws ConfigOption.Refused {
        if (format.ipvsOwner() == IpvsOwner.SCRIPT && format != Format.SCRIPTS) {
            err.println("lvs-wizard: --format " + format + " is not run on a host; expected scripts or keepalived"
                    + " (lvs-wizard lab runs the lab)");
            throw new ConfigOption.Refused(ExitCodes.UNUSABLE_INPUT);
        }
        return format.ipvsOwner();
    }
}
