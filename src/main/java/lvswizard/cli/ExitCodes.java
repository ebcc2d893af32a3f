package lvswizard.cli;

import lvswizard.line.LineWizard;

/** The process exit codes every command shares. */
final class ExitCodes {
    static final int OK = 0;
    static final int VALIDATION_ERRORS = 1;
    static final int UNUSABLE_INPUT = 2;
    /** LSB init-script codes (run passes the script's own codes through, so its own refusals speak the same way). */
    static final int LSB_STATUS_UNKNOWN = 4;
    static final int LSB_NOT_INSTALLED = 5;
    static final int INTERNAL = 70;
    /** Ctrl-C, as a shell reports a process ended by SIGINT (128 + 2); the full-screen wizard too. */
    static final int INTERRUPTED = 130;

    /** run ACTION when this role's script is not there: status is "unknown", every other action "not installed". */
    static int scriptMissing(String action) {
        return action.equals("status") ? LSB_STATUS_UNKNOWN : LSB_NOT_INSTALLED;
    }

    /** Line mode ends as the commands do: errors left 1, an unusable output directory or input 2, Ctrl-C 130. */
    static int of(LineWizard.Outcome outcome) {
        return switch (outcome) {
            case WRITTEN -> OK;
            case ERRORS_LEFT -> VALIDATION_ERRORS;
            case UNUSABLE_OUTPUT, INPUT_ENDED -> UNUSABLE_INPUT;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    private ExitCodes() {
    }
}
