package lvswizard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lvswizard.exec.FakeRunner;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.Cluster;
import lvswizard.model.Forwarding;
import lvswizard.model.OnFailure;
import lvswizard.model.Protocol;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of hand-made setups under src/test/resources/imports (written for these tests, the
 * how-to's two scripts taken verbatim from it): each imports with what it says, and with the
 * findings an operator should see.
 */
class ImportCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/imports");

    static Importer.Result importing(String... files) throws Exception {
        return Importer.from(Arrays.stream(files).map(f -> f.equals(Importer.HOST) ? f : CORPUS.resolve(f).toString())
                .toList(), null, new FakeRunner());
    }

    static List<String> rules(Importer.Result result) {
        return result.findings().stream().map(f -> f.rule().id()).toList();
    }

    static List<String> lines(Importer.Result result) {
        return result.notes().stream().map(n -> n.toLine(Locale.ENGLISH)).toList();
    }

    @Test
    void theHowTosScriptsAreTheHowTosCluster() throws Exception {
        Importer.Result result = importing("seed-director.sh", "seed-realserver.sh");
        Cluster cluster = result.cluster();
        // start's ipvsadm lines, not stop's ipvsadm -C after them
        assertThat(cluster.services()).hasSize(1);
        VirtualService web = cluster.services().get(0);
        assertThat(web.protocol()).isEqualTo(Protocol.TCP);
        assertThat(web.vip()).isEqualTo("192.168.101.168/24");
        assertThat(web.port()).isEqualTo(80);
        assertThat(web.scheduler()).isEqualTo(Scheduler.WLC);
        assertThat(web.backends()).extracting(Backend::weight, Backend::forwarding, Backend::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Forwarding.DR, null),
                        org.assertj.core.groups.Tuple.tuple(1, Forwarding.DR, null));
        assertThat(cluster.realServers()).extracting(r -> r.address()).containsExactly("10.10.10.11", "10.10.10.12");
        assertThat(cluster.director().vipInterface()).isEqualTo("eth1");
        assertThat(cluster.director().gateway()).isEqualTo("192.168.101.254");
        // the real server's gateway line is commented out in the how-to: not taken
        assertThat(cluster.realServers()).allMatch(r -> r.gateway() == null);
        assertThat(result.missing()).contains("director.dips", "director.dipInterface", "realServers[0].interface",
                "realServers[0].address", "realServers[1].gateway");
        assertThat(rules(result)).containsExactlyInAnyOrder("vip-broadcast", "flushes-firewall", "clears-table",
                "non-breaking-space", "non-breaking-space");
        assertThat(lines(result)).contains(
                "src/test/resources/imports/seed-director.sh:69: took: ipvsadm -A -t 192.168.101.168:80 -s wlc",
                "src/test/resources/imports/seed-director.sh:12: took: VIP=192.168.101.168");
        assertThat(lines(result)).anyMatch(l -> l.contains("another action than start") && l.contains("91"));
        // the real server's ARP fix comes before its VIP, as the how-to insists
        assertThat(rules(result)).doesNotContain("arp-fix-missing", "arp-fix-late");
    }

    @Test
    void oldKeywordsAreReadAndNamedWithTheirCurrentNames() throws Exception {
        Importer.Result result = importing("keepalived-old-keywords.conf");
        VirtualService web = result.cluster().services().get(0);
        assertThat(web.scheduler()).isEqualTo(Scheduler.WRR);
        assertThat(web.persistence().timeout()).isEqualTo(600L);
        assertThat(web.healthCheck().kind()).isEqualTo(CheckKind.TCP);
        assertThat(web.healthCheck().interval()).isEqualTo(10);
        assertThat(web.healthCheck().timeout()).isEqualTo(4);
        assertThat(web.healthCheck().retries()).isEqualTo(3);
        assertThat(web.backends()).extracting(Backend::weight).containsExactly(3, 1);
        assertThat(result.cluster().failover()).isNull();
        assertThat(result.findings()).extracting(f -> f.text().english()).contains(
                "lb_algo is the old name of lvs_sched", "lb_kind is the old name of lvs_method",
                "nb_get_retry is the old name of retry", "nat_mask is obsolete: keepalived ignores it",
                "lvs_sync_daemon_interface is the old name of lvs_sync_daemon");
    }

    @Test
    void theDefaultsKeepalivedShipsAreFlaggedWhereTheyHurtADirector() throws Exception {
        Importer.Result result = importing("keepalived-defaults.conf");
        assertThat(rules(result)).contains("vrrp-strict", "deprecated-keyword");
        assertThat(result.findings()).extracting(f -> f.text().english())
                .anyMatch(t -> t.contains("drop traffic to the VIPs"))
                .anyMatch(t -> t.contains("has no authentication"));
        List<VirtualService> services = result.cluster().services();
        assertThat(services).hasSize(2);
        assertThat(services.get(0).healthCheck().kind()).isEqualTo(CheckKind.HTTPS);
        assertThat(services.get(0).healthCheck().digest()).isEqualTo("ff20ad2481f97b1754ef3e12ecd3a9cc");
        assertThat(services.get(0).backends().get(0).forwarding()).isEqualTo(Forwarding.NAT);
        assertThat(services.get(1).sorryServer().address()).isEqualTo("192.168.200.200");
        assertThat(services.get(1).healthCheck().path()).isEqualTo("/testurl/test.jsp");
        assertThat(result.cluster().failover().virtualRouterId()).isEqualTo(51);
        assertThat(result.cluster().failover().authPass()).isEqualTo("1111");
        assertThat(result.cluster().director().vipInterface()).isEqualTo("eth1");
        assertThat(services.get(0).vip()).isEqualTo("192.168.200.16/24");
        // the second url of a check, the e-mail settings: left out, each with its line
        assertThat(lines(result)).anyMatch(l -> l.startsWith("src/test/resources/imports/keepalived-defaults.conf:47:")
                && l.contains("one URL per service"));
        assertThat(lines(result)).anyMatch(l -> l.contains(":8: left out: notification_email_from"));
        assertThat(result.missing()).contains("failover.backup.dips");
    }

    @Test
    void includesParametersGroupsAndFirewallMarks() throws Exception {
        Importer.Result result = importing("keepalived-include.conf");
        List<VirtualService> services = result.cluster().services();
        assertThat(services).extracting(VirtualService::vip).containsExactly("10.0.0.80/24", "10.0.0.81/24", null);
        assertThat(services.get(0).healthCheck().status()).isEqualTo(204);
        VirtualService marked = services.get(2);
        assertThat(marked.fwmark()).isEqualTo(7L);
        assertThat(marked.scheduler()).isEqualTo(Scheduler.SH);
        assertThat(marked.schedulerFlags()).containsExactly(SchedulerFlag.SH_PORT);
        assertThat(marked.backends().get(0).tunnelType()).isEqualTo(TunnelType.GRE);
        assertThat(result.cluster().failover().syncId()).isEqualTo(3);
        assertThat(rules(result)).containsExactly("vrid-clash");
        assertThat(result.missing()).contains("services[2].vip", "services[2].markPorts");
        assertThat(lines(result)).anyMatch(l -> l.contains("took: include") && l.contains("web.conf"));
    }

    @Test
    void ldirectordsChecksBecomeHealthChecks() throws Exception {
        Importer.Result result = importing("ldirectord.cf");
        List<VirtualService> services = result.cluster().services();
        assertThat(services).hasSize(2);
        VirtualService web = services.get(0);
        assertThat(web.scheduler()).isEqualTo(Scheduler.WRR);
        assertThat(web.healthCheck().kind()).isEqualTo(CheckKind.HTTP);
        assertThat(web.healthCheck().path()).isEqualTo("/index.html");
        assertThat(web.healthCheck().interval()).isEqualTo(5);
        assertThat(web.healthCheck().onFailure()).isEqualTo(OnFailure.REMOVE);
        assertThat(web.sorryServer().address()).isEqualTo("127.0.0.1");
        assertThat(web.backends()).extracting(Backend::weight).containsExactly(3, 1);
        VirtualService dns = services.get(1);
        assertThat(dns.protocol()).isEqualTo(Protocol.UDP);
        assertThat(dns.persistence().timeout()).isEqualTo(600L);
        assertThat(dns.backends().get(0).forwarding()).isEqualTo(Forwarding.NAT);
        assertThat(dns.backends().get(0).port()).isEqualTo(5353);
        assertThat(dns.healthCheck().kind()).isEqualTo(CheckKind.TCP);
        assertThat(lines(result)).anyMatch(l -> l.contains("receive=\"Test Page\"") && l.contains("left out"));
    }

    @Test
    void aSavedTableKeepsFlagsMasksTunnelsAndIpv6() throws Exception {
        Importer.Result result = importing("ipvsadm.rules");
        List<VirtualService> services = result.cluster().services();
        assertThat(services.get(0).persistence().netmask()).isEqualTo("255.255.255.0");
        assertThat(services.get(0).schedulerFlags()).containsExactly(SchedulerFlag.SH_PORT);
        assertThat(services.get(0).backends().get(1).upperThreshold()).isEqualTo(100);
        assertThat(services.get(0).backends().get(1).lowerThreshold()).isEqualTo(50);
        assertThat(services.get(1).backends().get(0).tunnelType()).isEqualTo(TunnelType.GUE);
        assertThat(services.get(1).backends().get(0).tunnelPort()).isEqualTo(6080);
        assertThat(services.get(2).vip()).isEqualTo("2001:db8::53");
        assertThat(services.get(2).protocol()).isEqualTo(Protocol.UDP);
        assertThat(services.get(2).backends().get(0).port()).isEqualTo(5353);
        // a saved table never holds MARK rules: missing, not a mistake of the file
        assertThat(rules(result)).doesNotContain("mark-rule-missing");
    }

    @Test
    void aCarelessRealServerScript() throws Exception {
        Importer.Result result = importing("realserver-careless.sh");
        assertThat(rules(result)).containsExactlyInAnyOrder("rs-vip-netmask", "arp-fix-missing");
        assertThat(result.findings()).extracting(SourceFinding::where)
                .allMatch(w -> w.endsWith("realserver-careless.sh:5"));
        assertThat(result.missing()).contains("services");
        assertThat(Lint.of(result, Locale.ENGLISH).lines()).noneMatch(l -> l.contains("[no-services]"));
    }

    @Test
    void aRealServerScriptGivesItsOwnAddressAndGatewayToItsRealServer() throws Exception {
        Importer.Result result = importing("seed-director.sh", "realserver-careless.sh");
        // 10.10.10.13 is none of the director's real servers: the script is every real server's
        assertThat(result.cluster().realServers()).allMatch(r -> "10.10.10.1".equals(r.gateway()));
        assertThat(result.cluster().realServers()).allMatch(r -> r.iface() == null);
    }

    @Test
    void theArpFixAfterTheVip() throws Exception {
        assertThat(rules(importing("realserver-late.sh"))).containsExactly("arp-fix-late");
    }

    @Test
    void aDirectorScriptWithoutItsMarkRuleAndAVariableItNeverSets() throws Exception {
        Importer.Result result = importing("director-fwmark.sh");
        assertThat(rules(result)).containsExactly("mark-rule-missing");
        VirtualService marked = result.cluster().services().get(0);
        assertThat(marked.persistence().timeout()).isEqualTo(300L);
        // -e changed the weight the -a gave
        assertThat(marked.backends()).extracting(Backend::weight).containsExactly(1, 4);
        assertThat(lines(result)).contains("src/test/resources/imports/director-fwmark.sh:7: not understood: ipvsadm -A"
                + " -t $UNSET_VIP:80: uses $UNSET_VIP, which the script does not assign plainly");
    }

    @Test
    void aPairsTwoFilesMakeOneFailoverAndMustAgree() throws Exception {
        Importer.Result result = importing("keepalived-pair-b.conf", "keepalived-pair-a.conf");
        // the MASTER's file is the first director, whichever came first
        assertThat(result.cluster().failover().priority()).isEqualTo(150);
        assertThat(result.cluster().failover().backupPriority()).isEqualTo(100);
        assertThat(result.cluster().failover().unicast()).isTrue();
        assertThat(result.cluster().failover().backup().dipInterface()).isEqualTo("eth0");
        assertThat(rules(result)).containsExactlyInAnyOrder("vrid-clash", "vrrp-strict");
        // vrrp_iptables: keepalived adds no firewall rules, so no complaint of blocked VIPs
        assertThat(result.findings()).noneMatch(f -> f.text().english().contains("drop traffic"));
    }

    @Test
    void aFileOfNothingLvsIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThatThrownBy(() -> Importer.from(List.of(text.toString()), null, new FakeRunner()))
                .isInstanceOf(Importer.ImportException.class).hasMessageContaining("no LVS configuration found")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Importer.from(List.of(dir.resolve("absent").toString()), null, new FakeRunner()))
                .hasMessage(dir.resolve("absent") + ": no such file");
    }

    @Test
    void anUnclosedBlockNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n");
        assertThatThrownBy(() -> Importer.from(List.of(conf.toString()), null, new FakeRunner()))
                .hasMessage(conf + ":2: a block is not closed with '}'");
    }

    /** What ipvsadm itself refuses, and a real_server listed twice, are said with their lines (lint and import). */
    @Test
    void refusedCommandsAndARealServerTwiceAreNamedWithTheirLines() throws Exception {
        Importer.Result rules = importing("ipvsadm-refused.rules");
        String file = CORPUS.resolve("ipvsadm-refused.rules").toString();
        String why = ". Why: ipvsadm -R prints the refusal and goes on, exiting with the last line's status:"
                + " the table silently lacks what that line meant";
        assertThat(rules.findings()).extracting(f -> f.toLine(Locale.ENGLISH)).containsExactly(
                "error[ipvsadm-refuses] " + file + ":4: -a -t 10.1.1.100:80 -r 10.1.1.11:80 -g -w 1: ipvsadm refuses it:"
                        + " -t 10.1.1.100:80 -r 10.1.1.11:80 was already added" + why,
                "error[ipvsadm-refuses] " + file + ":5: -a -t 10.1.1.200:80 -r 10.1.1.13:80 -g -w 1: ipvsadm refuses it:"
                        + " -t 10.1.1.200:80 does not exist at this point" + why);
        List<String> lint = Lint.of(importing("director-fwmark.sh"), Locale.ENGLISH).lines();
        assertThat(lint).as("a line counted as a warning reads as one")
                .anyMatch(l -> l.startsWith("warning[unreadable] src/test/resources/imports/director-fwmark.sh:7: not understood:"));
        Path script = Files.writeString(Files.createTempDirectory("lint").resolve("director.sh"),
                "#!/bin/sh\nipvsadm -A -t 10.1.1.100:80 -s rr\nipvsadm -A -t 10.1.1.100:80 -s rr || true\n"
                        + "ipvsadm -a -t 10.1.1.100:80 -r 10.1.1.11:80 -g\n");
        assertThat(Importer.from(List.of(script.toString()), null, new FakeRunner()).findings())
                .as("a script's own command may be guarded: only what ipvsadm -R reads is judged")
                .extracting(SourceFinding::rule).doesNotContain(LintRule.IPVSADM_REFUSES);
        Importer.Result twice = importing("keepalived-twice.conf");
        assertThat(rules(twice)).containsExactly("real-server-twice");
        assertThat(lines(twice)).anyMatch(line -> line.contains("real_server 192.168.60.12 443")
                && line.contains("this virtual_server has it already")).noneMatch(line -> line.contains("check differs"));
        assertThat(twice.cluster().services().get(0).backends()).extracting(Backend::weight).containsExactly(2, 1);
    }

    /** One director's keepalived.conf: the backup is to fill in, with a priority below the master's, never equal. */
    @Test
    void oneDirectorsFileLeavesTheBackupToFillInBelowTheMastersPriority(@TempDir Path dir) throws Exception {
        // keepalived's default priority, 100, is also the configuration's default for the backup
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), Files.readString(
                CORPUS.resolve("keepalived-pair-a.conf")).replace("priority 150", "priority 100"));
        Importer.Result result = Importer.from(List.of(conf.toString()), null, new FakeRunner());
        var failover = result.cluster().failover();
        assertThat(result.missing()).contains("failover.backup.dips").doesNotContain("failover.backupPriority");
        assertThat(failover.backup().name()).as("as the wizard starts a pair").isEqualTo("director2");
        assertThat(failover.backup().dipInterface()).isEqualTo("eth0");
        assertThat(failover.backup().vipInterface()).isEqualTo("eth1");
        assertThat(failover.backupPriority()).isLessThan(failover.priority()).isPositive();
    }

    /** The wizard's import dialog counts as lint counts: the how-to's scripts give lint's 2 errors and 3 warnings. */
    @Test
    void theBriefCountsWhatLintCounts() throws Exception {
        Importer.Result result = importing("seed-director.sh", "seed-realserver.sh");
        Lint.Report lint = Lint.of(result, Locale.ENGLISH);
        assertThat(lint.summary("s", Locale.ENGLISH)).isEqualTo("s: 2 errors, 3 warnings");
        assertThat(ImportReport.brief(result, Locale.ENGLISH, 5)).last().asString()
                .contains("lines not understood: 0; lint: 2 errors, 3 warnings (lvs-wizard lint)");
    }

    /** A NAT member's gateway no source says is the only one NAT works with: a pair's floating gateway. */
    @Test
    void aNatRealServerOfAPairTakesTheFloatingGateway() throws Exception {
        Importer.Result result = importing("keepalived-nat-one.conf");
        assertThat(result.cluster().failover().floatingGateway()).isEqualTo("192.168.50.254/24");
        assertThat(result.cluster().realServers()).extracting(r -> r.gateway()).containsExactly("192.168.50.254");
        assertThat(result.missing()).doesNotContain("realServers[0].gateway");
        assertThat(lines(result)).anyMatch(l -> l.contains("took: realServers[0].gateway: 192.168.50.254"));
    }
}
