package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A pair of directors on a real kernel: the shipped jar writes examples/ha-dr.json's keepalived
 * files, the QEMU harness runs each director's script and keepalived with its own file in its own
 * namespace, and scenario ha-pair fails the master (its links down, then its keepalived stopped)
 * while a client sends requests: the backup must take the VIP, the client's ARP entry must move
 * and the requests resume; then the first director takes the VIP back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaPairVmIT {
    private static final long TIMEOUT_MINUTES = 12;
    private static final List<String> REQUIRED_CHECKS = List.of("ha-start-rs1", "ha-start-rs2", "ha-start-director",
            "ha-start-director2", "ha-scripts-leave-the-vip", "ha-first-is-master", "ha-backup-stays-backup",
            "ha-backup-has-the-services", "ha-split", "ha-client-arp-master", "ha-only-master-answers-arp",
            "ha-backup-takes-the-vip", "ha-client-arp-moves", "ha-requests-resume", "ha-failover-in-bound",
            "ha-backup-balances", "ha-preempt-after-links", "ha-graceful-handover", "ha-preempt",
            "ha-back-on-the-first");

    private VmLab lab;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path files = Files.createTempDirectory("lvs-ha-pair");
        Tools.Result generated = Jar.run("generate", "--config", "examples/ha-dr.json", "--format", "keepalived",
                "--out", files.toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        // two labs share the two cores (failsafe's vm execution): room for the slower half of that
        lab = VmLab.boot("ha-pair", "ha-pair", files, TIMEOUT_MINUTES, List.of(), Map.of("VM_TIMEOUT", "450"));
    }

    @Test
    void labPassesAsAWhole() {
        lab.passedAsAWhole();
    }

    @Test
    void everyCheckRanAndPassed() {
        lab.passed(REQUIRED_CHECKS);
    }

    @Test
    void theFailoverIsMeasured() {
        assertThat(lab.lines()).anyMatch(line -> line.startsWith("LAB_RESULT ha-failover how=down advert_int_s=1 ")
                && line.contains(" first_answer_ms="));
        assertThat(lab.lines()).anyMatch(line -> line.startsWith("LAB_RESULT ha-failover how=stop "));
    }
}
