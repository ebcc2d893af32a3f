package lvswizard.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.render.Version;

/**
 * Where a wizard session starts: a new configuration, a file, or the how-to's example. A shipped
 * example is opened without a file to save to, so that saving asks for a new name and the example
 * is never overwritten.
 */
public final class Opening {
    private Opening() {
    }

    /** A new configuration (Edits.newCluster) that saves to {@code file}, or asks where when it is null. */
    public static Draft newConfiguration(Path file) {
        return new Draft(Edits.newCluster(), null, file, null, null);
    }

    /** An imported configuration: no file yet, so that the first save asks where. */
    public static Draft imported(Cluster cluster) {
        return new Draft(cluster, null, null, null, null);
    }

    public static Draft example() throws ConfigException {
        return new Draft(ConfigFile.builtInExample(), null, null, null, null);
    }

    /** The file's configuration; a shipped example's saves go elsewhere. Refuses another format version. */
    public static Draft open(Path file) throws ConfigException {
        Cluster cluster = ConfigFile.read(file);
        if (cluster.version() != Cluster.CURRENT_VERSION) {
            throw new ConfigException(file + ": format version " + cluster.version() + " is not supported by"
                    + " lvs-wizard " + Version.current() + "; it reads version " + Cluster.CURRENT_VERSION);
        }
        return new Draft(cluster, null, isShippedExample(file) ? null : file, null, null);
    }

    /**
     * --config FILE: the file when it exists, else a new configuration that will be saved there
     * (its directory must exist, so that the first save does not fail).
     */
    public static Draft openOrCreate(Path file) throws ConfigException {
        if (Files.exists(file)) {
            return open(file);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConfigException(file + ": no such file, and its directory " + dir + " does not exist to"
                    + " create it in");
        }
        return newConfiguration(file);
    }

    /** One of the examples that ship with lvs-wizard: examples/NAME.json with a shipped NAME. */
    public static boolean isShippedExample(Path file) {
        Path name = file.getFileName();
        Path dir = file.toAbsolutePath().normalize().getParent();
        return name != null && dir != null && dir.getFileName() != null
                && dir.getFileName().toString().equals("examples")
                && ConfigFile.EXAMPLES.stream().anyMatch(e -> name.toString().equals(e + ".json"));
    }

    /** Why the configuration cannot be saved as {@code text}, in the operator's language; null when it can. */
    public static String saveProblem(String text, Messages m) {
        if (text == null || text.isBlank()) {
            return m.get("save.as.empty");
        }
        Path file;
        try {
            file = Path.of(text.trim());
        } catch (RuntimeException e) {
            return m.get("invalid.path", Answers.quote(text));
        }
        if (isShippedExample(file)) {
            return m.get("save.as.example", file);
        }
        if (Files.isDirectory(file)) {
            return m.get("save.as.directory", file);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return m.get("save.as.nodir", dir);
        }
        return null;
    }
}
