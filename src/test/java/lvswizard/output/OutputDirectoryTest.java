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
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.sh", "b.txt",
                    ".lvs-wizard-manifest", ".lvs-wizard.lock");
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

    private static final List<RenderedFile> FEWER = List.of(FILES.get(0));

    @Test
    void aFileNoLongerGeneratedIsNamedAndRemovedOnlyWhenForcedAndUnchanged(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).write(FILES, false);
        assertThat(Files.readString(dir.resolve(".lvs-wizard-manifest"))).as("sha256sum -c reads it").isEqualTo(
                sha256("#!/bin/bash\n") + "  a.sh\n" + sha256("text\n") + "  b.txt\n");
        List<OutputDirectory.Written> kept = new OutputDirectory(dir).write(FEWER, false);
        assertThat(kept).extracting(OutputDirectory.Written::toLine).containsExactly("unchanged " + dir.resolve("a.sh"),
                "stale " + dir.resolve("b.txt") + ": no longer generated; --force removes it");
        assertThat(dir.resolve("b.txt")).exists();
        List<OutputDirectory.Written> removed = new OutputDirectory(dir).write(FEWER, true);
        assertThat(removed).extracting(OutputDirectory.Written::toLine).containsExactly("unchanged " + dir.resolve("a.sh"),
                "removed " + dir.resolve("b.txt") + " (no longer generated, and unchanged since it was)");
        assertThat(dir.resolve("b.txt")).doesNotExist();
        assertThat(new OutputDirectory(dir).write(FEWER, true)).as("forgotten once removed").hasSize(1);
    }

    @Test
    void aFileEditedSinceOrNeverGeneratedIsNeverRemoved(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).write(FILES, false);
        Files.writeString(dir.resolve("b.txt"), "text\nmy note\n");
        Files.writeString(dir.resolve("notes.txt"), "mine\n");
        for (int i = 0; i < 2; i++) {
            assertThat(new OutputDirectory(dir).write(FEWER, true)).extracting(OutputDirectory.Written::toLine)
                    .as("named every time, never removed").containsExactly("unchanged " + dir.resolve("a.sh"),
                            "kept " + dir.resolve("b.txt") + ": no longer generated, but edited since it was; remove it"
                                    + " yourself if unused");
        }
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("text\nmy note\n");
        assertThat(dir.resolve("notes.txt")).exists();
    }

    @Test
    void aSingleFileIsWrittenWithoutAManifest(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeFile(FILES.get(1), false);
        assertThat(dir.resolve("b.txt")).exists();
        assertThat(dir.resolve(".lvs-wizard-manifest")).doesNotExist();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> new OutputDirectory(file).write(FILES, false))
                .hasMessage(file + ": exists and is not a directory");
    }
}
