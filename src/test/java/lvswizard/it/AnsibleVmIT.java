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
 * The playbook of generate --format ansible brings the whole seed cluster up on a real kernel: the
 * QEMU harness puts python3 and ansible-core into the guest (lab-vm.sh --ansible) and scenario
 * ansible-seed runs site.yml on the director and both real servers (each a network namespace),
 * checks the traffic as the seed's lab does, runs it again (no changes), and stops every script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsibleVmIT {
    private static final long TIMEOUT_MINUTES = 20;
    private static final List<String> REQUIRED_CHECKS = List.of("playbook-first", "status-running-rs1",
            "status-running-rs2", "status-running-director", "answered", "split", "arp-director", "arp-only-director",
            "ipvs-scheduled", "playbook-second-changes-nothing", "stop-director", "stop-rs1", "stop-rs2",
            "stop-restores-everything");

    private VmLab lab;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path work = Files.createTempDirectory("lvs-ansible-seed");
        Path bundle = work.resolve("playbook");
        Tools.Result generated = Jar.run("generate", "-c", "examples/seed-dr.json", "--format", "ansible", "-o",
                bundle.toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        Path files = Files.createDirectories(work.resolve("files"));
        Tools.Result packed = Tools.run(List.of("tar", "-C", bundle.toString(), "--exclude=.lvs-wizard*", "-cf",
                files.resolve("ansible-seed.tar").toString(), "."));
        assertThat(packed.exitCode()).as(packed.output()).isZero();
        // ansible-playbook twice under emulation, three hosts: about 6 minutes on a 2-core machine
        lab = VmLab.boot("ansible-seed", "ansible-seed", files, TIMEOUT_MINUTES, List.of("--ansible"),
                Map.of("VM_TIMEOUT", "1100"));
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
}
