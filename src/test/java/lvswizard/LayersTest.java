package lvswizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No arrow upward: a package imports only packages of a lower layer. model and text at the bottom,
 * then plan, validation, render (and config), exec/output/ipvs/lab, ops/wizard, tui/line, cli.
 */
class LayersTest {
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("model", 0), Map.entry("text", 0),
            Map.entry("plan", 1),
            Map.entry("validation", 2),
            Map.entry("render", 3), Map.entry("config", 3),
            Map.entry("exec", 4), Map.entry("output", 4), Map.entry("ipvs", 4), Map.entry("lab", 4),
            Map.entry("ansible", 4),
            Map.entry("ops", 5), Map.entry("wizard", 5), Map.entry("imports", 5),
            Map.entry("tui", 6), Map.entry("line", 6),
            Map.entry("cli", 7));

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        Path root = Path.of("src/main/java/lvswizard");
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = root.relativize(source).getName(0).toString();
                assertThat(LAYER).as("the layer of package " + own).containsKey(own);
                for (String line : Files.readAllLines(source)) {
                    if (!line.startsWith("import lvswizard.")) {
                        continue;
                    }
                    String other = line.substring("import lvswizard.".length()).split("\\.")[0];
                    if (!other.equals(own)) {
                        assertThat(LAYER.get(other)).as(source + ": " + line + " (" + own + " may import only"
                                + " layers below " + LAYER.get(own) + ")").isLessThan(LAYER.get(own));
                    }
                }
            }
        }
    }

    /** Only the validator plans: everything else reads the plan it returns, so no address is parsed twice. */
    @Test
    void onlyTheValidatorBuildsAPlan() throws IOException {
        Path root = Path.of("src/main/java/lvswizard");
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean validator = source.endsWith(Path.of("validation", "Validator.java"));
                assertThat(Files.readString(source).contains("Plan.build(")).as(source.toString()).isEqualTo(validator);
            }
        }
    }
}
