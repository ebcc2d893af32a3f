package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lvswizard.Examples;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import org.junit.jupiter.api.Test;

/** Which side of a pair a director is on, from the VIPs on its VIP interface. */
public class PairStateTest {
    /** ha-dr with a second service on a second VIP: the pair's instance carries both. */
    public static final Plan TWO_VIPS = Examples.plan(Examples.cluster(Examples.set(Examples.tree("ha-dr"), "/services/1",
            "{\"name\":\"www2\",\"protocol\":\"tcp\",\"vip\":\"192.168.101.169/24\",\"port\":80,"
                    + "\"backends\":[{\"realServer\":\"rs1\",\"forwarding\":\"dr\"}]}")));

    @Test
    void masterHoldsEveryVipBackupNoneAndSomeIsASplit() {
        HostNeeds second = HostNeeds.backupDirector(TWO_VIPS);
        Map<String, List<String>> master = Map.of("eth0", List.of("10.10.10.9/24"), "eth1",
                List.of("192.168.101.168/24", "192.168.101.169/24"));
        assertThat(PairState.here(TWO_VIPS, master)).isEqualTo(second);
        assertThat(PairState.of(TWO_VIPS, second, master).text().english())
                .isEqualTo("master: director2 holds the VIPs (192.168.101.168, 192.168.101.169)");
        Map<String, List<String>> backup = Map.of("eth0", List.of("10.10.10.9/24"), "eth1", List.of());
        assertThat(PairState.of(TWO_VIPS, second, backup).backup()).isTrue();
        Map<String, List<String>> split = Map.of("eth0", List.of("10.10.10.9/24"), "eth1",
                List.of("192.168.101.169/24"));
        PairState state = PairState.of(TWO_VIPS, second, split);
        assertThat(state.master() || state.backup()).isFalse();
        assertThat(state.text().english()).isEqualTo("director2 holds 1 of the 2 VIPs (192.168.101.168,"
                + " 192.168.101.169): the pair's instances went apart");
        assertThat(PairState.here(TWO_VIPS, Map.of("eth0", List.of("10.10.10.50/24")))).isNull();
    }

    @Test
    void theDoctorOfAPairSaysWhichSideAndAsplitIsWrong() throws Exception {
        HostNeeds first = HostNeeds.director(TWO_VIPS);
        HostState split = new HostState(Map.of("eth0", List.of("10.10.10.10/24"), "eth1",
                List.of("192.168.101.168/24")), Map.of(), Map.of(), Set.of(), Map.of(), "", null, "0",
                false, Set.of(), Map.of("10.10.10.9", false), Map.of());
        List<String> lines = Doctor.checkKeepalived(first, split, TWO_VIPS, new KeepalivedHost("2.2.7", null, null,
                false, false), "").stream().map(Doctor.Check::toLine).toList();
        assertThat(lines).contains("WRONG  VRRP on director: director holds 1 of the 2 VIPs (192.168.101.168,"
                + " 192.168.101.169): the pair's instances went apart\n       fix: restart keepalived on both"
                + " directors (systemctl restart keepalived); the sync group moves the VIPs together",
                "NOTE   the other director, director2: director2 does not answer at its DIP 10.10.10.9 over eth0:"
                        + " while it is away the pair has no spare director\n       fix: start director2 (lvs-wizard"
                        + " run --role director:director2 start there), or mend the link between the DIPs; check with"
                        + " ping -n -q -c 1 -W 1 -I eth0 10.10.10.9");
    }
}
