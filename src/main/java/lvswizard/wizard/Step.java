package lvswizard.wizard;

import java.util.Locale;

/**
 * The wizard's steps, in order. Which findings a step shows follows from its fields
 * ({@link Fields#locate}); a finding no field holds is the Review step's.
 */
public enum Step {
    START, SERVICES, DIRECTOR, REAL_SERVERS, REVIEW, PREVIEW, GENERATE;

    /** Message key of the step's title. */
    public String titleKey() {
        return "step." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Step next() {
        return this == GENERATE ? this : values()[ordinal() + 1];
    }

    public Step previous() {
        return this == START ? this : values()[ordinal() - 1];
    }
}
