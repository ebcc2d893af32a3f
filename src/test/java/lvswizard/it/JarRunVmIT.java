package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lvswizard.Examples;
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
    private static final long TIMEOUT_MINUTES = 15;
    private static final List<String> REQUIRED_CHECKS = List.of("dry-run-changes-nothing", "jar-start-rs1",
            "jar-start-rs2", "jar-start-director", "command-log", "answered", "split", "arp-only-director",
            "ipvs-scheduled", "monitor-once-stats", "monitor-once-share", "doctor-director", "doctor-rs1",
            "doctor-rs2", "status-director", "jar-undo-director", "ka-start", "ka-both-in", "ka-split", "ka-status",
            "ka-doctor", "ka-detect", "ka-detect-bound", "ka-others-answer", "ka-monitor-down", "ka-doctor-down",
            "ka-back", "ka-share-again", "ka-undo", "jar-undo-rs2", "jar-undo-rs1",
            "undo-restores-addr", "undo-restores-route", "undo-restores-sysctl", "undo-restores-ipvs");

    private final Path log = Path.of("target/vm/jar-seed.log");
    private int exitCode;
    private List<String> lines;

    @BeforeAll
    void bootTheLab() throws Exception {
        Path files = Files.createTempDirectory("lvs-jar-seed");
        Files.copy(Path.of("examples/seed-dr.json"), files.resolve("seed-dr.json"));
        // the same cluster with a TCP check, for the director in keepalived mode
        Files.writeString(files.resolve("seed-checked.json"), Examples.json(Examples.set(Examples.tree("seed-dr"),
                "/services/0/healthCheck", "{\"kind\":\"tcp\",\"interval\":2,\"timeout\":1,\"retries\":2,"
                        + "\"onFailure\":\"remove\"}")));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", "src/test/vm/lab-vm.sh", "--scenario", "jar-seed",
                "--scripts", files.toString(), "--jar", Jar.JAR.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // a dozen JVM starts under emulation: about 4 minutes on a 2-core machine
        builder.environment().put("VM_TIMEOUT", "720");
        Process lab = builder.start();
        lab.getOutputStream().close();
        if (!lab.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            lab.descendants().forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
            throw new AssertionError("the lab did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        exitCode = lab.exitValue();
        lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    @Test
    void labPassesAsAWhole() {
        assertThat(lines).as("see " + log).contains("LAB_VERDICT PASS");
        assertThat(exitCode).as("lab-vm.sh exit code; see " + log).isZero();
    }

    @Test
    void everyCheckRanAndPassed() {
        for (String check : REQUIRED_CHECKS) {
            assertThat(lines).as("check " + check + " in " + log)
                    .anyMatch(line -> line.startsWith("CHECK " + check + " PASS"));
        }
        assertThat(lines).noneMatch(line -> line.startsWith("CHECK ") && line.contains(" FAIL"));
    }

    @Test
    void theDoctorCatchesTheArpFixRemoved() {
        assertThat(lines).contains("NEGATIVE doctor-arp-fix-removed DETECTED");
        assertThat(lines).anyMatch(l -> l.startsWith("[rs1:wiz] WRONG  net.ipv4.conf.eth0.arp_ignore: is 0, needs 1"));
    }

    @Test
    void monitorOnceShowsTheClientsConnections() {
        assertThat(lines).anyMatch(l -> l.startsWith("CHECK monitor-once-stats PASS exit 0; conns rs1=20 rs2=10"));
    }
}
