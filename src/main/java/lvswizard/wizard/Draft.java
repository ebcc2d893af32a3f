package lvswizard.wizard;

import java.nio.file.Path;
import lvswizard.model.Cluster;
import lvswizard.model.Forwarding;
import lvswizard.render.Flavour;

/**
 * Everything the wizard has gathered: the cluster being built, and the answers that are not part
 * of the configuration file (which host this is, where files go). Steps never change it in place;
 * they return a new draft.
 *
 * @param cluster    the configuration being edited
 * @param role       what this host is
 * @param configPath where Ctrl-S saves the configuration; null until the operator names a file (a
 *                   new configuration, or a shipped example, which is never overwritten)
 * @param outputDir  where the generated files go
 * @param flavour    network tools of the generated scripts
 * @param forwarding how real servers added from now on are reached: the Start step's answer, kept
 *                   here because a cluster without members has nowhere to hold it
 * @param format     what Write writes: the scripts, or a lab bundle
 */
public record Draft(Cluster cluster, HostRole role, Path configPath, Path outputDir, Flavour flavour,
                    Forwarding forwarding, Format format) {
    public static final Path DEFAULT_CONFIG = Path.of("lvs-wizard.json");
    public static final Path DEFAULT_OUTPUT = Path.of("out");

    public Draft {
        if (role == null) {
            role = HostRole.ALL;
        }
        if (outputDir == null) {
            outputDir = DEFAULT_OUTPUT;
        }
        if (flavour == null) {
            flavour = Flavour.IPROUTE2;
        }
        if (forwarding == null) {
            forwarding = Edits.forwarding(cluster);
        }
        if (format == null) {
            // only keepalived moves the VIPs between a pair of directors
            format = cluster != null && cluster.failover() != null ? Format.KEEPALIVED : Format.SCRIPTS;
        }
    }

    /** A draft whose forwarding method for new members is the cluster's own. */
    public Draft(Cluster cluster, HostRole role, Path configPath, Path outputDir, Flavour flavour) {
        this(cluster, role, configPath, outputDir, flavour, null, null);
    }

    public Draft with(Cluster newCluster) {
        return new Draft(newCluster, role, configPath, outputDir, flavour, forwarding, format);
    }

    public Draft with(HostRole newRole) {
        return new Draft(cluster, newRole, configPath, outputDir, flavour, forwarding, format);
    }

    public Draft with(Forwarding newForwarding) {
        return new Draft(cluster, role, configPath, outputDir, flavour, newForwarding, format);
    }

    public Draft withConfigPath(Path newConfigPath) {
        return new Draft(cluster, role, newConfigPath, outputDir, flavour, forwarding, format);
    }

    public Draft withOutput(Path newOutput, Flavour newFlavour) {
        return new Draft(cluster, role, configPath, newOutput, newFlavour, forwarding, format);
    }

    public Draft with(Format newFormat) {
        return new Draft(cluster, role, configPath, outputDir, flavour, forwarding, newFormat);
    }
}
