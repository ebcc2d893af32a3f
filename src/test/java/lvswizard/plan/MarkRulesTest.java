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
            assertThat(listed.output().lines().filter(l -> l.contains("MARK"))).hasSize(3);
        } finally {
            Tools.run(List.of("ip", "netns", "delete", ns));
        }
    }
}
