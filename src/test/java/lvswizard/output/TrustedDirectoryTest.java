package lvswizard.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run executes as root from its output directory: one that others can write is refused. */
class TrustedDirectoryTest {
    @Test
    void aDirectoryOthersCanWriteOrAnotherUserOwnsIsRefusedAndOneOfYourOwnIsNot(@TempDir Path dir) throws Exception {
        int me = (Integer) Files.getAttribute(dir, "unix:uid");
        Path own = Files.createDirectory(dir.resolve("out"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(TrustedDirectory.problem(own, me)).isNull();
        assertThat(TrustedDirectory.problem(own.resolve("not-yet"), me)).as("created later, inside").isNull();
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(TrustedDirectory.problem(own, me)).isEqualTo(own + " is writable by others (mode 0777): a run"
                + " as root would execute what they put there; chmod go-w " + own + ", or use another directory");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        // another user's directory: as root, give it to uid 4242; otherwise ask as someone else
        int asker = me;
        if (me == 0) {
            Files.setAttribute(own, "unix:uid", 4242);
        } else {
            asker = me + 1;
        }
        assertThat(TrustedDirectory.problem(own, asker)).isEqualTo(own + " belongs to another user (uid "
                + (me == 0 ? 4242 : me) + "): a run as root would execute what they put there; use a directory of"
                + " your own");
        Files.setAttribute(own, "unix:uid", me);
        Path link = Files.createSymbolicLink(dir.resolve("link"), own);
        assertThat(TrustedDirectory.problem(link, me)).isEqualTo(link + " is a symbolic link: give the real directory");
        assertThat(TrustedDirectory.currentUid()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aStickyParentLikeTmpIsFineButNotAsTheDirectoryItself(@TempDir Path dir) throws Exception {
        int me = (Integer) Files.getAttribute(dir, "unix:uid");
        Path sticky = Files.createDirectory(dir.resolve("shared"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        assertThat(TrustedDirectory.problem(sticky.resolve("out"), me)).isNull();
        assertThat(TrustedDirectory.problem(sticky, me)).contains("is writable by others (mode 1777)");
    }
}
