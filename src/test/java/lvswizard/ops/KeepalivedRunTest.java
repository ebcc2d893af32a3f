package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import lvswizard.exec.Runner;
import lvswizard.output.OutputDirectory;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.Templates;
import lvswizard.text.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --format keepalived on a director: keepalived's preflight, the install and start, stop, status and undo. */
class KeepalivedRunTest {
    private static final Plan SEED = Examples.plan("seed-dr");
    private static final String CONF = IpvsOwner.KEEPALIVED_CONF;

    @TempDir
    Path out;

    private final List<String> lines = new ArrayList<>();
    private final List<List<String>> confirmed = new ArrayList<>();
    private FakeHost host;

    @BeforeEach
    void aDirectorWithKeepalivedInstalled() throws Exception {
        new OutputDirectory(out).write(new KeepalivedExport().files(SEED,
                new Export.Options(Flavour.IPROUTE2, Templates.packaged())), false);
        host = FakeHost.seedDirector();
        host.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        host.address("eth1", "192.168.101.168/24");
        host.keepalivedVersion = "2.2.7";
        host.keepalivedRules = String.join("\n", Ipvsadm.restoreLines(SEED)) + "\n";
    }

    private RoleRun run() {
        return run(host);
    }

    /** The director's run in keepalived mode on {@code runner}; its words go to lines, every question is yes. */
    private RoleRun run(Runner runner) {
        return new RoleRun(runner, SEED, HostNeeds.director(SEED), out, console(), Duration.ofSeconds(5),
                Clock.systemUTC()).owned(IpvsOwner.KEEPALIVED);
    }

    /** Words go to lines, every question is yes. */
    private RoleRun.Console console() {
        return new RoleRun.Console() {
            @Override
            public void say(Message text) {
                lines.add(text.english());
            }

            @Override
            public void output(String line) {
                lines.add(line);
            }

            @Override
            public boolean confirm(List<Message> changes) {
                confirmed.add(changes.stream().map(Message::english).toList());
                return true;
            }
        };
    }

    private String generated() throws IOException {
        return Files.readString(out.resolve("keepalived.conf"));
    }

    @Test
    void startChecksTheFileInstallsItAndStartsKeepalivedAfterTheScript() throws Exception {
        assertThat(run().start(false)).as(String.join("\n", lines)).isZero();
        List<String> ran = host.displays();
        String conf = out.toAbsolutePath().resolve("keepalived.conf").toString();
        assertThat(ran).containsSubsequence("keepalived --config-test --use-file=" + conf,
                "bash " + out.toAbsolutePath().resolve("director.sh") + " start",
                "install -D -m 0644 " + conf + " " + CONF, "keepalived --use-file=" + CONF);
        assertThat(host.fileContents.get(CONF)).isEqualTo(generated());
        assertThat(confirmed.get(0)).contains("install " + conf + " as " + CONF, "start keepalived with it",
                "keepalived keeps the IPVS service tcp 192.168.101.168:80 (wlc, 2 real servers)")
                .noneMatch(c -> c.contains("ipvsadm -R"));
        assertThat(lines).contains("keepalived has loaded the configuration's IPVS services (1)");
        Snapshot snapshot = Snapshot.load(Snapshot.file(out, HostNeeds.director(SEED)));
        assertThat(snapshot.keepalivedConf()).isNull();
        assertThat(snapshot.keepalivedRunning()).isFalse();
    }

    @Test
    void keepalivedMissingStopsTheStartBeforeAnythingChanges() throws Exception {
        host.keepalivedVersion = null;
        assertThat(run().start(false)).isEqualTo(RoleRun.NOT_RUN);
        assertThat(lines).contains("  keepalived is not installed; fix: apt-get install keepalived (or dnf install"
                + " keepalived)");
        assertThat(host.displays()).noneMatch(c -> c.startsWith("bash") || c.startsWith("install"));
    }

    @Test
    void aFileKeepalivedRefusesIsNamedWithItsFirstComplaint() throws Exception {
        host.keepalivedRefuses = "Keepalived_healthcheckers: (Line 14) Unknown keyword 'lvs_schedd'\nStopping";
        assertThat(run().start(false)).isEqualTo(RoleRun.NOT_RUN);
        assertThat(lines).anyMatch(l -> l.contains("refuses the generated file (exit 1): Keepalived_healthcheckers:"
                + " (Line 14) Unknown keyword 'lvs_schedd'"));
        assertThat(host.fileContents).doesNotContainKey(CONF);
    }

