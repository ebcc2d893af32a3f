package lvswizard.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration file used last, offered first at the next start: one line in
 * $XDG_CONFIG_HOME/lvs-wizard/recent (~/.config/lvs-wizard/recent). The wizard often runs as
 * root, so the file is believed only when it is a regular file of this user's that nobody else may
 * write; anything else is ignored, never an error.
 */
public final class Recent {
    private final Path file;

    public Recent(Path file) {
        this.file = file;
    }

    /** Remembers nothing and offers nothing (tests, and hosts without a home). */
    public static Recent none() {
        return new Recent(null);
    }

    public static Recent fromEnvironment(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        String home = env.get("HOME");
        Path dir = config != null && config.startsWith("/") ? Path.of(config)
                : home != null && home.startsWith("/") ? Path.of(home, ".config") : null;
        return new Recent(dir == null ? null : dir.resolve("lvs-wizard").resolve("recent"));
    }

    /** The file used last, when it still exists. */
    public Optional<Path> last() {
        if (file == null || !trusted(file)) {
            return Optional.empty();
        }
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            Path last = line.isEmpty() || line.contains("\n") ? null : Path.of(line);
            return last != null && Files.isRegularFile(last) ? Optional.of(last) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a configuration that cannot be remembered still works. */
    public void remember(Path config) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "recent", ".tmp");
            Files.writeString(temp, config.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the next start simply offers no recent file
        }
    }

    private static boolean trusted(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return owner.equals(me) && !mode.contains(PosixFilePermission.GROUP_WRITE)
                    && !mode.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
