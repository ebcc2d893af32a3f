package lvswizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import lvswizard.Examples;
import lvswizard.Tools;
import org.junit.jupiter.api.Test;

/**
 * A fwmark service's MARK rules as the director's script, preflight and doctor get them from
 * HostNeeds: iptables' multiport match takes at most 15 ports, so a service with more gets one rule
 * per 15, and the real iptables (in a network namespace of this test's own) accepts each of them.
 */
class MarkRulesTest {
    private static Plan withPorts(int count) {
        String ports = String.join(",", IntStream.rangeClosed(1, count).map(p -> 8000 + p).mapToObj(String::valueOf)
                .toList());
        return Examples.plan(Examples.cluster(Examples.set(Examples.tree("fwmark-https"), "/services/0/markPorts",
                "[" + ports + "]")));
    }

    @Test
    void twentyPortsMakeTwoRulesOfFifteenAndFive() {
        List<HostNeeds.MarkRule> marks = HostNeeds.director(withPorts(20)).marks();
        assertThat(marks).hasSize(2);
        assertThat(String.join(" ", marks.get(0).spec())).contains("--dports 8001,8002,8003,8004,8005,8006,8007,8008,"
                + "8009,8010,8011,8012,8013,8014,8015 ");
        assertThat(String.join(" ", marks.get(1).spec())).contains("--dports 8016,8017,8018,8019,8020 ");
        assertThat(HostNeeds.director(withPorts(15)).marks()).hasSize(1);
        assertThat(HostNeeds.director(withPorts(16)).marks()).hasSize(2)
                .last().satisfies(m -> assertThat(m.spec()).containsSubsequence("-m", "tcp", "--dport", "8016"));
    }

    /** Container runtimes and policy routing keep their own bits in the mark: the rules set only the cluster's. */
    @Test
    void theRulesSetOnlyTheBitsOfTheClustersLargestMark() {
        assertThat(HostNeeds.director(withPorts(2)).marks().get(0).spec()).endsWith("-j", "MARK", "--set-mark", "1/0x1");
        Plan marks300 = Examples.plan(Examples.cluster(Examples.set(Examples.tree("fwmark-https"), "/services/0/fwmark",
                "300")));
        assertThat(HostNeeds.markMask(marks300)).isEqualTo(0x1ff);
        assertThat(HostNeeds.director(marks300).marks().get(0).spec()).endsWith("--set-mark", "300/0x1ff");
        assertThat(HostNeeds.markMask(Examples.plan("seed-dr"))).isZero();
        Plan marks256 = Examples.plan(Examples.cluster(Examples.set(Examples.tree("fwmark-https"), "/services/0/fwmark",
                "256")));
        assertThat(HostNeeds.markMask(marks256)).isEqualTo(0x1ff);
    }

    @Test
    void theRealIptablesAcceptsEveryRule() throws Exception {
        String ns = "lvsw-test-marks";
        Tools.run(List.of("ip", "netns", "delete", ns));
        Tools.Result add = Tools.run(List.of("ip", "netns", "add", ns));
        assertThat(add.exitCode()).as("root and ip netns: " + add.output()).isZero();
        try {
            for (HostNeeds.MarkRule mark : HostNeeds.director(withPorts(40)).marks()) {
                List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns, mark.tool(), "-t", "mangle",
                        "-A", "PREROUTING"));
                argv.addAll(mark.spec());
                Tools.Result applied = Tools.run(argv);
                assertThat(applied.exitCode()).as(String.join(" ", argv) + ": " + applied.output()).isZero();
            }
            Tools.Result listed = Tools.run(List.of("ip", "netns", "exec", ns, "iptables", "-t", "mangle", "-S",
                    "PREROUTING"));
            // the kernel's own form: set bit 0 only (fwmark 1), every other bit of the packet's mark kept
            assertThat(listed.output().lines().filter(l -> l.contains("MARK"))).hasSize(3)
                    .allMatch(l -> l.endsWith("-j MARK --set-xmark 0x1/0x1"));
        } finally {
            Tools.run(List.of("ip", "netns", "delete", ns));
        }
    }
}
