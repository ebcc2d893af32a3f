package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(FakeHost host, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), host);
    }

    @Test
    void exportWritesAStandaloneBundle(@TempDir Path dir) throws Exception {
        FakeHost host = new FakeHost();
        assertThat(run(host, "lab", "export", "--config", "examples/seed-dr.json", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("lab.sh")).isExecutable();
        assertThat(dir.resolve("scripts/director.sh")).isExecutable();
        assertThat(dir.resolve("scripts/realserver-rs2.sh")).exists();
        assertThat(Files.readString(dir.resolve("lab.sh"))).contains("lvsw-router", "'rs1=20' 'rs2=10'");
        assertThat(host.commands()).as("export runs nothing").isEmpty();
    }

    @Test
    void upWritesTheBundleThenRunsItAndPassesItsExitCodeThrough(@TempDir Path dir) {
        FakeHost host = new FakeHost();
        host.scripts = c -> FakeRunner.exit(c, 1, "lab: error: must run as root\n", "");
        Path bundle = dir.resolve("lab");
        assertThat(run(host, "lab", "up", "--config", "examples/nat-portmap.json", "--dir", bundle.toString()))
                .isEqualTo(1);
        assertThat(host.displays()).containsExactly("bash " + bundle.toAbsolutePath().resolve("lab.sh") + " up");
        assertThat(out.toString()).contains("lab: error: must run as root");
    }

    @Test
    void testAndDownRunTheBundle(@TempDir Path dir) {
        FakeHost host = new FakeHost();
        Path bundle = dir.resolve("lab");
        assertThat(run(host, "lab", "export", "--config", "examples/seed-dr.json", "--out", bundle.toString())).isZero();
        assertThat(run(host, "lab", "test", "--dir", bundle.toString(), "-n", "12")).isZero();
        assertThat(run(host, "lab", "down", "--dir", bundle.toString())).isZero();
        String lab = bundle.toAbsolutePath().resolve("lab.sh").toString();
        assertThat(host.displays()).containsExactly("bash " + lab + " test 12", "bash " + lab + " down");
    }

    @Test
    void failoverRunsThePairsBundleAndRefusesALabOfOneDirector(@TempDir Path dir) {
        FakeHost host = new FakeHost();
        Path pair = dir.resolve("pair");
        assertThat(run(host, "lab", "export", "--config", "examples/ha-dr.json", "--out", pair.toString())).isZero();
        assertThat(run(host, "lab", "failover", "--dir", pair.toString(), "--how", "stop")).isZero();
        assertThat(host.displays()).containsExactly("bash " + pair.toAbsolutePath().resolve("lab.sh") + " failover stop");
        Path single = dir.resolve("single");
        assertThat(run(host, "lab", "export", "--config", "examples/seed-dr.json", "--out", single.toString())).isZero();
        assertThat(run(host, "lab", "failover", "--dir", single.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lvs-wizard: the lab in " + single + " has one director: failover needs a"
                + " pair (a configuration with \"failover\")\n");
        err.getBuffer().setLength(0);
        assertThat(run(host, "lab", "failover", "--dir", pair.toString(), "--how", "crash")).isEqualTo(2);
        assertThat(err.toString()).contains("--how", "crash", "down, stop").doesNotContain("Exception");
        assertThat(host.displays()).hasSize(1);
    }

    /**
     * lab test/down/failover run what is in the directory as root: a lab.sh that lvs-wizard did not
     * write, or a bundle another user could have changed, is refused in one line and nothing runs.
     */
    @Test
    void aBundleThatIsNotOursOrThatOthersCanWriteIsNotRun(@TempDir Path dir) throws Exception {
        assertThat(lvswizard.output.TrustedDirectory.currentUid()).as("these checks are made as root").isZero();
        FakeHost host = new FakeHost();
        Path bundle = dir.resolve("lab");
        assertThat(run(host, "lab", "export", "--config", "examples/seed-dr.json", "--out", bundle.toString())).isZero();
        String labSh = Files.readString(bundle.resolve("lab.sh"));
        Files.writeString(bundle.resolve("lab.sh"), "#!/bin/bash\nrm -rf /\n");
        assertThat(run(host, "lab", "test", "--dir", bundle.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lvs-wizard: " + bundle.resolve("lab.sh") + " is not a lab bundle that"
                + " lvs-wizard wrote (its first lines say so); nothing was run: write one with lab up or lab export\n");
        Files.writeString(bundle.resolve("lab.sh"), labSh);
        Path script = bundle.resolve("scripts/director.sh");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        err.getBuffer().setLength(0);
        assertThat(run(host, "lab", "down", "--dir", bundle.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("lvs-wizard: the lab bundle cannot be trusted: "
                + script.toAbsolutePath() + " is writable by others (mode 0777)");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void downWithoutABundleStillRemovesALabLeftBehind(@TempDir Path dir) {
        FakeHost host = new FakeHost();
        assertThat(run(host, "lab", "down", "--dir", dir.resolve("none").toString())).isZero();
        assertThat(host.displays()).singleElement().satisfies(d -> assertThat(d).startsWith("bash /").endsWith("/lab.sh down"));
        String used = host.commands().get(0).argv().get(1);
        assertThat(Path.of(used)).as("the temporary bundle is removed afterwards").doesNotExist();
    }

    @Test
    void badInputIsOneLineBeforeAnythingRuns(@TempDir Path dir) {
        FakeHost host = new FakeHost();
        assertThat(run(host, "lab", "test", "--dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lvs-wizard: no lab bundle in " + dir + ": run lab up --config FILE first\n");
        err.getBuffer().setLength(0);
        assertThat(run(host, "lab", "test", "--dir", dir.toString(), "-n", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lvs-wizard: --requests 0 is out of range; expected 1-99999\n");
        assertThat(host.commands()).isEmpty();
    }
}