    @Test
    void anotherConfigurationIsNamedAndNotReplaced() throws Exception {
        host.fileContents.put(CONF, "! Configuration File for keepalived\nglobal_defs {\n}\n");
        assertThat(run().start(false)).isEqualTo(RoleRun.NOT_RUN);
        assertThat(lines).anyMatch(l -> l.contains(CONF + " is there and lvs-wizard did not write it for this cluster"
                + " (\"! Configuration File for keepalived\"): it is not replaced"));
        assertThat(host.fileContents.get(CONF)).startsWith("! Configuration");

        lines.clear();
        host.fileContents.remove(CONF);
        host.keepalivedRuns(977, "/usr/sbin/keepalived", "-f", "/etc/keepalived/site.conf", "--dont-fork");
        assertThat(run().start(false)).isEqualTo(RoleRun.NOT_RUN);
        assertThat(lines).anyMatch(l -> l.contains("keepalived (pid 977) runs with /etc/keepalived/site.conf, another"
                + " configuration: it is left as it is"));
        assertThat(host.displays()).noneMatch(c -> c.startsWith("kill") || c.startsWith("install"));
        lines.clear();
        assertThat(run().stop(false)).as("stop leaves another configuration's keepalived alone").isZero();
        assertThat(host.displays()).noneMatch(c -> c.startsWith("kill"));
    }

    @Test
    void aRunningKeepalivedWithThisClustersFileIsReloadedNotRestarted() throws Exception {
        String older = generated().replace("delay_loop", "delay_loop 9 #");
        host.fileContents.put(CONF, older);
        host.keepalivedRuns(700, "/usr/sbin/keepalived", "--dont-fork");
        host.ipvsRules = host.keepalivedRules;
        assertThat(run().start(false)).as(String.join("\n", lines)).isZero();
        assertThat(confirmed.get(0)).contains("make keepalived (pid 700) read it again");
        assertThat(host.displays()).contains("kill -HUP 700").doesNotContain("kill -TERM 700");
        assertThat(lines).noneMatch(l -> l.contains("lvs-wizard did not create"));

        lines.clear();
        assertThat(run().undo(false)).as(String.join("\n", lines)).isZero();
        assertThat(host.fileContents.get(CONF)).as("the earlier file is back").isEqualTo(older);
        assertThat(host.keepalivedRunning()).as("it ran before: it runs after").isTrue();
        List<String> ran = host.displays();
        List<String> undo = ran.subList(ran.indexOf(ran.stream().filter(c -> c.startsWith("install -D -m 0644 /dev/stdin " + CONF)).findFirst()
                .orElseThrow()), ran.size());
        assertThat(undo).as("keepalived keeps its table: not cleared under it").doesNotContain("ipvsadm -C")
                .containsSubsequence("bash " + out.toAbsolutePath().resolve("director.sh") + " stop", "kill -HUP 700");
    }

    @Test
    void undoStopsAKeepalivedThatDidNotRunAndRemovesTheFile() throws Exception {
        assertThat(run().start(false)).isZero();
        lines.clear();
        assertThat(run().undo(false)).as(String.join("\n", lines)).isZero();
        assertThat(confirmed.get(1)).startsWith("run kill -TERM 4242", "run rm -f " + CONF);
        assertThat(host.keepalivedRunning()).isFalse();
        assertThat(host.fileContents).doesNotContainKey(CONF);
        assertThat(host.ipvsRules).isEmpty();
    }

    @Test
    void statusSaysWhetherKeepalivedRunsAndAHalfUpDirectorIsIncomplete() throws Exception {
        assertThat(run().start(false)).isZero();
        lines.clear();
        assertThat(run().status(false)).isZero();
        assertThat(lines).contains("keepalived: running (pid 4242) with " + CONF);
        assertThat(run().stop(false)).isZero();
        assertThat(host.displays()).containsSubsequence("kill -TERM 4242",
                "bash " + out.toAbsolutePath().resolve("director.sh") + " stop");
        lines.clear();
        assertThat(run().status(false)).as("the script says running, keepalived does not run").isEqualTo(2);
        assertThat(lines).contains("keepalived: not running");
    }

