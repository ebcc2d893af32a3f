package lvswizard.cli;

/** The process exit codes every command shares. */
final class ExitCodes {
    static final int OK = 0;
    static final int VALIDATION_ERRORS = 1;
    static final int UNUSABLE_INPUT = 2;
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
