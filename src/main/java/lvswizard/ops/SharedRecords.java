package lvswizard.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.plan.Layout;

/**
 * The scripts' shared records of host settings (/run/lvs-wizard/.shared, per network namespace):
 * which kernel settings another configuration's script still holds. undo restores a setting from
 * its snapshot only when none does, as the scripts' own stop does.
 *
 * @param root      the records' directory
 * @param namespace this process's network namespace, as the scripts name it (the inode of /proc/self/ns/net)
 */
public record SharedRecords(Path root, String namespace) {
    /** The records of this host, in the namespace this process runs in. */
    public static SharedRecords onThisHost() {
        String namespace;
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString(); // net:[4026531840]
            namespace = link.replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException e) {
            namespace = "host";
        }
        return new SharedRecords(Path.of(Layout.SHARED_STATE), namespace);
    }

    /** The scripts other than {@code self} (a state directory) that hold the setting at {@code sysctlPath}. */
    public List<String> holders(String sysctlPath, String self) {
        String key = sysctlPath.replaceFirst("^/proc/sys/", "").replace('/', '.');
        String owner = self.replaceFirst("^" + Layout.STATE_ROOT + "/", "").replace('/', '.');
        Path record = root.resolve("net-" + namespace).resolve(key);
        try (Stream<Path> files = Files.list(record)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("owner."))
                    .map(n -> n.substring("owner.".length())).filter(n -> !n.equals(owner)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
