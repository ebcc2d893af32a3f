package lvswizard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.Examples;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Forwarding;
import lvswizard.model.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {

    static java.util.List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loadSaveLoadIsIdentical(String name) throws Exception {
        Cluster first = Examples.load(name);
        String saved = ConfigFile.toJson(first);
        Cluster second = ConfigFile.parse(saved, "saved");
        assertThat(second).isEqualTo(first);
        assertThat(ConfigFile.toJson(second)).isEqualTo(saved);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesAreStoredInTheCanonicalSortedForm(String name) throws Exception {
        String text = Files.readString(Examples.file(name));
        assertThat(ConfigFile.toJson(Examples.load(name))).isEqualTo(text);
    }

    @Test
    void savedFileRecordsDefaultsAndBlanks() {
        String json = ConfigFile.toJson(Examples.load("seed-dr"));
        assertThat(json).contains("\"upperThreshold\" : 0", "\"fwmark\" : null", "\"schedulerFlags\" : [ ]",
                "\"version\" : 1");
        assertThat(json.indexOf("\"director\"")).isLessThan(json.indexOf("\"services\""));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() throws Exception {
        Cluster cluster = ConfigFile.parse("{\"services\":[{\"vip\":\"10.0.0.1\",\"port\":80,"
                + "\"backends\":[{\"realServer\":\"a\"}]}]}", "t");
        assertThat(cluster.version()).isEqualTo(1);
        assertThat(cluster.services().get(0).scheduler()).isEqualTo(Scheduler.WLC);
        Backend backend = cluster.services().get(0).backends().get(0);
        assertThat(backend.weight()).isEqualTo(1);
        assertThat(backend.forwarding()).isEqualTo(Forwarding.DR);
    }

    @Test
    void unknownKeyNamesPathLineColumnAndTheKnownKeys() {
        assertThatThrownBy(() -> ConfigFile.parse("{\n  \"services\": [ {\n    \"prot\": \"tcp\" } ] }", "c.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.json:3:")
                .hasMessageContaining("services[0].prot: unknown key \"prot\"; expected one of")
                .hasMessageContaining("protocol")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void wrongTypeNamesPathAndExpectation() {
        assertThatThrownBy(() -> ConfigFile.parse("{\"services\":[{\"port\":\"eighty\"}]}", "c.json"))
                .hasMessageStartingWith("c.json:1:")
                .hasMessageContaining("services[0].port: expected a whole number")
                .hasMessageContaining("eighty");
    }

    @Test
    void booleanWhereANumberBelongsIsRefused() {
        assertThatThrownBy(() -> ConfigFile.parse("{\"services\":[{\"fwmark\":true}]}", "c.json"))
                .hasMessageContaining("services[0].fwmark: expected a whole number, found true/false");
    }

    @Test
    void unknownEnumValueListsTheChoices() {
        assertThatThrownBy(() -> ConfigFile.parse("{\"services\":[{\"scheduler\":\"fastest\"}]}", "c.json"))
                .hasMessageContaining("services[0].scheduler: \"fastest\" is not allowed; expected one of rr, wrr,"
                        + " lc, wlc, lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh, twos");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        assertThatThrownBy(() -> ConfigFile.parse("{\n \"name\": \"x\",\n}", "c.json"))
                .hasMessageStartingWith("c.json:3:1: malformed JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyFileIsReported() {
        assertThatThrownBy(() -> ConfigFile.parse("", "c.json")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.json");
    }

    @Test
    void missingFileIsOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("none.json")))
                .hasMessage(dir.resolve("none.json") + ": no such file");
    }

    @Test
    void interfaceIsTheJsonKeyOfTheRealServerInterface() throws Exception {
        Cluster cluster = ConfigFile.parse("{\"realServers\":[{\"name\":\"a\",\"interface\":\"eth7\"}]}", "t");
        assertThat(cluster.realServers().get(0).iface()).isEqualTo("eth7");
        assertThat(ConfigFile.toJson(cluster)).contains("\"interface\" : \"eth7\"").doesNotContain("iface");
    }

    /** Every file in examples/ is a shipped example: the wizard opens it without letting a save overwrite it. */
    @Test
    void theShippedExamplesAreEveryFileInExamples() {
        assertThat(ConfigFile.EXAMPLES).containsExactlyInAnyOrderElementsOf(lvswizard.Examples.names());
    }

    /** Input that is not a configuration: one line naming the file, never read to the end or decoded loosely. */
    @Test
    void hugeBinaryOrBomInputIsHandledInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigFile.read(Path.of("/dev/zero"))).isInstanceOf(ConfigException.class)
                .hasMessage("/dev/zero: larger than 64 MiB: not a cluster configuration");
        Path binary = Files.write(dir.resolve("bin.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertThatThrownBy(() -> ConfigFile.read(binary)).isInstanceOf(ConfigException.class)
                .hasMessage(binary + ": not UTF-8 text: a configuration is JSON in UTF-8");
        Path bom = Files.writeString(dir.resolve("bom.json"), "\uFEFF" + Files.readString(Examples.file("seed-dr")));
        assertThat(ConfigFile.read(bom)).isEqualTo(ConfigFile.read(Examples.file("seed-dr")));
    }

    /** Wrong types are refused, not coerced; null in a list, a duplicate key and NaN each say so plainly. */
    @Test
    void wrongTypesNullsInListsAndDuplicateKeysAreRefusedWithTheirPath() throws Exception {
        String seed = Files.readString(Examples.file("seed-dr"));
        assertThatThrownBy(() -> ConfigFile.parse(seed.replace("\"name\" : \"seed-dr\"", "\"name\" : 7"), "c.json"))
                .hasMessageContaining("c.json:").hasMessageContaining("name: expected a string");
        assertThatThrownBy(() -> ConfigFile.parse(seed.replace("\"vipInterface\" : \"eth1\"", "\"vipInterface\" : 1.5"),
                "c.json")).hasMessageContaining("director.vipInterface: expected a string");
        assertThatThrownBy(() -> ConfigFile.parse(seed.replace("\"services\" : [", "\"services\" : [ null,"), "c.json"))
                .hasMessageContaining("services[0]").hasMessageNotContaining("lvswizard.model")
                .hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> ConfigFile.parse(seed.replace("\"name\" : \"seed-dr\",",
                "\"name\" : \"a\", \"name\" : \"b\","), "c.json")).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> ConfigFile.parse(seed.replace("\"version\" : 1", "\"version\" : NaN"), "c.json"))
                .hasMessageContaining("malformed JSON: Non-standard token 'NaN'").hasMessageNotContaining("JsonReadFeature");
    }
}
