package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.Examples;
import lvswizard.plan.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated files of every example and flavour, byte for byte. After an intended change,
 * refresh them with: mvn test -Dtest=GoldenFilesTest -Dgolden.update=true, and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Generated.Case> cases() {
        return Generated.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFiles(Generated.Case c) throws IOException {
        Path dir = GOLDEN.resolve(c.example()).resolve(c.golden());
        List<RenderedFile> files = c.goldenFiles();
        if (UPDATE) {
            write(dir, files);
        }
        try (Stream<Path> stored = Files.list(dir)) {
            assertThat(stored.map(p -> p.getFileName().toString()).sorted())
                    .as("golden files of " + c)
                    .containsExactlyElementsOf(files.stream().map(RenderedFile::name).sorted().toList());
        }
        for (RenderedFile file : files) {
            assertThat(file.content()).as(c + "/" + file.name())
                    .isEqualTo(Files.readString(dir.resolve(file.name()), StandardCharsets.UTF_8));
        }
    }

    /**
     * keepalived does not configure real servers: with keepalived.conf their scripts and units are
     * exactly the scripts export's, and only the director's files differ.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keepalivedCases")
    void onlyTheDirectorsFilesDifferFromTheScripts(Generated.Case c) {
        List<String> differing = c.goldenFiles().stream().map(RenderedFile::name).toList();
        String cluster = Examples.plan(c.example()).cluster().name();
        assertThat(differing).noneMatch(name -> name.contains("realserver-"))
                .contains(KeepalivedExport.FILE_NAME, "director.sh", "lvs-" + cluster + "-director.service");
        assertThat(c.files().stream().map(RenderedFile::name)).as("the real servers' files are there")
                .containsAll(c.scripts().files().stream().map(RenderedFile::name)
                        .filter(name -> name.contains("realserver-")).toList());
    }

    static List<Generated.Case> keepalivedCases() {
        return Generated.cases().stream().filter(c -> c.export() instanceof KeepalivedExport)
                .filter(c -> Examples.plan(c.example()).pair() == null).toList();
    }

    static List<Generated.Case> pairCases() {
        return Generated.cases().stream().filter(c -> Examples.plan(c.example()).pair() != null).toList();
    }

    /**
     * A pair of directors changes nothing on the real servers: their files are what the same
     * cluster with one director gets (for NAT, one whose DIP is the pair's floating gateway); each
     * director has its script, unit and keepalived.conf.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pairCases")
    void aPairLeavesTheRealServersAsTheyAre(Generated.Case c) {
        var tree = Examples.tree(c.example());
        var floating = tree.get("failover").get("floatingGateway");
        if (!floating.isNull()) {
            Examples.set(tree, "/director/dips", "[\"" + floating.asText() + "\"]");
        }
        tree.remove("failover");
        List<RenderedFile> single = new ScriptsExport().files(Examples.plan(Examples.cluster(tree)),
                Export.Options.of(c.flavour()));
        List<RenderedFile> pair = c.files();
        assertThat(pair.stream().filter(f -> f.name().contains("realserver-")).toList())
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(single.stream()
                        .filter(f -> f.name().contains("realserver-")).toList());
        Plan plan = Examples.plan(c.example());
        String backup = plan.pair().backup().name();
        assertThat(pair.stream().map(RenderedFile::name)).contains("director.sh", "director-" + backup + ".sh",
                "lvs-" + plan.cluster().name() + "-director.service",
                "lvs-" + plan.cluster().name() + "-director-" + backup + ".service",
                "keepalived-" + plan.cluster().director().name() + ".conf", "keepalived-" + backup + ".conf")
                .doesNotContain(KeepalivedExport.FILE_NAME, "ipvsadm.rules");
    }

    private static void write(Path dir, List<RenderedFile> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (RenderedFile file : files) {
            Files.writeString(dir.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
        }
    }
}
