package lvswizard.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.Tools;
import lvswizard.render.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generation goes into place whole or not at all, one writer at a time, and leaves no temporaries. */
class AllOrNothingTest {
    private static List<RenderedFile> files(String version) {
        return List.of(new RenderedFile("a.sh", "a " + version + "\n", true),
                new RenderedFile("b.sh", "b " + version + "\n", true),
                new RenderedFile("c.txt", "c " + version + "\n", false),
                new RenderedFile("scripts/d.sh", "d " + version + "\n", true));
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** --force with a directory where one file goes moved 7 of 8 files and did not say which. */
    @Test
    void aDirectoryInTheWayOfOneFileIsNamedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeTree(files("1"), false);
        Files.delete(dir.resolve("c.txt"));
        Files.createDirectories(dir.resolve("c.txt"));
        List<String> before = listing(dir);
        assertThatThrownBy(() -> new OutputDirectory(dir).writeTree(files("2"), true))
                .hasMessage(dir.resolve("c.txt") + ": a directory is in the way of a generated file; nothing was written");
        assertThat(listing(dir)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("a.sh"))).isEqualTo("a 1\n");
    }

    /** A rename that fails half-way puts back the files already renamed. */
    @Test
    void aFailedMovePutsBackWhatWasAlreadyReplaced(@TempDir Path dir) throws Exception {
        new OutputDirectory(dir).writeTree(files("1"), false);
        // the old b.sh cannot be kept aside: the move of b.sh fails after a.sh was replaced
        Path blocker = dir.resolve(".b.sh." + ProcessHandle.current().pid() + ".old");
        Files.writeString(Files.createDirectories(blocker).resolve("x"), "x");
        assertThatThrownBy(() -> new OutputDirectory(dir).writeTree(files("2"), true))
                .hasMessageStartingWith(dir.resolve("b.sh") + ": cannot write: ").hasMessageEndingWith("nothing was written");
        assertThat(Files.readString(dir.resolve("a.sh"))).isEqualTo("a 1\n");
        assertThat(Files.readString(dir.resolve("b.sh"))).isEqualTo("b 1\n");
        assertThat(Files.readString(dir.resolve("scripts/d.sh"))).isEqualTo("d 1\n");
        assertThat(listing(dir)).noneMatch(name -> name.endsWith(".tmp") || name.endsWith(".old") && !name.startsWith(".b.sh."));
    }

    /** A full disk left .NAME.NNN.tmp files behind. */
    @Test
    void aFullDiskLeavesNoTemporariesAndChangesNothing(@TempDir Path dir) throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Tools.Result mounted = Tools.run(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "lvsw-test", small.toString()));
        assertThat(mounted.exitCode()).as("root mounts a tmpfs: " + mounted.output()).isZero();
        try {
            Path out = small.resolve("out");
            new OutputDirectory(out).writeTree(files("1"), false);
            List<String> before = listing(out);
            List<RenderedFile> big = List.of(new RenderedFile("a.sh", "a".repeat(40_000), true),
                    new RenderedFile("b.sh", "b".repeat(40_000), true));
            assertThatThrownBy(() -> new OutputDirectory(out).writeTree(big, true))
                    .hasMessageContaining("nothing was written");
            assertThat(listing(out)).isEqualTo(before);
            assertThat(Files.readString(out.resolve("a.sh"))).isEqualTo("a 1\n");
            // into a directory it had to create: none is left behind either
            assertThatThrownBy(() -> new OutputDirectory(small.resolve("new")).writeTree(big, false))
                    .hasMessageContaining("nothing was written");
            assertThat(small.resolve("new")).doesNotExist();
        } finally {
            Tools.run(List.of("umount", small.toString()));
        }
    }

    /** Two generates into one empty directory both succeeded, the second replacing the first's files. */
    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheDirectory(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (FileChannel channel = FileChannel.open(out.resolve(WriteLock.FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThatThrownBy(() -> new OutputDirectory(out).writeTree(files("2"), false))
                    .hasMessage(out + ": another lvs-wizard is writing into this directory; nothing was written, try"
                            + " again when it is done");
            assertThat(listing(out)).containsExactly(WriteLock.FILE_NAME);
        }
        assertThat(new OutputDirectory(out).writeTree(files("2"), false)).hasSize(4);
    }

    /** Only files with other content are a conflict that --force or the operator's yes may override. */
    @Test
    void onlyOtherContentIsAConflict(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (FileChannel channel = FileChannel.open(out.resolve(WriteLock.FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThatThrownBy(() -> new OutputDirectory(out).writeTree(files("1"), false))
                    .isNotInstanceOf(OutputException.Conflict.class);
        }
        new OutputDirectory(out).writeTree(files("1"), false);
        assertThatThrownBy(() -> new OutputDirectory(out).writeTree(files("2"), false))
                .isInstanceOf(OutputException.Conflict.class);
    }
}
