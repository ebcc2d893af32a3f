package lvswizard.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import lvswizard.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files rendered as they are read: a write reads each once (it held the whole set's text, 200 MB at
 * 10,000 real servers, and encoded each file for the hash and again for the write), and a file that
 * fails to render half-way leaves nothing, as any other refusal.
 */
class OnDemandWriteTest {
    private final Map<String, Integer> renders = new ConcurrentHashMap<>();

    /** Files a, b, ... each rendered on demand and counted; the one named {@code failing} throws. */
    private List<RenderedFile> files(String version, String failing) {
        List<RenderedFile> files = new ArrayList<>();
        for (String name : List.of("a.sh", "b.txt", "c.sh", "scripts/d.sh", "scripts/e.txt")) {
            files.add(RenderedFile.onDemand(name, name.endsWith(".sh"), () -> {
                renders.merge(name, 1, Integer::sum);
                if (name.equals(failing)) {
                    throw new IllegalStateException("cannot render " + name);
                }
                return name + " " + version + "\n";
            }));
        }
        return files;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir) && !p.endsWith(WriteLock.FILE_NAME)).map(p -> dir.relativize(p) + " " + content(p)).sorted().toList();
        }
    }

    private static String content(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.readString(path) : "(directory)";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachFileIsRenderedOnceByAWrite(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeTree(files("1", null), false);
        assertThat(renders).as("a new directory").containsOnlyKeys("a.sh", "b.txt", "c.sh", "scripts/d.sh",
                "scripts/e.txt").allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        renders.clear();
        new OutputDirectory(dir).writeTree(files("2", null), true);
        assertThat(renders).as("replacing every file").hasSize(5).allSatisfy((name, count) -> assertThat(count)
                .as(name).isEqualTo(1));
        assertThat(Files.readString(dir.resolve("scripts/d.sh"))).isEqualTo("scripts/d.sh 2\n");
    }

    @Test
    void theManifestHashesWhatWasRenderedOnce(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeTree(files("1", null), false);
        assertThat(Files.readString(dir.resolve(".lvs-wizard-manifest"))).isEqualTo(
                Manifest.hash("a.sh 1\n".getBytes()) + "  a.sh\n" + Manifest.hash("b.txt 1\n".getBytes()) + "  b.txt\n"
                        + Manifest.hash("c.sh 1\n".getBytes()) + "  c.sh\n");
        assertThat(Files.readString(dir.resolve("scripts/.lvs-wizard-manifest"))).isEqualTo(
                Manifest.hash("scripts/d.sh 1\n".getBytes()) + "  d.sh\n"
                        + Manifest.hash("scripts/e.txt 1\n".getBytes()) + "  e.txt\n");
    }

    /**
     * In a directory the write makes, each file goes straight to its name: no temporary beside it and
     * no rename (at 10,000 real servers 20,005 renames were a quarter of the writing). In a
     * directory that exists, a file stays under a hidden temporary name until every file is written.
     */
    @Test
    void aNewDirectorysFilesAreWrittenUnderTheirOwnNames(@TempDir Path dir) throws Exception {
        List<List<String>> seenWhileRenderingC = new ArrayList<>();
        for (Path out : List.of(dir.resolve("new"), Files.createDirectory(dir.resolve("existing")))) {
            List<RenderedFile> files = new ArrayList<>(files("1", null));
            files.set(2, RenderedFile.onDemand("c.sh", true, () -> {
                try (Stream<Path> present = Files.list(out)) {
                    seenWhileRenderingC.add(present.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals(WriteLock.FILE_NAME)).map(n -> n.endsWith(".tmp") ? "(temporary)" : n)
                            .sorted().toList());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return "c.sh 1\n";
            }));
            new OutputDirectory(out).writeTree(files, false);
            assertThat(listing(out)).contains("a.sh a.sh 1\n", "c.sh c.sh 1\n", "scripts/e.txt scripts/e.txt 1\n");
        }
        assertThat(seenWhileRenderingC).containsExactly(List.of("a.sh", "b.txt"),
                List.of("(temporary)", "(temporary)"));
    }

    @Test
    void aFileThatFailsToRenderHalfWayLeavesANewDirectoryUnmade(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> new OutputDirectory(out).writeTree(files("1", "scripts/d.sh"), false))
                .hasMessage("cannot render scripts/d.sh");
        assertThat(out).doesNotExist();
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aFileThatFailsToRenderHalfWayChangesNothingInPlace(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeTree(files("1", null), false);
        List<String> before = listing(dir);
        for (String failing : List.of("c.sh", "scripts/e.txt")) {
            assertThatThrownBy(() -> new OutputDirectory(dir).writeTree(files("2", failing), true))
                    .hasMessage("cannot render " + failing);
            assertThat(listing(dir)).as("no temporary, no file replaced (" + failing + ")").isEqualTo(before);
        }
    }

    @Test
    void everyConflictIsStillCountedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sh"), "mine\n");
        Files.writeString(dir.resolve("c.sh"), "mine too\n");
        List<String> before = listing(dir);
        assertThatThrownBy(() -> new OutputDirectory(dir).writeTree(files("1", null), false))
                .isInstanceOf(OutputException.Conflict.class)
                .hasMessage(dir.resolve("a.sh") + ": exists with different content (and 1 more); use --force to"
                        + " replace, or choose another --out directory");
        assertThat(listing(dir)).isEqualTo(before);
    }
}
