package lvswizard.wizard;

import java.util.regex.Pattern;

/** The wizard's steps, in order. Each owns the configuration paths whose findings it shows. */
public enum Step {
    START(null),
    SERVICES(Pattern.compile("^services(\\[\\d+\\](?!\\.backends).*)?$")),
    DIRECTOR(Pattern.compile("^director(\\..*)?$")),
    REAL_SERVERS(Pattern.compile("^(realServers.*|services\\[\\d+\\]\\.backends.*)$")),
    REVIEW(Pattern.compile(".*")),
    PREVIEW(null),
    GENERATE(null);

    private final Pattern owned;

    Step(Pattern owned) {
        this.owned = owned;
    }

    /** Whether a finding at {@code path} belongs to this step's fields. */
    public boolean owns(String path) {
        return owned != null && owned.matcher(path).matches();
    }

    /** Message key of the step's title. */
    public String titleKey() {
        return "step." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public Step next() {
        return this == GENERATE ? this : values()[ordinal() + 1];
    }

    public Step previous() {
        return this == START ? this : values()[ordinal() - 1];
    }
}