    /**
     * A pair: start and status say which side this director is on (VRRP gave the first director the
     * VIPs) and whether the other director answers at its DIP; the backup holds nothing.
     */
    @Test
    void aDirectorOfAPairSaysItsVrrpSideAndWhetherThePeerIsThere(@TempDir Path pairOut) throws Exception {
        Plan pair = Examples.plan("ha-dr");
        new OutputDirectory(pairOut).write(new KeepalivedExport().files(pair,
                new Export.Options(Flavour.IPROUTE2, Templates.packaged())), false);
        host.addresses.get("eth1").clear();
        host.vrrpAddresses.put("eth1", List.of("192.168.101.168/24"));
        host.keepalivedRules = String.join("\n", Ipvsadm.restoreLines(pair)) + "\n";
        host.answersPing.add("10.10.10.9");
        assertThat(pairRun(pair, HostNeeds.director(pair), pairOut).start(false)).as(String.join("\n", lines)).isZero();
        assertThat(host.displays()).contains("ping -n -q -c 1 -W 1 -I eth0 10.10.10.9");
        assertThat(lines).containsSubsequence("keepalived has loaded the configuration's IPVS services (1)",
                "VRRP now: master: director holds the VIPs (192.168.101.168)",
                "the other director: director2 answers at its DIP 10.10.10.9 (ping over eth0)");
        lines.clear();
        host.answersPing.clear();
        assertThat(pairRun(pair, HostNeeds.director(pair), pairOut).status(false)).isZero();
        assertThat(lines).contains("the other director: director2 does not answer at its DIP 10.10.10.9 over eth0:"
                + " while it is away the pair has no spare director");

        FakeHost backupHost = FakeHost.seedDirector();
        backupHost.addresses.clear();
        backupHost.address("eth0", "10.10.10.9/24").address("eth1");
        backupHost.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        backupHost.keepalivedVersion = "2.2.7";
        backupHost.keepalivedRules = host.keepalivedRules;
        backupHost.answersPing = null;
        lines.clear();
        HostNeeds backup = HostNeeds.backupDirector(pair);
        assertThat(new RoleRun(backupHost, pair, backup, pairOut, console(), Duration.ofSeconds(5), Clock.systemUTC())
                .owned(IpvsOwner.KEEPALIVED).start(false)).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains("VRRP now: backup: the VIPs (192.168.101.168) are not on director2 (its peer holds"
                + " them, or no director does)", "the other director: cannot tell whether director (10.10.10.10) is"
                + " there: ping did not run");
    }

    private RoleRun pairRun(Plan pair, HostNeeds needs, Path pairOut) {
        return new RoleRun(host, pair, needs, pairOut, console(), Duration.ofSeconds(5), Clock.systemUTC())
                .owned(IpvsOwner.KEEPALIVED);
    }

    @Test
    void theDryRunSaysTheKeepalivedCommandsAndRunsNone() throws Exception {
        Files.delete(out.resolve("keepalived.conf"));
        assertThat(run().start(true)).isZero();
        assertThat(lines).contains("would check the generated file: keepalived --config-test --use-file="
                        + out.toAbsolutePath().resolve("keepalived.conf"),
                "would run: install -D -m 0644 " + out.toAbsolutePath().resolve("keepalived.conf") + " " + CONF,
                "would run: keepalived --use-file=" + CONF);
        assertThat(host.displays()).noneMatch(c -> c.startsWith("install") || c.startsWith("bash")
                || c.startsWith("keepalived --use-file"));
    }

    @Test
    void theStartedServicesOfThisClustersKeepalivedAreNotForeign() throws Exception {
        host.fileContents.put(CONF, generated());
        host.keepalivedRuns(700, "keepalived");
        host.ipvsRules = host.keepalivedRules;
        assertThat(run().start(false)).as(String.join("\n", lines)).isZero();
        // the scripts' mode would call the same services someone else's
        lines.clear();
        assertThat(new RoleRun(host, SEED, HostNeeds.director(SEED), out, new RoleRun.Console() {
            @Override
            public void say(Message text) {
                lines.add(text.english());
            }

            @Override
            public void output(String line) {
            }

            @Override
            public boolean confirm(List<Message> changes) {
                return true;
            }
        }, Duration.ofSeconds(5), Clock.systemUTC()).start(true)).isEqualTo(RoleRun.NOT_RUN);
    }

    @Test
    void aKeepalivedThatDoesNotStopStopsTheStopBeforeTheScript() throws Exception {
        host.fileContents.put(CONF, generated());
        host.keepalivedRuns(700, "keepalived");
        Runner ignoresTerm = (c, l) -> c.argv().contains("-TERM") ? FakeRunner.exit(c, 0, "", "") : host.run(c, l);
        RoleRun run = run(ignoresTerm);
        assertThat(run.stop(false)).isEqualTo(1);
        assertThat(lines).contains("keepalived is still running 5 seconds after it was told to stop; nothing further"
                + " was changed");
        assertThat(host.displays()).noneMatch(c -> c.endsWith("director.sh stop"));
    }
}
