package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.Examples;
import lvswizard.text.Message;
import org.junit.jupiter.api.Test;
import lvswizard.plan.IpAddr;

/** The wording of findings: both languages complete, English unchanged, Chinese where the UI asks for it. */
class FindingTextsTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** Edits that reach the findings RuleCasesTest does not: other fields' words, other address reasons. */
    private static final String[][] EDITS = {
        {"/name=\"bad name\""}, {"/director/name=\"-x\""}, {"/services/0/name=\"a;b\""}, {"/director=null"},
        {"/director/dipInterface=null"}, {"/director/vipInterface=null"}, {"/director/dips=[]"},
        {"/director/dips=[\"10.10.10.10\"]"}, {"/director/dips=[\"10.10.10.0/24\"]"},
        {"/director/dips=[\"127.0.0.1/8\"]"}, {"/director/dips=[\"224.0.0.1/24\"]"},
        {"/director/dips=[\"fe80::1/64\"]"}, {"/director/dips=[\"0.0.0.0/24\"]"},
        {"/director/dips=[\"255.255.255.255/24\"]"}, {"/director/dips=[\"[2001:db8::1]/64\"]"},
        {"/director/dips=[\"10.10.10.10 /24\"]"},
        {"/director/dips=[\"10.10.10.10/24\",\"10.10.30.10/24\"]", "/realServers/0/address=\"10.10.11.11/24\""},
        {"/director/ntpServer=\"bad name!\""}, {"/director/gateway=\"10.10.30.1\""},
        {"/director/gateway=\"2001:db8::1\""}, {"/director/gateway=\"10.10.10.0\""},
        {"/director/gateway=\"10.10.10.10\""}, {"/director/gateway=\"192.168.101.168\""},
        {"/realServers/1/name=\"rs1\""}, {"/realServers/0/name=null"}, {"/realServers/0/interface=null"}, {"/realServers/0/address=\"10.10.10.10/24\""},
        {"/realServers/0/address=\"2001:db8::5\""}, {"/realServers/0/gateway=\"10.10.10.11\""},
        {"/realServers/0/gateway=\"2001:db8::1\""}, {"/realServers/0/gateway=\"10.10.10.255\""},
        {"/realServers/0/gateway=null"}, {"/realServers/0/gateway=\"bad gw\""}, {"/realServers/0/gateway=\"192.168.101.168\""},
        {"/services/0/vip=null"}, {"/services/0/vip=\"192.168.101.0/24\""}, {"/services/0/vip=\"10.10.10.10\""},
        {"/services/0/vip=\"10.10.10.11\""}, {"/services/0/vip=\"ff02::1\""}, {"/services/0/vip=\"::\""},
        {"/services/1={\"vip\":\"10.10.10.100/24\",\"fwmark\":2,\"markPorts\":[443],"
                + "\"backends\":[{\"realServer\":\"rs1\"}]}"},
        {"/services/0/fwmark=0"}, {"/services/0/markPorts=[]"}, {"/services/0/markPorts=[80,80]"},
        {"/services/0/markPorts=[80,70000]"}, {"/services/0/port=null"}, {"/services/0/scheduler=\"twos\""},
        {"/services/0/persistence={\"timeout\":0,\"netmask\":\"200\"}"},
        {"/services/0/backends/0/realServer=null"}, {"/services/0/backends/0/weight=65536"},
        {"/services/0/backends/0/upperThreshold=70000"}, {"/services/0/backends/0/lowerThreshold=-3"},
        {"/services/0/backends/0/port=70000"},
        {"/services/0/backends/0/forwarding=\"tun\"", "/services/0/backends/0/tunnelType=\"gue\""},
        {"/services/0/backends/0/forwarding=\"tun\"", "/services/0/backends/0/tunnelType=\"gue\"",
            "/services/0/backends/0/tunnelPort=0"},
        {"/services/0/backends/0/forwarding=\"tun\"", "/services/0/backends/0/tunnelType=\"ipip\"",
            "/services/0/backends/0/tunnelPort=5555"},
        {"/services/0/backends/0/forwarding=\"nat\""},
        {"/services/0/healthCheck={\"kind\":\"http\",\"interval\":0,\"timeout\":0,\"retries\":-1,\"status\":99}"},
        {"/services/0/healthCheck={\"kind\":\"command\"}"},
        {"/services/0/sorryServer={\"address\":\"10.10.10.300\"}"},
        {"/services/0/quorum={\"minimum\":0,\"hysteresis\":-1}"},
        {"/failover={\"backup\":null,\"virtualRouterId\":null}"},
        {"/failover={\"backup\":{\"name\":\"d2\",\"dipInterface\":\"eth0\",\"vipInterface\":\"eth1\","
                + "\"dips\":[\"10.10.10.9/24\"]},\"virtualRouterId\":300,\"advertInterval\":0,\"priority\":255,"
                + "\"backupPriority\":0,\"syncId\":256,\"floatingGateway\":\"10.10.10.1\",\"authPass\":\"a b\"}"},
        {"/failover={\"backup\":{\"name\":\"d2\",\"dipInterface\":\"eth0\",\"vipInterface\":\"eth1\","
                + "\"dips\":[\"10.10.10.9/24\"]},\"virtualRouterId\":51,\"floatingGateway\":\"172.16.0.1/24\"}"},
    };

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("en");
        Properties zh = load("zh");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(zh.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
            if (!Set.of("what.vip", "what.dip", "what.fwmark", "address-syntax", "summary", "summary.counts").contains(key)) {
                assertThat(zh.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void everyRuleSaysWhyInBothLanguages() throws IOException {
        Properties en = load("en");
        for (Rule rule : Rule.values()) {
            assertThat(en.getProperty("why." + rule.id())).as(rule.id()).isNotBlank();
            assertThat(rule.why()).as(rule.id()).isNotBlank().doesNotContain("''");
            assertThat(rule.why(ZH)).as(rule.id()).containsPattern("\\p{IsHan}").isNotEqualTo(rule.why());
        }
        assertThat(Rule.PORT_ZERO.why()).contains("port 0 means 'all ports', which");
        assertThat(Rule.NAME_SYNTAX.why(ZH)).endsWith("只能使用字母、数字、'.'、'_' 和 '-'");
        assertThat(Rule.NTP.why(Locale.FRENCH)).as("other languages read English").isEqualTo(Rule.NTP.why());
    }

    @Test
    void everyKeyAFindingUsesExistsInBothLanguages() throws IOException {
        Properties en = load("en");
        Properties zh = load("zh");
        Set<String> used = new TreeSet<>();
        for (String example : Examples.names()) {
            for (String[] edits : EDITS) {
                var tree = Examples.tree(example);
                for (String edit : edits) {
                    int eq = edit.indexOf('=');
                    Examples.set(tree, edit.substring(0, eq), edit.substring(eq + 1));
                }
                for (Finding f : Validator.validate(Examples.cluster(tree))) {
                    keys(f.text(), used);
                    assertThat(f.message(ZH)).as(f.toLine()).doesNotContainPattern("\\{\\d").isNotEqualTo(f.message());
                }
            }
        }
        assertThat(en.stringPropertyNames()).containsAll(used);
        assertThat(zh.stringPropertyNames()).containsAll(used);
        assertThat(used).as("the edits reach every field word").containsAll(en.stringPropertyNames().stream()
                .filter(k -> k.startsWith("what.") || k.startsWith("where.") || k.startsWith("kind.")).toList());
    }

    @Test
    void englishIsAsBeforeAndChineseReadsNaturally() {
        assertMessage("seed-dr", "/services/0/vip=\"192.168.101.300\"", Rule.ADDRESS_SYNTAX,
                "VIP: \"192.168.101.300\" is not an IPv4 or IPv6 address",
                "VIP：\"192.168.101.300\" 不是 IPv4 或 IPv6 地址");
        assertMessage("seed-dr", "/director/dips=[\"10.10.10.10/42\"]", Rule.ADDRESS_SYNTAX,
                "DIP: prefix /42 is out of range; expected 0-32 for IPv4", "DIP：前缀 /42 超出范围；IPv4 应为 0-32");
        assertMessage("seed-dr", "/director/dips=[\"10.0.0.10/255.255.255.0\"]", Rule.ADDRESS_SYNTAX,
                "DIP: write /24 for the netmask 255.255.255.0: 10.0.0.10/24",
                "DIP：子网掩码 255.255.255.0 请写成 /24：10.0.0.10/24");
        assertMessage("fwmark-https", "/services/0/backends=[]", Rule.NO_BACKENDS,
                "service web-bundle has no real servers", "服务 web-bundle 没有真实服务器");
        assertMessage("seed-dr", "/services/0/markPorts=[80]", Rule.FWMARK_FIELDS,
                "marked ports [80] are set, but the service has no firewall mark (fwmark)",
                "设置了标记的端口 [80]，但该服务没有防火墙标记（fwmark）");
        assertMessage("seed-dr", "/services/0/vip=\"2001:db8::100/129\"", Rule.ADDRESS_SYNTAX,
                "VIP: prefix /129 is out of range; expected 0-128 for IPv6", "VIP：前缀 /129 超出范围；IPv6 应为 0-128");
        assertMessage("seed-dr", "/realServers/1/name=\"rs1\"", Rule.DUPLICATE_NAME,
                "real server name rs1 is already used by real server 1 (realServers[0])",
                "真实服务器名称 rs1 已被第 1 台真实服务器（realServers[0]）使用");
        assertMessage("seed-dr", "/services/0/backends/0/weight=65536", Rule.RANGE,
                "weight 65536 is out of range; expected 0-65535", "权重 65536 超出范围；应为 0-65535");
        assertMessage("fwmark-https", "/services/0/fwmark=4294967296", Rule.RANGE,
                "fwmark 4294967296 is out of range; expected 1-4294967295",
                "fwmark 4294967296 超出范围；应为 1-4294967295");
        assertMessage("seed-dr", "/realServers/0/interface=null", Rule.REQUIRED,
                "the real server's interface is missing", "缺少：真实服务器的网卡");
        assertMessage("seed-dr", "/services/0/vip=\"127.0.0.1\"", Rule.SPECIAL_ADDRESS,
                "VIP 127.0.0.1 is a loopback address", "VIP 127.0.0.1 是回环地址");
        assertMessage("seed-dr", "/realServers/0/gateway=\"10.10.20.1\"", Rule.GATEWAY_SUBNET,
                "gateway 10.10.20.1 is outside its subnet 10.10.10.0/24",
                "网关 10.10.20.1 不在真实服务器所在的子网 10.10.10.0/24 内");
        assertMessage("nat-portmap", "/realServers/0/gateway=null", Rule.NAT_GATEWAY,
                "real server app1 has no gateway; with NAT it must be the DIP 10.10.20.1 (services[0].backends[0] uses NAT)",
                "真实服务器 app1 没有网关；NAT 模式下网关必须是 DIP 10.10.20.1（services[0].backends[0] 使用 NAT）");
        assertMessage("seed-dr", "/realServers/0/address=\"10.10.10.11\"", Rule.PREFIX_REQUIRED,
                "real server address (RIP) 10.10.10.11 has no prefix length; write it as 10.10.10.11/24"
                        + " (with your subnet's length)",
                "真实服务器地址（RIP） 10.10.10.11 没有前缀长度；请写成 10.10.10.11/24（前缀长度以实际子网为准）");
    }

    @Test
    void addressReasonsInBothLanguages() {
        IpAddr.Attempt attempt = IpAddr.attempt("[2001:db8::1]");
        assertThat(attempt.problem()).isEqualTo(IpAddr.problem("[2001:db8::1]"))
                .isEqualTo("write IPv6 addresses without brackets (the scripts add them where ipvsadm needs them)");
        assertThat(attempt.reason().format(ZH)).isEqualTo("IPv6 地址不要加方括号（脚本会在 ipvsadm 需要的地方自动加上）");
        assertThat(IpAddr.attempt("10.0.0.1").reason()).isNull();
        assertThat(IpAddr.problem("10.0.0.1")).isNull();
    }

    private static void assertMessage(String example, String edit, Rule rule, String english, String chinese) {
        int eq = edit.indexOf('=');
        var tree = Examples.set(Examples.tree(example), edit.substring(0, eq), edit.substring(eq + 1));
        Finding finding = Validator.validate(Examples.cluster(tree)).stream().filter(f -> f.rule() == rule)
                .findFirst().orElseThrow();
        assertThat(finding.message()).isEqualTo(english);
        assertThat(finding.message(ZH)).isEqualTo(chinese);
    }

    /** The keys of the validator's own bundle in a message and the words inside it (an address's reason is the plan's). */
    private static void keys(Message message, Set<String> into) {
        if (message.bundle().baseName().equals("lvswizard.validation.findings")) {
            into.add(message.key());
        } else {
            assertThat(message.format(ZH)).as(message.key()).isNotEqualTo(message.key()).isNotEqualTo(message.english());
        }
        message.args().stream().filter(Message.class::isInstance).forEach(a -> keys((Message) a, into));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FindingTextsTest.class.getResourceAsStream(
                "/lvswizard/validation/findings_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
