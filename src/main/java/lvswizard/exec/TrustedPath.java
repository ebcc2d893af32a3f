package lvswizard.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a command run as root is looked up: the caller's PATH without the directories another user
 * could write (one such directory first in PATH would run their "ipvsadm" as root). A directory
 * counts when it and every directory above it belong to root and no one else may write them, a
 * sticky directory above it (/tmp) excepted, as the kernel itself protects its entries.
 */
final class TrustedPath {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final boolean ROOT = isRoot();

    private TrustedPath() {
    }

    static boolean applies() {
        return ROOT;
    }

    /** The directories of {@code path} (a PATH value) that only root can change, in order. */
    static List<Path> directories(String path) {
        List<Path> trusted = new ArrayList<>();
        for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!entry.isEmpty() && entry.startsWith("/") && trustedDirectory(Path.of(entry))) {
                trusted.add(Path.of(entry));
            }
        }
        return trusted;
    }

    /** The program a bare name means in {@code directories}; empty when none holds it (or it has a slash). */
    static Optional<String> resolve(String program, List<Path> directories) {
        if (program.contains("/")) {
            return Optional.empty();
        }
        return directories.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst()
                .map(Path::toString);
    }

    private static boolean trustedDirectory(Path dir) {
        boolean first = true;
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            try {
                Path real = p.toRealPath();
                int owner = (Integer) Files.getAttribute(real, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(real, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                boolean othersWrite = (mode & GROUP_OR_OTHER_WRITE) != 0;
                if (owner != 0 || othersWrite && (first || (mode & STICKY) == 0)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return false;
            }
            first = false;
        }
        return true;
    }

    /** Whether this process runs as root (the owner of /proc/self). */
    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
