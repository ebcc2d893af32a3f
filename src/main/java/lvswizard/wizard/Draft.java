package lvswizard.wizard;

import java.nio.file.Path;
import lvswizard.model.Cluster;
import lvswizard.render.Flavour;

/**
 * Everything the wizard has gathered: the cluster being built, and the answers that are not part
 * of the configuration file (which host this is, where files go). Steps never change it in place;
 * they return a new draft.
 *
 * @param cluster    the configuration being edited
 * @param role       what this host is
 * @param configPath where Ctrl-S saves the configuration
 * @param outputDir  where the generated files go
 * @param flavour    network tools of the generated scripts
 */
public record Draft(Cluster cluster, HostRole role, Path configPath, Path outputDir, Flavour flavour) {
    public static final Path DEFAULT_CONFIG = Path.of("lvs-wizard.json");
    public static final Path DEFAULT_OUTPUT = Path.of("out");

    public Draft {
        if (role == null) {
            role = HostRole.ALL;
        }
        if (configPath == null) {
            configPath = DEFAULT_CONFIG;
        }
        if (outputDir == null) {
            outputDir = DEFAULT_OUTPUT;
        }
        if (flavour == null) {
            flavour = Flavour.IPROUTE2;
        }
    }

    public Draft with(Cluster newCluster) {
        return new Draft(newCluster, role, configPath, outputDir, flavour);
    }

    public Draft with(HostRole newRole) {
        return new Draft(cluster, newRole, configPath, outputDir, flavour);
    }

    public Draft withOutput(Path newOutput, Flavour newFlavour) {
        return new Draft(cluster, role, configPath, newOutput, newFlavour);
    }
}
