package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.imports.Knowable;
import lvswizard.model.Cluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shipped jar itself on a real kernel: the QEMU harness puts it into the guest with a jlink
 * runtime (lab-vm.sh --jar), and scenario jar-seed drives the seed's cluster with
 * {@code run ... start}, {@code monitor --once}, {@code doctor} and {@code run ... undo}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JarRunVmIT {
    private static final long TIMEOUT_MINUTES = 30;
    private static final List<String> REQUIRED_CHECKS = List.of("dry-run-changes-nothing", "jar-start-rs1",
            "jar-start-rs2", "jar-start-director", "command-log", "answered", "split", "arp-only-director",
            "ipvs-scheduled", "monitor-once-stats", "monitor-once-share", "doctor-director", "doctor-rs1",
            "doctor-rs2", "status-director", "import-host", "jar-undo-director", "ka-start", "ka-both-in", "ka-split", "ka-arp-only-director", "ka-status",
            "ka-doctor", "ka-detect", "ka-detect-bound", "ka-others-answer", "ka-monitor-down", "ka-doctor-down",
            "ka-back", "ka-share-again", "ka-undo", "jar-undo-rs2", "jar-undo-rs1",
            "undo-restores-addr", "undo-restores-route", "undo-restores-sysctl", "undo-restores-ipvs");

    private VmLab lab;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path files = Files.createTempDirectory("lvs-jar-seed");
        Files.copy(Path.of("examples/seed-dr.json"), files.resolve("seed-dr.json"));
        // the same cluster with a TCP check, for the director in keepalived mode
        Files.writeString(files.resolve("seed-checked.json"), Examples.json(Examples.set(Examples.tree("seed-dr"),
                "/services/0/healthCheck", "{\"kind\":\"tcp\",\"interval\":2,\"timeout\":1,\"retries\":2,"
                        + "\"onFailure\":\"remove\"}")));
        // a dozen JVM starts under emulation: about 4 minutes on a 2-core machine
        lab = VmLab.boot("jar-seed", "jar-seed", files, TIMEOUT_MINUTES, List.of("--jar", Jar.JAR.toString()),
                Map.of("VM_TIMEOUT", "1700"));
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
    void theDoctorCatchesTheArpFixRemoved() {
        assertThat(lab.lines()).contains("NEGATIVE doctor-arp-fix-removed DETECTED");
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("[rs1:wiz] WRONG  net.ipv4.conf.eth0.arp_ignore: is 0, needs 1"));
    }

    /** import --from host on the started director gives back the configuration, in all the host can know. */
    @Test
    void theRunningDirectorImportsAsItsConfiguration() throws Exception {
        String json = lab.lines().stream().filter(l -> l.startsWith("[imported] "))
                .map(l -> l.substring("[imported] ".length())).collect(Collectors.joining("\n"));
        Cluster imported = ConfigFile.parse(json, "imported.json");
        assertThat(String.join("\n", Knowable.of(imported, Knowable.Source.HOST)))
                .isEqualTo(String.join("\n", Knowable.of(Examples.load("seed-dr"), Knowable.Source.HOST)));
    }

    @Test
    void monitorOnceShowsTheClientsConnections() {
        assertThat(lab.lines()).anyMatch(l -> l.startsWith("CHECK monitor-once-stats PASS exit 0; conns rs1=20 rs2=10"));
    }
}
