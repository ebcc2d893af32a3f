package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import lvswizard.Examples;
import org.junit.jupiter.api.Test;

/** rr and lc with weights that differ: the weights say what the director will not do. */
class UnweightedSchedulerTest {
    private static List<Finding> withScheduler(String scheduler, int first, int second) {
        ObjectNode tree = Examples.tree("seed-dr");
        Examples.set(tree, "/services/0/scheduler", "\"" + scheduler + "\"");
        Examples.set(tree, "/services/0/backends/0/weight", String.valueOf(first));
        Examples.set(tree, "/services/0/backends/1/weight", String.valueOf(second));
        return Validator.validate(Examples.cluster(tree)).stream()
                .filter(f -> f.rule() == Rule.UNWEIGHTED_SCHEDULER).toList();
    }

    @Test
    void rrWithWeightsThatDifferNamesTheWeightsAndItsWeightedTwin() {
        assertThat(withScheduler("rr", 3, 1)).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("services[0].scheduler");
            assertThat(f.message(Locale.ENGLISH)).isEqualTo(
                    "rr ignores weights, and the real servers have weights 1/3: use wrr to share by weight, or give them one weight");
        });
        assertThat(withScheduler("lc", 2, 1)).singleElement()
                .satisfies(f -> assertThat(f.message(Locale.ENGLISH)).contains("use wlc"));
    }

    @Test
    void equalWeightsWeightZeroAndWeightedSchedulersSayNothing() {
        assertThat(withScheduler("rr", 2, 2)).isEmpty();
        assertThat(withScheduler("rr", 1, 0)).as("weight 0 quiesces under rr too").isEmpty();
        assertThat(withScheduler("wrr", 3, 1)).isEmpty();
        assertThat(withScheduler("wlc", 3, 1)).isEmpty();
    }
}
