package lvswizard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.cli.Main;
import lvswizard.config.ConfigFile;
import lvswizard.exec.FakeRunner;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.RealServer;
import lvswizard.validation.Validator;
import lvswizard.render.RenderProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * config -> generate -> import gives back the configuration, as far as the files say it: for
 * every shipped example in every format (the scripts' ipvsadm.rules, keepalived.conf of one
 * director or of both of a pair, a lab bundle's copies), and for generated configurations.
 */
class RoundTripTest {
    static Stream<Arguments> examplesAndFormats() {
        return ConfigFile.EXAMPLES.stream().flatMap(e -> Stream.of("scripts", "keepalived", "lab")
                .map(f -> Arguments.of(e, f)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("examplesAndFormats")
    void everyExampleInEveryFormatImportsAsItself(String example, String format, @TempDir Path dir) throws Exception {
        Cluster original = ConfigFile.read(Path.of("examples", example + ".json"));
        int generated = generate(Path.of("examples", example + ".json"), format, dir.resolve("out"));
        if (original.failover() != null && format.equals("scripts")) {
            // a pair's VIPs are keepalived's: the scripts format refuses it, and says so
            assertThat(generated).isEqualTo(2);
            return;
        }
        assertThat(generated).isZero();
        assertRoundTrip(original, format, dir.resolve("out"));
    }

    @Property(tries = 40)
    void generatedConfigurationsImportAsThemselves(@ForAll("clusters") Cluster cluster,
                                                   @ForAll("formats") String format) throws Exception {
        Path dir = Files.createTempDirectory("round-trip");
        try {
            Path config = Files.writeString(dir.resolve("c.json"), ConfigFile.toJson(cluster));
            assertThat(generate(config, format, dir.resolve("out"))).isZero();
            assertRoundTrip(cluster, format, dir.resolve("out"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Done means: the how-to's scripts imported, the fields they do not say filled in (as the wizard
     * asks), and the result validates, exports to keepalived and builds its lab, and is the seed.
     */
    @Test
    void theHowTosScriptsCompletedAreTheSeedAndExportEverywhere(@TempDir Path dir) throws Exception {
        Cluster imported = ImportCorpusTest.importing("seed-director.sh", "seed-realserver.sh").cluster();
        Director d = imported.director();
        Cluster completed = new Cluster(null, "seed-dr", new Director(d.name(), "eth0", List.of("10.10.10.10/24"),
                d.vipInterface(), d.gateway(), "10.10.10.10"), imported.realServers().stream()
                .map(r -> new RealServer(r.name(), r.address() + "/24", "eth0", "10.10.10.1")).toList(),
                imported.services(), null);
        assertThat(Validator.check(completed).hasErrors()).isFalse();
        assertThat(ConfigFile.toJson(completed)).isEqualTo(ConfigFile.toJson(ConfigFile.read(
                Path.of("examples/seed-dr.json"))).replace("\"name\" : \"web\"", "\"name\" : null"));
        Path config = Files.writeString(dir.resolve("seed.json"), ConfigFile.toJson(completed));
        for (String format : List.of("scripts", "keepalived", "lab")) {
            assertThat(generate(config, format, dir.resolve(format))).as(format).isZero();
        }
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return new RenderProperties().validClusters();
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("scripts", "keepalived");
    }

    private static void assertRoundTrip(Cluster original, String format, Path out) throws Exception {
        Importer.Result result = Importer.from(List.of(out.toString()), null, new FakeRunner());
        Knowable.Source source = format.equals("scripts") ? Knowable.Source.RULES : Knowable.Source.KEEPALIVED;
        if (format.equals("lab")) {
            source = original.failover() != null || original.services().stream().anyMatch(s -> s.usesKeepalived())
                    ? Knowable.Source.KEEPALIVED : Knowable.Source.RULES;
        }
        assertThat(result.notes()).noneMatch(n -> n.kind() == Note.Kind.UNREADABLE);
        assertThat(String.join("\n", Knowable.of(result.cluster(), source)))
                .isEqualTo(String.join("\n", Knowable.of(original, source)));
    }

    private static int generate(Path config, String format, Path out) {
        StringWriter ignored = new StringWriter();
        return Main.execute(new String[] {"generate", "--config", config.toString(), "--format", format, "--out",
                out.toString()}, new PrintWriter(ignored), new PrintWriter(ignored));
    }
}
