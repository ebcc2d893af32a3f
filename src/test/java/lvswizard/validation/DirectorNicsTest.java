package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import org.junit.jupiter.api.Test;

/** dr-two-nics compares interface names only when both are names: a bad one has its own error. */
class DirectorNicsTest {
    @Test
    void aVipInterfaceWithATrailingSpaceIsAnInterfaceNameErrorNotTwoNics() {
        var tree = Examples.tree("fwmark-https");
        Examples.set(tree, "/director/vipInterface", "\"eth0 \"");
        List<Finding> found = Validator.validate(Examples.cluster(tree));
        assertThat(found).anyMatch(f -> f.rule() == Rule.INTERFACE_NAME && f.path().equals("director.vipInterface"))
                .noneMatch(f -> f.rule() == Rule.DR_TWO_NICS);
    }
}
