package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines warm Jackson and the validator up beside picocli. */
class ConfigWarmUpTest {
    @Test
    void theCommandsThatReadAConfigurationAndNothingElse() {
        assertThat(ConfigWarmUp.wanted(new String[] {"generate", "--config", "a.json"})).isTrue();
        assertThat(ConfigWarmUp.wanted(new String[] {"validate"})).isTrue();
        assertThat(ConfigWarmUp.wanted(new String[] {})).as("the wizard: no Jackson before its first frame").isFalse();
        assertThat(ConfigWarmUp.wanted(new String[] {"--version"})).isFalse();
        assertThat(ConfigWarmUp.wanted(new String[] {"lint", "director.sh"})).as("reads scripts, not JSON").isFalse();
    }

    @Test
    void everyNamedCommandIsOneOfTheCommandLines() {
        assertThat(Main.commandLine().getSubcommands().keySet()).containsAll(ConfigWarmUp.COMMANDS);
    }
}
