package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import lvswizard.Examples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every numeric range: the bounds are accepted, one step outside is refused with the value named. */
class RangeBoundariesTest {

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("nat-portmap", "/services/0/port", "services[0].port", 0L, 65535L),
                Arguments.of("nat-portmap", "/services/0/backends/0/port", "services[0].backends[0].port", 1L, 65535L),
                Arguments.of("seed-dr", "/services/0/backends/0/weight", "services[0].backends[0].weight", 0L, 65535L),
                Arguments.of("seed-dr", "/services/0/backends/0/upperThreshold",
                        "services[0].backends[0].upperThreshold", 0L, 65535L),
                Arguments.of("seed-dr", "/services/0/backends/0/lowerThreshold",
                        "services[0].backends[0].lowerThreshold", 0L, 65535L),
                Arguments.of("fwmark-https", "/services/0/fwmark", "services[0].fwmark", 1L, 4294967295L),
                Arguments.of("fwmark-https", "/services/0/markPorts/0", "services[0].markPorts[0]", 1L, 65535L),
                Arguments.of("fwmark-https", "/services/0/persistence/timeout", "services[0].persistence.timeout",
                        1L, 2678400L));
    }

    @ParameterizedTest(name = "{1} in {3}..{4}")
    @MethodSource("ranges")
    void boundsAcceptedOutsideRefused(String example, String pointer, String path, long min, long max) {
        for (long ok : List.of(min, max)) {
            assertThat(rangeFindings(example, pointer, path, ok)).as(path + "=" + ok).isEmpty();
        }
        for (long bad : List.of(min - 1, max + 1)) {
            assertThat(rangeFindings(example, pointer, path, bad)).as(path + "=" + bad)
                    .singleElement().extracting(Finding::message).asString().contains(Long.toString(bad));
        }
    }

    private static List<Finding> rangeFindings(String example, String pointer, String path, long value) {
        var tree = Examples.set(Examples.tree(example), pointer, Long.toString(value));
        if (path.endsWith("lowerThreshold")) {
            Examples.set(tree, pointer.replace("lowerThreshold", "upperThreshold"), "65535");
        }
        return Validator.validate(Examples.cluster(tree)).stream()
                .filter(f -> f.rule() == Rule.RANGE && f.path().equals(path)).toList();
    }
}
