package lvswizard.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    private static final List<RenderedFile> FILES = List.of(new RenderedFile("a.sh", "#!/bin/bash\n", true),
            new RenderedFile("b.txt", "text\n", false));

    @Test
    void writesScriptsExecutableAndDataReadable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new/out");
        List<OutputDirectory.Written> written = new OutputDirectory(out).write(FILES, false);
        assertThat(written).extracting(OutputDirectory.Written::outcome)
                .containsExactly(OutputDirectory.Outcome.WRITTEN, OutputDirectory.Outcome.WRITTEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a.sh")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("b.txt")))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve("a.sh"))).isEqualTo("#!/bin/bash\n");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.sh", "b.txt");
        }
    }

    @Test
    void identicalFilesAreUnchangedWithoutForce(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).write(FILES, false);
        assertThat(new OutputDirectory(dir).write(FILES, false)).extracting(OutputDirectory.Written::outcome)
                .containsOnly(OutputDirectory.Outcome.UNCHANGED);
    }

    @Test
    void aDifferentFileBlocksEveryWriteUntilForced(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "mine\n");
        assertThatThrownBy(() -> new OutputDirectory(dir).write(FILES, false))
                .isInstanceOf(OutputException.class)
                .hasMessage(dir.resolve("b.txt") + ": exists with different content; use --force to replace, or"
                        + " choose another --out directory");
        assertThat(dir.resolve("a.sh")).doesNotExist();
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("mine\n");
        assertThat(new OutputDirectory(dir).write(FILES, true)).extracting(OutputDirectory.Written::outcome)
                .containsExactly(OutputDirectory.Outcome.WRITTEN, OutputDirectory.Outcome.REPLACED);
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("text\n");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> new OutputDirectory(file).write(FILES, false))
                .hasMessage(file + ": exists and is not a directory");
    }
}
