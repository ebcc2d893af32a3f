package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab bundles that {@code lab export} writes (the shipped jar), run on the real kernel in one
 * VM boot (scenario lab-bundle): DR with two subnets and a router (the seed), NAT with port
 * mapping over three real servers, TUN (ipip) across subnets, a persistent fwmark service, rr even
 * over three, rr with a weight-0 server, sh sticking to one server, DR over IPv6, a pair of
 * directors with DR and with NAT (lab.sh failover); three negative controls; the VM's own
 * namespace untouched after each down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabBundleVmIT {
    private static final long TIMEOUT_MINUTES = 20;
    private static final List<String> EXAMPLES = List.of("seed-dr", "nat-portmap", "tun-ipip", "fwmark-https",
            "schedulers", "ipv6-dr", "ha-dr", "ha-nat", "tun-types", "tun6");
    private VmLab lab;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path bundles = Files.createTempDirectory("lvs-lab-bundles");
        for (String example : EXAMPLES) {
            Path config = Path.of("examples", example + ".json");
            if (!Files.exists(config)) {
                config = Path.of("src/test/resources/lab", example + ".json");
            }
            Tools.Result export = Jar.run("lab", "export", "--config", config.toString(), "--out",
                    bundles.resolve(example).toString());
            assertThat(export.exitCode()).as(export.output()).isZero();
        }
        Files.writeString(bundles.resolve("order"), String.join("\n", EXAMPLES) + "\n");
        Path files = Files.createTempDirectory("lvs-lab-files");
        Tools.Result tar = Tools.run(List.of("tar", "-C", bundles.toString(), "-cf",
                files.resolve("lab-bundles.tar").toString(), "."));
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        lab = VmLab.boot("lab-bundle", "lab-bundle", files, TIMEOUT_MINUTES, List.of(), Map.of("VM_TIMEOUT", "1100"));
    }

    @Test
    void labPassesAsAWhole() {
        lab.passedAsAWhole();
    }

    @Test
    void everyBundleCameUpBehavedAsConfiguredAndLeftNothingBehind() {
        List<String> required = new ArrayList<>(List.of("up-again-removes-leftovers", "test-n-scales-seed-dr"));
        for (String example : EXAMPLES) {
            required.addAll(List.of("up-" + example, "test-" + example, "down-" + example,
                    "down-leaves-no-namespace-" + example, "host-untouched-" + example));
        }
        lab.passed(required);
    }

    @Test
    void theTrafficIsWhatTheWeightsAndSchedulersPredict() {
        assertThat(lab.lines()).anyMatch(l -> l.matches("\\[seed-dr\\]   rs1 +20 .*expected 20"))
                .anyMatch(l -> l.matches("\\[seed-dr\\]   rs2 +10 .*expected 10"))
                .anyMatch(l -> l.startsWith("[seed-dr]   replies bypass the director (dr): yes"))
                .anyMatch(l -> l.startsWith("[nat-portmap]   replies go back through the director (nat): yes"))
                .anyMatch(l -> l.startsWith("[tun-ipip]   replies bypass the director (tun): yes"))
                .anyMatch(l -> l.startsWith("[fwmark-https]   expected: persistence keeps one client on one real server"))
                .anyMatch(l -> l.startsWith("[fwmark-https]   fwmark 1: the same real server (")
                        && l.endsWith(") as its other port(s): yes"))
                .anyMatch(l -> l.matches("\\[schedulers\\]   rs3 +10 .*expected 10"))
                .anyMatch(l -> l.matches("\\[schedulers\\]   rs3 +0 .*expected 0"))
                .anyMatch(l -> l.startsWith("[schedulers]   expected: sh sends one client's sequential connections"))
                .anyMatch(l -> l.startsWith("[schedulers]   expected: sh hashes the client's source port too"))
                .anyMatch(l -> l.matches("\\[ipv6-dr\\]   rs1 +15 .*expected 15"))
                .anyMatch(l -> l.startsWith("[ipv6-dr]   replies bypass the director (dr): yes"))
                // every tunnel the validator lets through besides tun-ipip's: GUE and GRE over IPv4, GRE
                // (ip6gre0) over IPv6, each at its weight and bypassing the director
                .anyMatch(l -> l.matches("\\[tun-types\\]   site-a +20 .*expected 20"))
                .anyMatch(l -> l.matches("\\[tun-types\\]   site-b +10 .*expected 10"))
                .anyMatch(l -> l.startsWith("[tun-types]   replies bypass the director (tun): yes"))
                .anyMatch(l -> l.matches("\\[tun6\\]   rs1 +20 .*expected 20"))
                .anyMatch(l -> l.matches("\\[tun6\\]   rs2 +10 .*expected 10"))
                .anyMatch(l -> l.startsWith("[tun6]   replies bypass the director (tun): yes"));
    }

    /**
     * nat-portmap (an HTTP check, a sorry server) and fwmark-https (a TCP check that quiesces) run
     * keepalived in the director: a dead real server leaves within interval x retries + one
     * interval and nothing fails after, it comes back, the sorry server answers when all are down,
     * a quiesced one stays at weight 0; lab.sh health and test report it.
     */
    @Test
    void keepalivedTakesADeadRealServerOutAndBringsItBack() {
        lab.passed(List.of("keepalived-health-up", "keepalived-health-reported",
                "keepalived-removes-dead-server", "keepalived-no-request-to-dead-server-after-bound",
                "keepalived-others-answer-all", "keepalived-health-shows-down", "keepalived-brings-server-back",
                "keepalived-server-gets-requests-again", "keepalived-sorry-server-added",
                "keepalived-sorry-server-answers", "keepalived-all-back", "keepalived-inhibit-keeps-weight-0",
                "keepalived-health-shows-weight-0", "keepalived-quiesced-server-back"));
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("[nat-portmap] health checks (keepalived)"))
                .anyMatch(l -> l.matches("\\[nat-portmap\\]   app2 +10\\.10\\.20\\.12:8080 +up \\(weight 1\\)"))
                .anyMatch(l -> l.startsWith("LAB_RESULT keepalived-detection "));
    }

    /**
     * lab.sh failover on the two pairs: the backup takes the VIPs over, requests resume within
     * VRRP's bound, a connection opened before the failover is answered after it (the sync
     * daemon), the first director takes the VIPs back (ha-dr: preemption) or not (ha-nat), and
     * lab.sh test then passes through whichever director is master, NAT replies through the
     * floating gateway included.
     */
    @Test
    void aPairFailsOverInTheLab() {
        lab.passed(List.of("failover-ha-dr", "test-after-failover-ha-dr", "failover-ha-nat",
                "test-after-failover-ha-nat"));
        assertThat(lab.lines())
                .anyMatch(l -> l.startsWith("[ha-dr]   director2 took the VIPs over: yes"))
                .anyMatch(l -> l.startsWith("[ha-dr]   a connection opened before the failover: answered after it"))
                .anyMatch(l -> l.startsWith("[ha-dr]   director took the VIPs back (preemption on): yes"))
                .anyMatch(l -> l.startsWith("[ha-nat]   director2 took the VIPs over: yes"))
                .anyMatch(l -> l.startsWith("[ha-nat]   a connection opened before the failover: answered after it"))
                .anyMatch(l -> l.startsWith("[ha-nat]   director2 keeps the VIPs (no preemption): yes"))
                .anyMatch(l -> l.startsWith("[ha-nat] after the failover: VRRP: director2 is master"))
                .anyMatch(l -> l.startsWith("[ha-nat] after the failover:   replies go back through the director"
                        + " (nat): yes"))
                .anyMatch(l -> l.startsWith("LAB_RESULT lab-failover bundle=ha-dr how=down gap_ms="))
                .anyMatch(l -> l.startsWith("LAB_RESULT lab-failover bundle=ha-nat how=stop gap_ms="));
    }

    @Test
    void negativeControlsAreDetected() {
        assertThat(lab.lines()).contains("NEGATIVE dr-without-arp-fix DETECTED", "NEGATIVE nat-without-gateway DETECTED",
                "NEGATIVE failover-without-connection-sync DETECTED");
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("[ha-dr]   a connection opened before the failover: lost"));
    }
}
