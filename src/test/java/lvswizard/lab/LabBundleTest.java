package lvswizard.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.render.Flavour;
import lvswizard.plan.Plan;
import lvswizard.render.RenderedFile;
import lvswizard.render.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabBundleTest {
    private static LabPlan lab(String example) {
        return LabPlan.of(Examples.plan(example), 30);
    }

    private static LabPlan.Host host(LabPlan lab, String role) {
        return lab.hosts().stream().filter(h -> h.role().equals(role)).findFirst().orElseThrow();
    }

    @Test
    void theSeedGetsTwoSubnetsARouterOnBothGatewaysAndAClientBehindIt() {
        LabPlan lab = lab("seed-dr");
        assertThat(lab.subnets()).extracting(LabPlan.Subnet::network)
                .containsExactly("192.168.101.0/24", "10.10.10.0/24");
        assertThat(host(lab, "router").ports()).extracting(LabPlan.Port::cidr)
                .containsExactly("192.168.101.254/24", "10.10.10.1/24");
        LabPlan.Host client = host(lab, "client");
        assertThat(client.ports()).extracting(LabPlan.Port::cidr).containsExactly("192.168.101.253/24");
        assertThat(client.gateway()).isEqualTo("192.168.101.254");
        LabPlan.Host director = host(lab, "director");
        assertThat(director.ports()).extracting(LabPlan.Port::ifname, LabPlan.Port::cidr).containsExactly(
                org.assertj.core.groups.Tuple.tuple("eth0", "10.10.10.10/24"),
                org.assertj.core.groups.Tuple.tuple("eth1", ""));
        assertThat(lab.hosts()).filteredOn(h -> h.role().equals("realserver")).extracting(LabPlan.Host::listens)
                .containsOnly(List.of(80));
        assertThat(lab.checks()).singleElement().satisfies(c -> {
            assertThat(c.sticky()).isFalse();
            assertThat(c.method()).isEqualTo("dr");
            assertThat(c.expected()).containsExactly(new LabPlan.Expectation("rs1", 20), new LabPlan.Expectation("rs2", 10));
        });
    }

    @Test
    void natMapsThePortAndSplitsEvenlyOverThree() {
        LabPlan lab = lab("nat-portmap");
        assertThat(lab.hosts()).filteredOn(h -> h.role().equals("realserver")).extracting(LabPlan.Host::listens)
                .containsOnly(List.of(8080));
        assertThat(lab.checks()).singleElement().satisfies(c -> {
            assertThat(c.port()).isEqualTo(80);
            assertThat(c.method()).isEqualTo("nat");
            assertThat(c.expected()).extracting(LabPlan.Expectation::answers).containsExactly(10, 10, 10);
        });
        assertThat(host(lab, "router").ports()).extracting(LabPlan.Port::cidr)
                .as("the real servers' gateway is the DIP: the router takes a free address there")
                .containsExactly("192.168.101.254/24", "10.10.20.254/24");
    }

    @Test
    void aPersistentFwmarkServiceIsCheckedOnEachPortAsSticky() {
        LabPlan lab = lab("fwmark-https");
        assertThat(lab.subnets()).hasSize(1);
        assertThat(lab.hosts()).extracting(LabPlan.Host::role).doesNotContain("router");
        assertThat(lab.checks()).extracting(LabPlan.Check::port).containsExactly(80, 443);
        assertThat(lab.checks()).allSatisfy(c -> {
            assertThat(c.sticky()).isTrue();
            assertThat(c.expected()).as("every live server is listed, none predicted")
                    .containsExactly(new LabPlan.Expectation("rs1", -1), new LabPlan.Expectation("rs2", -1));
        });
        assertThat(lab.hosts()).filteredOn(h -> h.role().equals("realserver")).extracting(LabPlan.Host::listens)
                .containsOnly(List.of(80, 443));
    }

    @Test
    void tunnelledRealServersOnTheirOwnSubnetsAreReachedThroughTheRouter() {
        LabPlan lab = lab("tun-ipip");
        assertThat(lab.subnets()).extracting(LabPlan.Subnet::network)
                .containsExactly("192.168.101.0/24", "10.10.10.0/24", "172.16.5.0/24", "172.16.6.0/24");
        assertThat(host(lab, "router").ports()).extracting(LabPlan.Port::cidr)
                .containsExactly("192.168.101.254/24", "10.10.10.254/24", "172.16.5.1/24", "172.16.6.1/24");
        assertThat(lab.checks().get(0).expected()).extracting(LabPlan.Expectation::answers)
                .as("3:1 of 30 by largest remainders: they add up to 30").containsExactly(23, 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-dr", "nat-portmap", "tun-ipip", "fwmark-https", "ipv6-dr", "ha-dr", "ha-nat"})
    void theBundlePassesBashAndShellcheck(String example, @TempDir Path dir) throws Exception {
        List<RenderedFile> files = LabBundle.render(Examples.plan(example), Flavour.IPROUTE2, Templates.packaged());
        assertThat(files).extracting(RenderedFile::name).contains("lab.sh", "scripts/director.sh");
        RenderedFile lab = files.get(0);
        Path script = dir.resolve("lab.sh");
        Files.writeString(script, lab.content());
        assertThat(Tools.run(List.of("bash", "-n", script.toString())).exitCode()).isZero();
        Tools.Result lint = Tools.run(new ArrayList<>(List.of("shellcheck", "--severity=style", "--format=gcc",
                script.toString())));
        assertThat(lint.output()).isEmpty();
    }

    @Test
    void theBundlesPreflightRefusesANonRootUserWithTheFixAndTouchesNothing(@TempDir Path dir) throws Exception {
        assertThat(Tools.onPath("setpriv")).as("setpriv (util-linux) runs the bundle as nobody").isTrue();
        Path script = dir.resolve("lab.sh");
        Files.writeString(script, LabBundle.render(Examples.plan("seed-dr"), Flavour.IPROUTE2, Templates.packaged())
                .get(0).content());
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String action : List.of("up", "test", "down")) {
            Tools.Result run = Tools.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "bash", script.toString(), action));
            assertThat(run.exitCode()).as(action + ": " + run.output()).isEqualTo(4);
            assertThat(run.output()).isEqualTo("lab: error: must run as root (try: sudo " + script + " " + action + ")\n");
        }
    }

    /**
     * A pair of directors: the backup gets a namespace of its own with its DIP and a VIP port, both
     * directors' scripts start and keepalived runs in each with its own file; the NAT real servers'
     * floating gateway is the pair's, not the router's; failover is there (and only for a pair).
     */
    @Test
    void aPairGetsBothDirectorsKeepalivedInEachAndFailover() {
        LabPlan dr = lab("ha-dr");
        assertThat(dr.backupNs()).isEqualTo("lvsw-backup");
        LabPlan.Host backup = host(dr, "backup");
        assertThat(backup.ports()).extracting(LabPlan.Port::ifname, LabPlan.Port::cidr).containsExactly(
                org.assertj.core.groups.Tuple.tuple("eth0", "10.10.10.9/24"),
                org.assertj.core.groups.Tuple.tuple("eth1", ""));
        assertThat(backup.script()).isEqualTo("director-director2.sh");
        List<RenderedFile> files = LabBundle.render(Examples.plan("ha-dr"), Flavour.IPROUTE2, Templates.packaged());
        String labSh = files.get(0).content();
        assertThat(files).extracting(RenderedFile::name).contains("scripts/keepalived-director.conf",
                "scripts/keepalived-director2.conf", "scripts/director-director2.sh");
        assertThat(labSh).contains("    script 'lvsw-director' 'director.sh' start",
                "    script 'lvsw-backup' 'director-director2.sh' start",
                "FIRST_CONF='keepalived-director.conf'", "BACKUP_CONF='keepalived-director2.conf'",
                "VIP='192.168.101.168'", "DOWN_MS=3609", "PREEMPT=yes", "SYNC=yes",
                "FAILOVER_URL='http://192.168.101.168:80/'", "    failover) do_failover \"${2:-}\" ;;");

        LabPlan nat = lab("ha-nat");
        assertThat(host(nat, "router").ports()).extracting(LabPlan.Port::cidr)
                .as("the floating gateway 10.10.20.1 is the pair's: the router takes a free address")
                .doesNotContain("10.10.20.1/24");
        assertThat(host(nat, "backup").ports()).extracting(LabPlan.Port::cidr).contains("10.10.20.3/24");
        assertThat(LabBundle.render(Examples.plan("ha-nat"), Flavour.IPROUTE2, Templates.packaged()).get(0).content())
                .contains("PREEMPT=no", "DOWN_MS=3609");

        String single = LabBundle.render(Examples.plan("nat-portmap"), Flavour.IPROUTE2, Templates.packaged()).get(0)
                .content();
        assertThat(single).doesNotContain("failover", "lvsw-backup").contains("keepalived_in \"$DIRECTOR\" 'keepalived.conf'");
    }

    /** sh with sh-port hashes the client's port too: its connections spread, no split or stickiness predicted. */
    @Test
    void shWithShPortIsPredictedToSpread() throws Exception {
        Plan schedulers = Examples.plan(lvswizard.config.ConfigFile.read(Path.of("src/test/resources/lab/schedulers.json")));
        LabPlan lab = LabPlan.of(schedulers, 30);
        assertThat(lab.checks()).filteredOn(c -> c.port() == 83).singleElement().satisfies(c -> {
            assertThat(c.sticky()).isFalse();
            assertThat(c.spread()).isTrue();
            assertThat(c.why()).startsWith("sh hashes the client's source port too");
        });
        assertThat(lab.checks()).filteredOn(c -> c.port() == 82).singleElement()
                .satisfies(c -> assertThat(c.sticky()).isTrue());
        String labSh = LabBundle.render(schedulers, Flavour.IPROUTE2, Templates.packaged()).get(0).content();
        assertThat(labSh).contains("'http://10.10.10.100:83/' '10.10.10.100' 'dr' spread");
    }

    /** Real servers named like the lab's own hosts get namespaces of their own. */
    @Test
    void realServersNamedLikeTheLabsHostsDoNotMeetThem() {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/0/name", "\"client\"");
        Examples.set(tree, "/services/0/backends/0/realServer", "\"client\"");
        Examples.set(tree, "/realServers/1/name", "\"router\"");
        Examples.set(tree, "/services/0/backends/1/realServer", "\"router\"");
        LabPlan lab = LabPlan.of(Examples.plan(Examples.cluster(tree)), 30);
        assertThat(lab.hosts()).extracting(LabPlan.Host::ns).doesNotHaveDuplicates()
                .contains("lvsw-client", "lvsw-router", "lvsw-rs-client", "lvsw-rs-router");
    }

    /** A configuration with health checks runs keepalived in the lab, with the director's keepalived files. */
    @Test
    void withHealthChecksTheLabRunsKeepalivedAndReportsEachRealServer() {
        List<RenderedFile> files = LabBundle.render(Examples.plan("nat-portmap"), Flavour.IPROUTE2, Templates.packaged());
        String labSh = files.get(0).content();
        assertThat(files).extracting(RenderedFile::name).contains("scripts/keepalived.conf")
                .doesNotContain("scripts/ipvsadm.rules");
        assertThat(file(files, "scripts/director.sh")).doesNotContain("ipvsadm -R");
        assertThat(labSh).contains("start_keepalived", "SETTLE=33", "CHECK_PATHS=('/health')",
                "    health 'TCP 192.168.101.168:80' 'http GET /health every 5s, down after 3 failed (removed)' '-t'"
                        + " '192.168.101.168:80' -- 'app1=10.10.20.11:8080=1' 'app2=10.10.20.12:8080=1'"
                        + " 'app3=10.10.20.13:8080=1' || bad=1",
                "    ip -n 'lvsw-sorry0' route add default via '10.10.20.1'",
                "    responder 'lvsw-sorry0' 'sorry-server' 8080");
        String plain = LabBundle.render(Examples.plan("seed-dr"), Flavour.IPROUTE2, Templates.packaged()).get(0)
                .content();
        assertThat(plain).doesNotContain("keepalived");
    }

    @Test
    void aSorryServerOfADrServiceHoldsTheVipOnLoAndOneOfTunIsLeftOut() {
        var dr = Examples.set(Examples.tree("seed-dr"), "/services/0/sorryServer",
                "{\"address\":\"10.10.10.99\",\"port\":null}");
        LabPlan.Host sorry = host(LabPlan.of(Examples.plan(Examples.cluster(dr)), 30), "sorry");
        assertThat(sorry.ports()).extracting(LabPlan.Port::cidr).containsExactly("10.10.10.99/24");
        assertThat(sorry.loopback()).containsExactly("192.168.101.168/32");
        assertThat(sorry.gateway()).isEmpty();
        assertThat(sorry.listens()).containsExactly(80);
        var tun = Examples.set(Examples.tree("tun-ipip"), "/services/0/sorryServer",
                "{\"address\":\"172.16.5.99\",\"port\":null}");
        assertThat(LabPlan.of(Examples.plan(Examples.cluster(tun)), 30).hosts()).noneMatch(h -> h.role().equals("sorry"));
    }

    @Test
    void checksTheLabCannotPassSaySo() {
        var https = Examples.set(Examples.tree("nat-portmap"), "/services/0/healthCheck", "{\"kind\":\"https\"}");
        assertThat(LabHealth.of(Examples.plan(Examples.cluster(https)))).singleElement()
                .satisfies(h -> assertThat(h.check()).endsWith("; the lab's web servers speak plain HTTP: it fails in the lab"));
        var port = Examples.set(Examples.tree("nat-portmap"), "/services/0/healthCheck", "{\"kind\":\"tcp\",\"port\":9000}");
        assertThat(LabHealth.of(Examples.plan(Examples.cluster(port)))).singleElement()
                .satisfies(h -> assertThat(h.check()).contains("nothing listens on port 9000 in the lab"));
        assertThat(LabHealth.of(Examples.plan("nat-portmap"))).singleElement()
                .satisfies(h -> assertThat(h.check()).doesNotContain("fails"));
    }

    private static String file(List<RenderedFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }
}
