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
 * The seed's VS/DR cluster on a real kernel: the shipped jar generates the scripts, the project's
 * QEMU harness (src/test/vm/lab-vm.sh) boots Debian's stock kernel and runs them in network
 * namespaces, and every check it prints must pass. One VM boot per flavour serves all its assertions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeedDrLab {
    private static final long TIMEOUT_MINUTES = 12;
    private static final List<String> REQUIRED_CHECKS = List.of("start-rs1", "start-rs2", "start-director",
            "start-announces-vip", "start-names-saved-table", "start-waits-for-lock", "status-running-rs1",
            "status-running-rs2", "status-running-director", "status-link-down", "answered", "split",
            "arp-director", "arp-only-director", "ipvs-scheduled", "second-start", "stop-director", "stop-rs1",
            "stop-rs2", "stop-restores-sysctls", "stop-removes-vip", "stop-removes-rules", "stop-restores-routes",
            "status-stopped-rs1", "status-stopped-rs2", "status-stopped-director");

    private final String flavour;
    private VmLab lab;

    SeedDrLab(String flavour) {
        this.flavour = flavour;
    }

    @BeforeAll
    void bootTheLab() throws Exception {
        Path scripts = Files.createTempDirectory("lvs-seed-dr");
        Tools.Result generated = Jar.run("generate", "--config", "examples/seed-dr.json", "--out", scripts.toString(),
                "--flavour", flavour);
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        // two labs share the two cores (failsafe's vm execution): room for the slower half of that
        lab = VmLab.boot("seed-dr", "seed-dr-" + flavour, scripts, TIMEOUT_MINUTES, List.of(),
                Map.of("VM_TIMEOUT", "450"));
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
    void weightsTwoToOneSplitThirtyRequestsTwentyToTen() {
        assertThat(lab.lines()).anyMatch(line -> line.startsWith("LAB_RESULT rs1=20 rs2=10 fail=0 conns=30 ")
                && line.contains(" outpkts=0 "));
    }

    @Test
    void removingTheRealServersArpFixIsDetected() {
        assertThat(lab.lines()).contains("NEGATIVE arp-fix-removed DETECTED");
        assertThat(lab.lines()).anyMatch(line -> line.startsWith("LAB_RESULT_NEGATIVE ") && line.contains(" conns=0 "));
    }
}
