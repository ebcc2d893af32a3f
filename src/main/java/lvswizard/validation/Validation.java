package lvswizard.validation;

import java.util.List;
import java.util.stream.Collectors;
import lvswizard.plan.Plan;

/**
 * What the validator found, and the plan it built when it found no error: the outputs read the
 * plan, so that nothing is planned (or an address parsed) twice.
 *
 * @param findings every finding, errors and warnings
 * @param plan     the plan, or null when there are errors
 */
public record Validation(List<Finding> findings, Plan plan) {
    public boolean hasErrors() {
        return plan == null;
    }

    /** The plan of a configuration known to be valid; a programming error otherwise, naming the errors. */
    public Plan validPlan() {
        if (plan == null) {
            throw new IllegalStateException("the configuration has errors: " + findings.stream()
                    .filter(Finding::isError).map(Finding::toLine).collect(Collectors.joining("; ")));
        }
        return plan;
    }
}
