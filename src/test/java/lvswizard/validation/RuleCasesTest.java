package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lvswizard.Examples;
import lvswizard.model.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule: a configuration that triggers it, at the expected path, and a valid one that does not. */
public class RuleCasesTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String CJK = "\\p{IsHan}";

    /** base example + edits (pointer=json pairs) must give the rule at path; clean must not give the rule. */
    public record Case(Rule rule, String base, List<String> edits, String path, String clean) {
        public Cluster broken() {
            ObjectNode tree = Examples.tree(base);
            for (String edit : edits) {
                int eq = edit.indexOf('=');
                Examples.set(tree, edit.substring(0, eq), edit.substring(eq + 1));
            }
            return Examples.cluster(tree);
        }

        @Override
        public String toString() {
            return rule == null ? base + " " + edits : rule.id();
        }
    }

    private static Case c(Rule rule, String base, String path, String... edits) {
        return new Case(rule, base, List.of(edits), path, base);
    }

    private static Case withClean(Rule rule, String base, String clean, String path, String... edits) {
        return new Case(rule, base, List.of(edits), path, clean);
    }

    static final String SERVICE_COPY_443 = "{\"protocol\":\"tcp\",\"vip\":\"192.168.101.168/32\",\"port\":443,"
            + "\"backends\":[{\"realServer\":\"rs1\",\"forwarding\":\"dr\"}]}";
    static final String SERVICE_COPY_80 = "{\"protocol\":\"tcp\",\"vip\":\"192.168.101.168/24\",\"port\":80,"
            + "\"backends\":[{\"realServer\":\"rs1\",\"forwarding\":\"dr\"}]}";

    /** nat-portmap's director with a second one beside it, and no floating gateway. */
    static final String NAT_PAIR = "{\"virtualRouterId\":51,\"backup\":{\"name\":\"d2\",\"dipInterface\":\"eth0\","
            + "\"vipInterface\":\"eth1\",\"dips\":[\"10.10.20.9/24\"]}}";

    public static Stream<Case> cases() {
        return Stream.of(
                c(Rule.VERSION, "seed-dr", "version", "/version=2"),
                c(Rule.REQUIRED, "seed-dr", "realServers[0].interface", "/realServers/0/interface=null"),
                c(Rule.ADDRESS_SYNTAX, "seed-dr", "services[0].vip", "/services/0/vip=\"192.168.101.300\""),
                c(Rule.PREFIX_REQUIRED, "seed-dr", "realServers[0].address", "/realServers/0/address=\"10.10.10.11\""),
                c(Rule.NAME_SYNTAX, "seed-dr", "realServers[0].name", "/realServers/0/name=\"rs1;reboot\""),
                c(Rule.INTERFACE_NAME, "seed-dr", "realServers[0].interface", "/realServers/0/interface=\"eth0 up\""),
                c(Rule.RANGE, "seed-dr", "services[0].backends[0].weight", "/services/0/backends/0/weight=65536"),
                c(Rule.THRESHOLD_ORDER, "seed-dr", "services[0].backends[0].lowerThreshold",
                        "/services/0/backends/0/upperThreshold=10", "/services/0/backends/0/lowerThreshold=20"),
                c(Rule.PORT_ZERO, "seed-dr", "services[0].port", "/services/0/port=0"),
                c(Rule.UNKNOWN_REAL_SERVER, "seed-dr", "services[0].backends[0].realServer",
                        "/services/0/backends/0/realServer=\"rs9\""),
                c(Rule.FWMARK_FIELDS, "fwmark-https", "services[0].port", "/services/0/port=80"),
                c(Rule.PERSISTENCE_NETMASK, "fwmark-https", "services[0].persistence.netmask",
                        "/services/0/persistence/netmask=\"255.0.255.0\""),
                c(Rule.SCHEDULER_FLAG, "seed-dr", "services[0].schedulerFlags[0]",
                        "/services/0/schedulerFlags=[\"sh-port\"]"),
                c(Rule.RECENT_SCHEDULER, "seed-dr", "services[0].scheduler", "/services/0/scheduler=\"mh\""),
                c(Rule.UNWEIGHTED_SCHEDULER, "seed-dr", "services[0].scheduler", "/services/0/scheduler=\"rr\""),
                c(Rule.NO_GATEWAY, "seed-dr", "realServers[0].gateway", "/realServers/0/gateway=null"),
                c(Rule.DR_SAME_SUBNET, "seed-dr", "realServers[0].address",
                        "/realServers/0/address=\"10.10.11.11/24\"", "/realServers/0/gateway=\"10.10.11.1\""),
                c(Rule.PORT_MAPPING, "seed-dr", "services[0].backends[0].port", "/services/0/backends/0/port=8080"),
                c(Rule.NAT_GATEWAY, "nat-portmap", "realServers[0].gateway",
                        "/realServers/0/gateway=\"10.10.20.254\""),
                c(Rule.NAT_SAME_SUBNET, "nat-portmap", "realServers[0].address", "/director/dips=[\"10.10.20.1/32\"]"),
                c(Rule.NAT_CLIENT_NETWORK, "nat-portmap", "services[0].vip", "/services/0/vip=\"10.10.20.100/24\""),
                c(Rule.GATEWAY_SUBNET, "seed-dr", "realServers[0].gateway", "/realServers/0/gateway=\"10.10.20.1\""),
                c(Rule.NETWORK_OR_BROADCAST, "seed-dr", "realServers[0].address",
                        "/realServers/0/address=\"10.10.10.255/24\""),
                c(Rule.DUPLICATE_ADDRESS, "seed-dr", "realServers[1].address",
                        "/realServers/1/address=\"10.10.10.11/24\""),
                c(Rule.DUPLICATE_BACKEND, "seed-dr", "services[0].backends[1]",
                        "/services/0/backends/1/realServer=\"rs1\""),
                c(Rule.DUPLICATE_SERVICE, "seed-dr", "services[1]", "/services/1=" + SERVICE_COPY_80),
                c(Rule.DUPLICATE_NAME, "seed-dr", "realServers[1].name", "/realServers/1/name=\"rs1\""),
                c(Rule.VIP_PREFIX, "seed-dr", "services[1].vip", "/services/1=" + SERVICE_COPY_443),
                c(Rule.FAMILY_MISMATCH, "seed-dr", "services[0].backends[0]", "/services/0/vip=\"2001:db8::100\""),
                c(Rule.TUN_FAMILY, "tun-ipip", "services[0].backends[0]", "/realServers/0/address=\"2001:db8:5::21/64\"",
                        "/realServers/0/gateway=\"2001:db8:5::1\""),
                c(Rule.DIP_FAMILY, "ipv6-dr", "director.dips", "/director/dips=[\"10.10.10.10/24\"]"),
                c(Rule.TUN_FIELDS, "seed-dr", "services[0].backends[0].tunnelType",
                        "/services/0/backends/0/tunnelType=\"ipip\""),
                withClean(Rule.TUN_MTU, "tun-ipip", "seed-dr", "services[0]"),
                withClean(Rule.TUN_RP_FILTER, "tun-ipip", "seed-dr", "services[0]"),
                c(Rule.TUN_KERNEL, "tun-ipip", "services[0]", "/services/0/backends/0/tunnelType=\"gre\""),
                withClean(Rule.DR_TWO_NICS, "seed-dr", "fwmark-https", "director.vipInterface"),
                c(Rule.FWMARK_PERSISTENCE, "fwmark-https", "services[0].persistence", "/services/0/persistence=null"),
                c(Rule.PERSISTENCE_SCHEDULER, "fwmark-https", "services[0].scheduler", "/services/0/scheduler=\"sh\""),
                c(Rule.NTP, "seed-dr", "director.ntpServer", "/director/ntpServer=null"),
                c(Rule.NO_SERVICES, "seed-dr", "services", "/services=[]"),
                c(Rule.NO_BACKENDS, "seed-dr", "services[0].backends", "/services/0/backends=[]"),
                c(Rule.WEIGHT_ZERO, "seed-dr", "services[0].backends[0].weight", "/services/0/backends/0/weight=0"),
                c(Rule.UNUSED_REAL_SERVER, "seed-dr", "realServers[1]",
                        "/services/0/backends=[{\"realServer\":\"rs1\",\"forwarding\":\"dr\"}]"),
                c(Rule.SPECIAL_ADDRESS, "seed-dr", "services[0].vip", "/services/0/vip=\"127.0.0.1\""),
                c(Rule.MARK_OVERLAP, "fwmark-https", "services[1]", "/services/1={\"vip\":\"10.10.10.100/24\","
                        + "\"port\":443,\"backends\":[{\"realServer\":\"rs1\"}]}"),
                c(Rule.DR_GATEWAY_DIP, "seed-dr", "realServers[0].gateway", "/realServers/0/gateway=\"10.10.10.10\""),
                // a pair: the backup's DIP as gateway is the same mistake
                c(Rule.DR_GATEWAY_DIP, "ha-dr", "realServers[0].gateway", "/realServers/0/gateway=\"10.10.10.9\""),
                // TUN as well: 0 of 30 requests were answered on the real kernel
                c(Rule.DR_GATEWAY_DIP, "seed-dr", "realServers[0].gateway", "/realServers/0/gateway=\"10.10.10.10\"",
                        "/services/0/backends/0/forwarding=\"tun\"", "/services/0/backends/1/forwarding=\"tun\""),
                c(Rule.NAT6_FORWARDING, "ipv6-dr", "services[0]", "/services/0/backends/0/forwarding=\"nat\""),
                c(Rule.HEALTH_CHECK, "seed-dr", "services[0].healthCheck.path",
                        "/services/0/healthCheck={\"kind\":\"http\",\"path\":\"health check\"}"),
                c(Rule.HEALTH_CHECK, "seed-dr", "services[0].healthCheck.path",
                        "/services/0/healthCheck={\"kind\":\"http\",\"path\":\"/www/../etc/passwd\"}"),
                c(Rule.RANGE, "seed-dr", "services[0].healthCheck.retries",
                        "/services/0/healthCheck={\"kind\":\"tcp\",\"retries\":0}"),
                c(Rule.CHECK_TIMING, "seed-dr", "services[0].healthCheck.timeout",
                        "/services/0/healthCheck={\"kind\":\"tcp\",\"interval\":3,\"timeout\":5}"),
                c(Rule.SORRY_SERVER, "seed-dr", "services[0].sorryServer.address",
                        "/services/0/sorryServer={\"address\":\"10.10.10.11\",\"port\":80}"),
                c(Rule.QUORUM, "seed-dr", "services[0].quorum.minimum", "/services/0/quorum={\"minimum\":4}"),
                c(Rule.FAILOVER_PEER, "ha-dr", "failover.backup.dips[0]", "/failover/backup/dips=[\"10.10.20.9/24\"]"),
                c(Rule.FAILOVER_PEER, "ha-dr", "failover.backup.gateway", "/failover/backup/gateway=\"10.10.10.254\""),
                c(Rule.DUPLICATE_NAME, "ha-dr", "failover.backup.name", "/failover/backup/name=\"rs1\""),
                c(Rule.DUPLICATE_ADDRESS, "ha-dr", "failover.backup.dips[0]",
                        "/failover/backup/dips=[\"10.10.10.11/24\"]"),
                c(Rule.VRRP_ID, "ha-dr", "failover.virtualRouterId", "/failover/virtualRouterId=256"),
                c(Rule.VRRP_PRIORITY, "ha-dr", "failover.backupPriority", "/failover/backupPriority=150"),
                c(Rule.VRRP_AUTH, "ha-dr", "failover.authPass", "/failover/authPass=\"pass word\""),
                c(Rule.VRRP_AUTH, "ha-dr", "failover.authPass", "/failover/authPass=\"longer-than-8\""),
                withClean(Rule.FAILOVER_GATEWAY, "nat-portmap", "ha-dr", "failover.floatingGateway",
                        "/failover=" + NAT_PAIR),
                withClean(Rule.NAT_GATEWAY, "nat-portmap", "ha-dr", "realServers[0].gateway",
                        "/failover=" + NAT_PAIR.replace("}}", "},\"floatingGateway\":\"10.10.20.250/24\"}")),
                withClean(Rule.FAILOVER_GATEWAY, "nat-portmap", "ha-dr", "failover.floatingGateway",
                        "/failover=" + NAT_PAIR.replace("}}", "},\"floatingGateway\":\"10.10.20.1/24\"}")));
    }

    @ParameterizedTest(name = "{0} fires")
    @MethodSource("cases")
    void ruleFiresAtItsPath(Case c) {
        List<Finding> findings = Validator.validate(c.broken());
        assertThat(findings).as("findings").anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(c.rule());
            assertThat(f.path()).isEqualTo(c.path());
        });
    }

    @ParameterizedTest(name = "{0} stays quiet on a valid configuration")
    @MethodSource("cases")
    void ruleIsQuietOnValidConfiguration(Case c) {
        List<Finding> findings = Validator.validate(Examples.load(c.clean()));
        assertThat(Validator.hasErrors(findings)).isFalse();
        assertThat(findings).noneSatisfy(f -> assertThat(f.rule()).isEqualTo(c.rule()));
    }

    /** Legitimate configurations close to a rule's edge: no error at all. */
    static Stream<Case> nearMisses() {
        return Stream.of(
                c(null, "seed-dr", "", "/director/dips=[\"10.10.10.10/24\",\"2001:db8:10::10/64\"]"),
                c(null, "seed-dr", "", "/director/gateway=\"10.10.10.1\""),
                c(null, "seed-dr", "", "/realServers/0/address=\"192.168.101.11/24\"",
                        "/realServers/0/gateway=\"192.168.101.254\""),
                c(null, "seed-dr", "", "/director/dips=[\"10.10.10.10/31\"]",
                        "/realServers=[{\"name\":\"rs1\",\"address\":\"10.10.10.11/31\",\"interface\":\"eth0\"}]",
                        "/services/0/backends=[{\"realServer\":\"rs1\"}]"),
                c(null, "fwmark-https", "", "/services/1={\"vip\":\"10.10.10.100/24\",\"port\":8080,"
                        + "\"backends\":[{\"realServer\":\"rs1\"}]}"),
                c(null, "fwmark-https", "", "/services/0/persistence/timeout=2678400"),
                c(null, "nat-portmap", "", "/services/0/backends/1/port=9090"),
                c(null, "seed-dr", "", "/services/0/port=0", "/services/0/persistence={\"timeout\":60}"));
    }

    @ParameterizedTest(name = "near miss {index}")
    @MethodSource("nearMisses")
    void nearMissesAreValid(Case c) {
        List<Finding> errors = Validator.validate(c.broken()).stream().filter(Finding::isError).toList();
        assertThat(errors).as("edits " + c.edits()).isEmpty();
    }

    @Test
    void everyRuleHasACase() {
        Set<Rule> covered = cases().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("rules without a test case").isEmpty();
        assertThat(Arrays.stream(Rule.values()).map(Rule::id).distinct().count()).isEqualTo(Rule.values().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingLineNamesSeverityRulePathAndWhy(Case c) {
        Finding finding = Validator.validate(c.broken()).stream().filter(f -> f.rule() == c.rule()).findFirst()
                .orElseThrow();
        assertThat(finding.toLine())
                .startsWith(c.rule().severity() + "[" + c.rule().id() + "] " + c.path() + ": ")
                .contains(". Why: " + c.rule().why())
                .doesNotContain("\n");
    }

    /** Each finding of the case in Chinese: every placeholder filled, Chinese words, not the English text. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsReadInChinese(Case c) {
        List<Finding> findings = Validator.validate(c.broken());
        assertThat(findings).anySatisfy(f -> assertThat(f.rule()).isEqualTo(c.rule()));
        for (Finding f : findings) {
            String zh = f.message(ZH);
            assertThat(zh).as(f.toLine()).doesNotContainPattern("\\{\\d").containsPattern(CJK)
                    .isNotEqualTo(f.message()).doesNotContain("\n");
            assertThat(f.toLine(ZH)).as(f.toLine())
                    .isEqualTo(f.severity() + "[" + f.rule().id() + "] " + f.path() + ": " + zh + "。原因："
                            + f.rule().why(ZH));
            assertThat(f.message(Locale.ENGLISH)).isEqualTo(f.message());
            assertThat(f.toLine(Locale.ENGLISH)).isEqualTo(f.toLine());
        }
    }
}
