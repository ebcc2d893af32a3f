package lvswizard.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As root, a PATH directory another user could write is no place to find ipvsadm. */
class TrustedPathTest {
    @Test
    void aDirectoryOthersCanWriteIsSkippedAndTheNextOneFound(@TempDir Path dir) throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Path closed = Files.createDirectories(dir.resolve("closed"));
        for (Path bin : List.of(open, closed)) {
            Path tool = Files.writeString(bin.resolve("ipvsadm"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> trusted = TrustedPath.directories(open + ":relative/bin:" + closed);
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        // a directory of a user other than root is never trusted; run as root (CI), the test's own are
        assertThat(trusted).doesNotContain(open, Path.of("relative/bin"));
        if (root) {
            assertThat(trusted).containsExactly(closed);
            assertThat(TrustedPath.resolve("ipvsadm", trusted)).contains(closed.resolve("ipvsadm").toString());
        } else {
            assertThat(trusted).isEmpty();
        }
        assertThat(TrustedPath.resolve("/usr/sbin/ipvsadm", trusted)).isEmpty();
    }
}
