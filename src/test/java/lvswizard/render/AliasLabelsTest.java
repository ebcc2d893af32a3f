package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import lvswizard.Examples;
import lvswizard.plan.Plan;
import org.junit.jupiter.api.Test;

class AliasLabelsTest {
    /** A MAC-based name of 15 characters leaves no room for a label: ifconfig would act on the NIC itself. */
    @Test
    void aFifteenCharacterInterfaceCannotCarryNetToolsLabels() {
        Plan plan = Examples.plan(Examples.cluster(Examples.set(Examples.tree("seed-dr"),
                "/director/vipInterface", "\"enx001122334455\"")));
        assertThat(AliasLabels.refusal(plan, Flavour.NET_TOOLS)).isEqualTo("director: VIP 192.168.101.168 needs"
                + " the alias label enx001122334455:8iy0, 20 characters; a label holds at most 15 (IFNAMSIZ), and"
                + " a longer one acts on enx001122334455 itself; use --flavour iproute2, which needs no labels");
        assertThat(AliasLabels.refusal(plan, Flavour.IPROUTE2)).isNull();
        assertThat(new ScriptsExport().refusal(plan, Flavour.NET_TOOLS)).startsWith("director: VIP");
    }

    /** enp0s31f6a:8iy0 to :8iy9 fit (8iy: seed-dr's tag); the eleventh VIP's label would be cut onto another's. */
    @Test
    void theEleventhLabelPastFifteenCharactersDoesNotFit() {
        ObjectNode tree = Examples.set(Examples.tree("seed-dr"), "/director/vipInterface", "\"enp0s31f6a\"");
        assertThat(AliasLabels.refusal(Examples.plan(Examples.cluster(tree)), Flavour.NET_TOOLS)).isNull();
        for (int i = 1; i <= 10; i++) {
            ObjectNode service = Examples.tree("seed-dr").withArray("services").get(0).deepCopy();
            service.put("name", "web" + i).put("vip", "192.168.101." + (200 + i) + "/24");
            tree.withArray("services").add(service);
        }
        Plan plan = Examples.plan(Examples.cluster(tree));
        assertThat(AliasLabels.refusal(plan, Flavour.NET_TOOLS)).startsWith("director: VIP 192.168.101.210 needs the"
                + " alias label enp0s31f6a:8iy10, 16 characters");
        assertThat(AliasLabels.refusal(plan, Flavour.IPROUTE2)).isNull();
    }

    /** A VIP interface written with its label keeps it under iproute2 too, and so must fit there. */
    @Test
    void aLabelledVipInterfaceMustFitWithIproute2() {
        ObjectNode tree = Examples.set(Examples.tree("seed-dr"), "/director/vipInterface", "\"enp0s31f6abcd:0\"");
        for (int i = 1; i <= 10; i++) {
            ObjectNode service = Examples.tree("seed-dr").withArray("services").get(0).deepCopy();
            service.put("name", "web" + i).put("vip", "192.168.101." + (200 + i) + "/24");
            tree.withArray("services").add(service);
        }
        assertThat(AliasLabels.refusal(Examples.plan(Examples.cluster(tree)), Flavour.IPROUTE2))
                .contains("alias label enp0s31f6abcd:10, 16 characters").endsWith("write the VIP interface without a label");
    }
}
