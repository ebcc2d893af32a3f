package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lvswizard.exec.Command;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String SEED = "examples/seed-dr.json";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(FakeHost host, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), host);
    }

    private static boolean changesHost(Command c) {
        String first = c.argv().get(0);
        return first.equals("bash") || c.argv().contains("-w") || c.argv().contains("-C") && first.equals("ipvsadm")
                || c.argv().contains("-R");
    }

    @Test
    void dryRunChecksListsChangesAndCommandsButChangesAndWritesNothing(@TempDir Path dir) {
        FakeHost host = FakeHost.seedRealServer();
        Path outDir = dir.resolve("out");
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver:rs1", "--out", outDir.toString(),
                "--dry-run", "start")).isZero();
        assertThat(out.toString()).contains("would write the generated files to " + outDir,
                "preflight: OK", "set net.ipv4.conf.all.arp_ignore from 0 to 1", "add the VIP 192.168.101.168/32 to lo",
                "add the default route via 10.10.10.1", "would save a snapshot to",
                "would run: bash " + outDir.toAbsolutePath() + "/realserver-rs1.sh start");
        assertThat(host.commands()).noneMatch(RunCommandTest::changesHost);
        assertThat(outDir).doesNotExist();
    }

    @Test
    void aDryRunNeverRunsTheScriptEvenBeforeAnyFileExists(@TempDir Path dir) {
        Path outDir = dir.resolve("out");
        for (String action : new String[] {"status", "stop"}) {
            FakeHost host = FakeHost.seedDirector();
            out.getBuffer().setLength(0);
            assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", outDir.toString(),
                    "--dry-run", action)).as(action).isZero();
            assertThat(out.toString()).as(action).contains("would write the generated files to " + outDir,
                    "would run: bash " + outDir.toAbsolutePath() + "/director.sh " + action);
            assertThat(host.commands()).as(action).noneMatch(c -> c.argv().get(0).equals("bash"));
        }
        FakeHost host = FakeHost.seedDirector();
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", outDir.toString(), "--dry-run",
                "undo")).isEqualTo(1);
        assertThat(err.toString()).contains("no snapshot at " + outDir.resolve("snapshots/director.json"));
        assertThat(host.commands()).isEmpty();
        assertThat(outDir).doesNotExist();
    }

    @Test
    void aDryRunOnAHostThatFailsPreflightStillShowsTheChangesAndCommandsAndExitsOne(@TempDir Path dir) {
        FakeHost host = FakeHost.seedDirector();
        host.uid = "1000";
        Path outDir = dir.resolve("out");
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", outDir.toString(), "--dry-run",
                "start")).isEqualTo(1);
        assertThat(out.toString()).contains("preflight: 1 problem, a real start would stop here:",
                "not running as root (uid 1000); fix: run it with sudo, or as root",
                "director.sh start would, once the preflight passes:",
                "add the VIP 192.168.101.168/24 to eth1", "load the IPVS service tcp 192.168.101.168:80",
                "would save a snapshot to", "would run: bash " + outDir.toAbsolutePath() + "/director.sh start",
                "dry run: the preflight failed; fix the problems above before start");
        assertThat(out.toString()).doesNotContain("nothing was changed:");
        assertThat(host.commands()).noneMatch(RunCommandTest::changesHost);
        assertThat(outDir).doesNotExist();
    }

    @Test
    void startWritesTheFilesSnapshotsRunsTheScriptAndLogsEveryCommand(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedRealServer();
        host.scripts = c -> FakeRunner.exit(c, 0, "realserver-rs1.sh: started\n", "");
        Path outDir = dir.resolve("out");
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver:rs1", "--out", outDir.toString(),
                "--yes", "start")).isZero();
        assertThat(outDir.resolve("realserver-rs1.sh")).exists();
        assertThat(outDir.resolve("director.sh")).as("every file, as generate writes them").exists();
        assertThat(host.displays()).contains("bash " + outDir.toAbsolutePath() + "/realserver-rs1.sh start");
        assertThat(out.toString()).contains("this will:", "snapshot saved:", "realserver-rs1.sh: started");
        String snapshot = Files.readString(outDir.resolve("snapshots/realserver-rs1.json"));
        assertThat(snapshot).contains("\"/proc/sys/net/ipv4/conf/all/arp_ignore\" : \"0\"", "\"role\" : \"realserver-rs1.sh\"");
        assertThat(Files.readAllLines(outDir.resolve("commands.log")))
                .anySatisfy(l -> assertThat(l).contains("exit 0").endsWith("realserver-rs1.sh start"))
                .anySatisfy(l -> assertThat(l).endsWith("ip -j addr show"))
                .hasSize(host.commands().size());
        assertThat(err.toString()).contains("commands run: " + host.commands().size() + ", logged in");
    }

    @Test
    void preflightFailuresStopEverythingWithTheirFixes(@TempDir Path dir) {
        FakeHost host = FakeHost.seedDirector();
        host.uid = "1000";
        host.ipvsadmInstalled = false;
        host.addresses.remove("eth1");
        host.address("lo", "192.168.101.168/32");
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes", "start"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("preflight: ", "nothing was changed",
                "not running as root (uid 1000); fix: run it with sudo, or as root",
                "ipvsadm is not installed; fix: apt-get install ipvsadm",
                "interface eth1 does not exist here (have: lo, eth0)",
                "the VIP 192.168.101.168 is already on lo: this host is set up as a real server");
        assertThat(host.commands()).noneMatch(RunCommandTest::changesHost);
    }

    @Test
    void aServiceSomeoneElseCreatedIsAClash(@TempDir Path dir) {
        FakeHost host = FakeHost.seedDirector();
        host.ipvsRules = "-A -t 192.168.101.168:80 -s rr\n";
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes", "start"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("IPVS already has the service -t 192.168.101.168:80, which lvs-wizard did "
                + "not create; fix: inspect it (ipvsadm -L -n) and delete it (ipvsadm -D -t 192.168.101.168:80)");
        host.files.add("/run/lvs-wizard/seed-dr/director/started");
        out.getBuffer().setLength(0);
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes", "start"))
                .as("its own service, after its own start, is no clash").isZero();
    }

    @Test
    void withoutATerminalOrYesNothingChanges(@TempDir Path dir) {
        FakeHost host = FakeHost.seedRealServer();
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver:rs1", "--out", dir.toString(), "start"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("not confirmed: there is no terminal to ask on; add --yes to go ahead",
                "nothing was changed");
        assertThat(host.commands()).noneMatch(RunCommandTest::changesHost);
    }

    @Test
    void undoStopsThenRestoresTheSnapshotsTableAndSysctls(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.ipvsRules = "-A -t 10.0.0.1:22 -s rr\n";
        host.scripts = c -> {
            if (c.argv().get(2).equals("start")) {
                host.ipvsRules += "-A -t 192.168.101.168:80 -s wlc\n";
                host.address("eth1", "192.168.101.168/24");
            }
            return FakeRunner.exit(c, 0, "", "");
        };
        String[] base = {"run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes"};
        assertThat(run(host, concat(base, "start"))).isZero();
        host.ipvsRules = "-A -t 192.168.101.168:80 -s wlc\n"; // someone cleared the foreign service meanwhile
        assertThat(run(host, concat(base, "undo"))).isZero();
        assertThat(host.ipvsRules).isEqualTo("-A -t 10.0.0.1:22 -s rr\n");
        // the stop of this fake host removed nothing: undo deletes this configuration's service itself,
        // and puts back the foreign one the snapshot had, touching no other
        assertThat(host.displays()).containsSubsequence("bash " + dir.toAbsolutePath() + "/director.sh stop",
                "ipvsadm -S -n", "ipvsadm -D -t 192.168.101.168:80", "ipvsadm -R <<'EOF' (1 lines)")
                .doesNotContain("ipvsadm -C");
        assertThat(dir.resolve("snapshots/director.json")).doesNotExist();
        assertThat(dir.resolve("snapshots/director.json.undone")).exists();
        err.getBuffer().setLength(0);
        assertThat(run(host, concat(base, "undo"))).isEqualTo(1);
        assertThat(err.toString()).contains("no snapshot at " + dir.resolve("snapshots/director.json")
                + ": undo restores what start saved; run start first");
    }

    /** Two clusters on one director: undo of one leaves the services the other added since its snapshot. */
    @Test
    void undoLeavesAnotherClustersServicesAddedSince(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.ipvsRules = "";
        host.scripts = c -> {
            if (c.argv().get(2).equals("start")) {
                host.ipvsRules += "-A -t 192.168.101.168:80 -s wlc\n-a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2\n";
                host.address("eth1", "192.168.101.168/24");
            } else if (c.argv().get(2).equals("stop")) {
                host.ipvsRules = host.ipvsRules.replace("-A -t 192.168.101.168:80 -s wlc\n", "")
                        .replace("-a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2\n", "");
            }
            return FakeRunner.exit(c, 0, "", "");
        };
        String[] base = {"run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes"};
        assertThat(run(host, concat(base, "start"))).isZero();
        host.ipvsRules += "-A -t 10.9.9.9:443 -s rr\n-a -t 10.9.9.9:443 -r 10.9.0.11:443 -g -w 1\n";
        assertThat(run(host, concat(base, "undo"))).isZero();
        assertThat(host.ipvsRules).isEqualTo("-A -t 10.9.9.9:443 -s rr\n-a -t 10.9.9.9:443 -r 10.9.0.11:443 -g -w 1\n");
        assertThat(host.displays()).doesNotContain("ipvsadm -C").noneMatch(d -> d.startsWith("ipvsadm -R"));
    }

    /**
     * undo runs as root on what the snapshot says: a hand-edited or malformed one is refused in one
     * line, naming the file and what is wrong, and nothing runs (no stop, no sysctl, no table).
     */
    @Test
    void undoRefusesASnapshotThatIsNotWhatStartSaved(@TempDir Path dir) throws Exception {
        String[] base = {"run", "--config", SEED, "--role", "director", "--out", dir.toString(), "--yes"};
        FakeHost started = FakeHost.seedDirector();
        assertThat(run(started, concat(base, "start"))).isZero();
        Path file = dir.resolve("snapshots/director.json");
        String saved = Files.readString(file);
        assertThat(saved).contains("\"sysctls\"");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, String> hostile = new java.util.LinkedHashMap<>();
        var core = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(saved);
        ((com.fasterxml.jackson.databind.node.ObjectNode) core.get("sysctls")).put("/proc/sys/kernel/core_pattern",
                "|/tmp/x %p");
        hostile.put(core.toString(), "kernel setting \"/proc/sys/kernel/core_pattern\" is not one that lvs-wizard"
                + " changes");
        var daemon = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(saved);
        daemon.put("ipvsRules", "--start-daemon master\n");
        hostile.put(daemon.toString(), "\"--start-daemon master\" is not an IPVS service or real server line");
        var other = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(saved);
        other.put("role", "realserver-rs1.sh");
        hostile.put(other.toString(), "a snapshot of \"realserver-rs1.sh\", not of director.sh");
        hostile.put("{\"role\": \"director.sh\", \"sysctls\": null}", "not a snapshot lvs-wizard wrote");
        hostile.put("[1, 2", "not a snapshot lvs-wizard wrote");
        for (var edit : hostile.entrySet()) {
            Files.writeString(file, edit.getKey());
            FakeHost host = FakeHost.seedDirector();
            err.getBuffer().setLength(0);
            assertThat(run(host, concat(base, "undo"))).as(edit.getValue()).isEqualTo(1);
            assertThat(err.toString().lines()).as(err.toString()).singleElement()
                    .satisfies(l -> assertThat(l).contains(file.toString(), edit.getValue()));
            assertThat(err.toString()).doesNotContain("Exception", "\tat ");
            assertThat(host.commands()).as(edit.getValue()).noneMatch(RunCommandTest::changesHost);
        }
        Files.writeString(file, saved);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        err.getBuffer().setLength(0);
        assertThat(run(FakeHost.seedDirector(), concat(base, "undo"))).isEqualTo(1);
        assertThat(err.toString()).contains("the snapshot cannot be trusted: " + file.toAbsolutePath()
                + " is writable by others (mode 0666)");
    }

    @Test
    void statusPassesTheScriptsLsbCodeThrough(@TempDir Path dir) {
        FakeHost host = FakeHost.seedRealServer();
        host.scripts = c -> FakeRunner.exit(c, 3, "realserver-rs1.sh: stopped\n", "");
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver:rs1", "--out", dir.toString(), "status"))
                .isEqualTo(3);
        assertThat(out.toString()).contains("realserver-rs1.sh: stopped");
    }

    @Test
    void aRealServerIsFoundByThisHostsAddress(@TempDir Path dir) {
        FakeHost host = FakeHost.seedRealServer();
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver", "--out", dir.toString(), "--dry-run",
                "start")).isZero();
        assertThat(out.toString()).contains("realserver-rs1.sh start");
        FakeHost elsewhere = FakeHost.seedDirector();
        assertThat(run(elsewhere, "run", "--config", SEED, "--role", "realserver", "--dry-run", "start")).isEqualTo(2);
        assertThat(err.toString()).contains("--role realserver: no real server's address is on this host; name it: "
                + "--role realserver:NAME (rs1, rs2)");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        FakeHost host = new FakeHost();
        assertThat(run(host, "run", "--config", SEED, "--role", "director", "reboot")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lvs-wizard: ACTION reboot is not one of start, stop, status, undo\n");
        err.getBuffer().setLength(0);
        assertThat(run(host, "run", "--config", SEED, "--role", "realserver:rs9", "status")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(
                "lvs-wizard: --role realserver:rs9: no real server named \"rs9\"; expected one of rs1, rs2\n");
        err.getBuffer().setLength(0);
        assertThat(run(host, "run", "--role", "director", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void doctorReportsEachCheckAndExitsOneWhenAnyIsWrong() {
        FakeHost host = FakeHost.seedRealServer();
        assertThat(run(host, "doctor", "--config", SEED, "--role", "realserver:rs1")).isEqualTo(1);
        assertThat(out.toString()).contains("doctor: realserver-rs1.sh (rs1)", "OK     interface eth0: present",
                "WRONG  net.ipv4.conf.all.arp_ignore: is 0, needs 1", "WRONG  VIP 192.168.101.168/32 on lo: missing",
                "checks WRONG");
        assertThat(host.commands()).noneMatch(RunCommandTest::changesHost);
    }

    @Test
    void doctorSaysWhenTheGatewayIsNotTheConfiguredOneWithoutFailing() {
        FakeHost host = FakeHost.seedRealServer();
        host.sysctls.replaceAll((path, value) -> path.endsWith("arp_ignore") ? "1" : "2");
        host.address("lo", "192.168.101.168/32");
        host.gateway4 = "192.0.2.1";
        assertThat(run(host, "doctor", "--config", SEED, "--role", "realserver:rs1")).isZero();
        assertThat(out.toString()).contains("NOTE   default gateway: 192.0.2.1, not the configured 10.10.10.1",
                "no check WRONG, 1 NOTE (of 8)").doesNotContain("OK     default gateway");
    }

    private static String[] concat(String[] base, String last) {
        String[] all = java.util.Arrays.copyOf(base, base.length + 1);
        all[base.length] = last;
        return all;
    }

    @Test
    void aConfigurationWithErrorsIsReportedAndNothingRunsOrIsWritten(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(Path.of(SEED)).replace("192.168.101.168/24", "192.168.101.300/24"));
        FakeHost host = FakeHost.seedDirector();
        assertThat(run(host, "run", "--config", broken.toString(), "--role", "director", "--out",
                dir.resolve("out").toString(), "--yes", "start")).isEqualTo(1);
        assertThat(err.toString()).contains("\"192.168.101.300/24\"", "nothing was run: fix the errors above first");
        assertThat(run(host, "doctor", "--config", broken.toString(), "--role", "director")).isEqualTo(1);
        assertThat(run(host, "lab", "export", "--config", broken.toString(), "--out", dir.resolve("lab").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no lab was written: fix the errors above first");
        assertThat(run(host, "run", "--config", dir.resolve("missing.json").toString(), "--role", "director", "status"))
                .isEqualTo(2);
        assertThat(host.commands()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("lab")).doesNotExist();
    }
}
