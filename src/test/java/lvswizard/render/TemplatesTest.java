package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lvswizard.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --templates overrides are strict: what would render wrong is refused with the file and the line. */
class TemplatesTest {
    private static List<RenderedFile> render(Path overrides) {
        return new ScriptsExport().files(Examples.plan("seed-dr"), new Export.Options(Flavour.IPROUTE2,
                Templates.withOverrides(overrides)));
    }

    @Test
    void theBuiltInTemplatesAreOneInstanceCompiledOnce() {
        // the wizard renders its preview again at every change: compiled once, not at each
        assertThat(Templates.packaged()).isSameAs(Templates.packaged());
    }

    @Test
    void theListOfNamesIsTheTemplatesDirectory() throws Exception {
        Path root = Path.of("templates");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted())
                    .containsExactlyElementsOf(Templates.NAMES.stream().sorted().toList());
        }
    }

    /** A typo in a tag printed a blank (ExecStart= start) and the files were written. */
    @Test
    void aValueTheViewDoesNotHaveIsAnErrorWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("unit.service.mustache"), "[Service]\nExecStart={{instalPath}} start\n");
        assertThatThrownBy(() -> render(dir)).isInstanceOf(Templates.TemplateException.class)
                .hasMessage(dir.resolve("unit.service.mustache") + " line 2: {{instalPath}} is not a value this"
                        + " template is given (templates from " + dir + ")");
    }

    /** A tag closed with one brace ran on over the text after it, which vanished. */
    @Test
    void anUnclosedTagIsAnErrorNotSwallowedText(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ipvsadm.rules.mustache"), "# {{cluster} rules\n# of {{cluster}}\n{{#rules}}{{.}}\n{{/rules}}");
        assertThatThrownBy(() -> render(dir)).hasMessageStartingWith(dir.resolve("ipvsadm.rules.mustache")
                + " line 1: a tag is not closed with }} (its name runs on: \"cluster} rules...\")");
        Files.writeString(dir.resolve("ipvsadm.rules.mustache"), "{{#rules}}{{.}}\n");
        assertThatThrownBy(() -> render(dir)).hasMessageContaining("Failed to close 'rules' tag")
                .hasMessageEndingWith("(templates from " + dir + ")");
    }

    /** A directory or a dangling link in a template's place fell back to the built-in template in silence. */
    @Test
    void aDirectoryOrADanglingLinkInATemplatesPlaceIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("director.sh.mustache"));
        assertThatThrownBy(() -> render(dir)).hasMessageStartingWith(dir.resolve("director.sh.mustache")
                + ": is a directory, in place of the template director.sh.mustache");
        Files.delete(dir.resolve("director.sh.mustache"));
        Files.createDirectories(dir.resolve("partials"));
        Files.createSymbolicLink(dir.resolve("partials/common.sh.mustache"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> render(dir)).hasMessageStartingWith(dir.resolve("partials/common.sh.mustache")
                + ": is a link to nothing");
    }

    @Test
    void aFileNamedLikeNoTemplateIsRefusedRatherThanIgnored(@TempDir Path dir) throws Exception {
        assertThat(Templates.overrideProblem(dir)).isNull();
        Files.writeString(dir.resolve("director.mustache"), "x");
        assertThat(Templates.overrideProblem(dir)).startsWith(dir.resolve("director.mustache")
                + ": not the name of a template; the templates are README.txt.mustache, ");
        assertThat(Templates.overrideProblem(dir.resolve("director.mustache"))).endsWith("is not a directory");
    }

    /** Sections stay lenient: one keepalived.conf template serves a single director and a pair. */
    @Test
    void anAbsentSectionIsFalse() {
        assertThat(Templates.packaged().render("ipvsadm.rules.mustache", Map.of("rules", List.of("-A x"))))
                .contains("-A x");
        assertThat(new KeepalivedExport().files(Examples.plan("seed-dr"), Export.Options.of(Flavour.IPROUTE2)))
                .isNotEmpty();
    }
}
