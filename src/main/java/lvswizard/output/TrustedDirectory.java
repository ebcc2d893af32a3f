package lvswizard.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a directory that a command run as root writes into and executes from can be trusted: it
 * and every directory above it belong to root or to the user running the command, and no other
 * user can write in them (an ancestor with the sticky bit, like /tmp, is allowed: others cannot
 * replace what is not theirs there). The test sudo and ssh make of their files.
 */
public final class TrustedDirectory {
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

    private TrustedDirectory() {
    }

    /** The user this process runs as (the owner of /proc/self), or -1 when it cannot be told. */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** Why {@code dir} cannot be trusted by user {@code uid}, in one line (English); null when it can. */
    public static String problem(Path dir, int uid) {
        Path at = dir.toAbsolutePath().normalize();
        boolean first = true;
        for (Path p = at; p != null; p = p.getParent()) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                first = false;
                continue;
            }
            try {
                int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if (Files.isSymbolicLink(p)) {
                    return p + " is a symbolic link: give the real directory";
                }
                if (owner != 0 && owner != uid) {
                    return p + " belongs to another user (uid " + owner + "): a run as root would execute what"
                            + " they put there; use a directory of your own";
                }
                boolean othersWrite = (mode & GROUP_OR_OTHER_WRITE) != 0;
                if (othersWrite && (first || (mode & STICKY) == 0)) {
                    return String.format("%s is writable by others (mode %04o): a run as root would execute what"
                            + " they put there; chmod go-w %s, or use another directory", p, mode & 07777, p);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return p + " cannot be examined (" + e.getMessage() + ")";
            }
            first = false;
        }
        return null;
    }

    /**
     * Why the file {@code file} cannot be trusted by user {@code uid} (one line, English), or null:
     * it is a regular file, not a link, of root or that user, that no other user can write, in a
     * directory that passes {@link #problem}.
     */
    public static String fileProblem(Path file, int uid) {
        Path at = file.toAbsolutePath().normalize();
        if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (!Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
                    return at + " is not a regular file (a link or something else): remove it";
                }
                int owner = (Integer) Files.getAttribute(at, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(at, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if (owner != 0 && owner != uid) {
                    return at + " belongs to another user (uid " + owner + "): a run as root would act on what"
                            + " they wrote; remove it";
                }
                if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
                    return String.format("%s is writable by others (mode %04o): a run as root would act on what"
                            + " they wrote; chmod go-w %s if its content is yours", at, mode & 07777, at);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return at + " cannot be examined (" + e.getMessage() + ")";
            }
        }
        return at.getParent() == null ? null : problem(at.getParent(), uid);
    }
}
