package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import lvswizard.Examples;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a session starts, where it may save, and which file it offers next time. */
class OpeningTest {
    private static final Messages EN = Messages.of(Language.EN);

    @Test
    void aFileThatDoesNotExistYetIsANewConfigurationSavedThere(@TempDir Path dir) throws Exception {
        Draft draft = Opening.openOrCreate(dir.resolve("new.json"));
        assertThat(draft.configPath()).isEqualTo(dir.resolve("new.json"));
        assertThat(draft.cluster()).isEqualTo(Edits.newCluster());
        assertThat(ConfigFile.toJson(draft.cluster())).as("nothing of the example")
                .doesNotContain("192.168.101", "10.10.10", "seed-dr", "\"web\"");
        assertThat(Validator.validate(draft.cluster())).as("what the operator must still say")
                .extracting(f -> f.path()).contains("services[0].vip", "director.dips");
        assertThatThrownBy(() -> Opening.openOrCreate(dir.resolve("missing/new.json")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist to create it in");
    }

    @Test
    void aShippedExampleOpensWithoutAFileToSaveToAndCannotBeChosenAsOne(@TempDir Path dir) throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Path shipped = Files.copy(Examples.file("nat-portmap"), examples.resolve("nat-portmap.json"));
        Path mine = Files.copy(Examples.file("nat-portmap"), examples.resolve("mine.json"));
        assertThat(Opening.open(shipped).configPath()).isNull();
        assertThat(Opening.open(mine).configPath()).isEqualTo(mine);
        assertThat(Opening.saveProblem(shipped.toString(), EN)).contains("is a shipped example");
        assertThat(Opening.saveProblem(examples.toString(), EN)).contains("is a directory");
        assertThat(Opening.saveProblem(dir.resolve("nowhere/x.json").toString(), EN)).contains("does not exist");
        assertThat(Opening.saveProblem(dir.resolve("x.json").toString(), EN)).isNull();
        assertThat(Opening.example().configPath()).isNull();
    }

    @Test
    void theFileUsedLastIsOfferedOnlyFromAFileNobodyElseMayWrite(@TempDir Path dir) throws Exception {
        Recent recent = Recent.fromEnvironment(java.util.Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()));
        Path config = Files.copy(Examples.file("seed-dr"), dir.resolve("c.json"));
        assertThat(recent.last()).isEmpty();
        recent.remember(config);
        assertThat(recent.last()).contains(config.toAbsolutePath());
        Path file = dir.resolve("config/lvs-wizard/recent");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(recent.last()).as("a recent file others may write is ignored").isEmpty();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.delete(config);
        assertThat(recent.last()).as("a file that is gone is not offered").isEmpty();
        assertThat(Recent.none().last()).isEmpty();
    }
}
