package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lvswizard.Examples;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The playbook of generate --format ansible brings the whole seed cluster up on a real kernel: the
 * QEMU harness puts python3 and ansible-core into the guest (lab-vm.sh --ansible) and scenario
 * ansible-seed runs site.yml on the director and both real servers (each a network namespace),
 * checks the traffic as the seed's lab does and runs it again (no changes); then the directors' play of
 * the same cluster with a health check moves the running director to keepalived (started by the
 * playbook, reloaded when its file changes, a file keepalived -t refuses never installed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsibleVmIT {
    private static final long TIMEOUT_MINUTES = 30;
    private static final List<String> REQUIRED_CHECKS = List.of("playbook-first", "status-running-rs1",
            "status-running-rs2", "status-running-director", "answered", "split", "arp-director", "arp-only-director",
            "ipvs-scheduled", "playbook-second-changes-nothing", "ka-playbook", "ka-split",
            "ka-refused-conf-not-installed", "ka-reloaded", "ka-stop-director", "ka-stop-rs1", "ka-stop-rs2",
            "ka-stop-restores-everything");

    private VmLab lab;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path work = Files.createTempDirectory("lvs-ansible-seed");
        Path files = Files.createDirectories(work.resolve("files"));
        packedPlaybook(Path.of("examples/seed-dr.json"), work.resolve("seed"), files.resolve("ansible-seed.tar"));
        // the same cluster with a TCP check: its playbook runs keepalived on the director
        Path checked = work.resolve("seed-checked.json");
        Files.writeString(checked, Examples.json(Examples.set(Examples.tree("seed-dr"), "/services/0/healthCheck",
                "{\"kind\":\"tcp\",\"interval\":2,\"timeout\":1,\"retries\":2,\"onFailure\":\"remove\"}")));
        packedPlaybook(checked, work.resolve("checked"), files.resolve("ansible-checked.tar"));
        // ansible-playbook twice under emulation, three hosts: about 6 minutes on a 2-core machine
        lab = VmLab.boot("ansible-seed", "ansible-seed", files, TIMEOUT_MINUTES, List.of("--ansible"),
                Map.of("VM_TIMEOUT", "1700"));
    }

    private static void packedPlaybook(Path config, Path dir, Path tar) throws Exception {
        Tools.Result generated = Jar.run("generate", "-c", config.toString(), "--format", "ansible", "-o", dir.toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        Tools.Result packed = Tools.run(List.of("tar", "-C", dir.toString(), "--exclude=.lvs-wizard*", "-cf",
                tar.toString(), "."));
        assertThat(packed.exitCode()).as(packed.output()).isZero();
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
    void thePlaybookSplitsTheClientsRequestsByWeight() {
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("CHECK split PASS rs1=20 rs2=10"));
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("CHECK playbook-second-changes-nothing PASS exit 0; changed 0"));
    }

    /** keepalived -t on the director refuses a broken keepalived.conf before it replaces the running one. */
    @Test
    void aKeepalivedConfKeepalivedRefusesIsNotInstalled() {
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("CHECK ka-refused-conf-not-installed PASS")
                && l.contains("installed file unchanged; keepalived still runs"));
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("[ansible] ") && l.contains("failed to validate"));
    }
}
