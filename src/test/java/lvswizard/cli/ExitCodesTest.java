package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import lvswizard.line.LineWizard;
import org.junit.jupiter.api.Test;

/** Line mode ends with the codes the commands and the full-screen wizard use. */
class ExitCodesTest {
    @Test
    void eachLineModeOutcomeHasTheCommandsCode() {
        assertThat(ExitCodes.of(LineWizard.Outcome.WRITTEN)).isZero();
        assertThat(ExitCodes.of(LineWizard.Outcome.ERRORS_LEFT)).isEqualTo(1);
        assertThat(ExitCodes.of(LineWizard.Outcome.UNUSABLE_OUTPUT)).isEqualTo(2);
        assertThat(ExitCodes.of(LineWizard.Outcome.INPUT_ENDED)).isEqualTo(2);
        assertThat(ExitCodes.of(LineWizard.Outcome.INTERRUPTED)).as("Ctrl-C, as full screen").isEqualTo(130);
    }
}
