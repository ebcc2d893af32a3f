package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Plan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every keepalived.conf the product writes, for every example and for each kind of health check,
 * failure action, tunnel type and threshold, passes Debian's real {@code keepalived -t}: in a network
 * namespace of its own that has the director's interfaces, with no output and exit 0 (keepalived
 * exits 0 on deprecated keywords, so the file is also searched for them).
 */
class KeepalivedCheckTest {
    private static final List<String> RETIRED = List.of("lb_algo", "lb_kind", "nat_mask", "nb_get_retry",
            "vrrp_strict", "persistence_engine");

    @BeforeAll
    static void toolsArePresent() {
        assertThat(Tools.onPath("keepalived"))
                .as("keepalived is required by this test; the README's test command installs it (apt-get install keepalived)")
                .isTrue();
        assertThat(Tools.onPath("unshare")).as("unshare (util-linux) makes the test's network namespace").isTrue();
    }

    /** A configuration, named for the report. */
    record Variant(String name, ObjectNode tree) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        Examples.names().forEach(name -> variants.add(new Variant(name, Examples.tree(name))));
        variants.add(check("nat tcp check on its own port, quiesced", "nat-portmap",
                "{\"kind\":\"tcp\",\"port\":8081,\"onFailure\":\"quiesce\",\"interval\":2,\"timeout\":1,\"retries\":1}"));
        variants.add(check("nat https check with a digest", "nat-portmap",
                "{\"kind\":\"https\",\"path\":\"/status?full=1\",\"status\":204,"
                        + "\"digest\":\"9e107d9d372bb6826bd81d3542a419d6\"}"));
        variants.add(check("nat command check", "nat-portmap",
                "{\"kind\":\"command\",\"command\":\"/usr/lib/nagios/plugins/check_http -H 10.10.20.11 -p 8080\","
                        + "\"timeout\":4,\"interval\":10}"));
        variants.add(check("nat no check kind none", "nat-portmap", "{\"kind\":\"none\"}"));
        Variant gue = check("tun over gue with thresholds and an http check", "tun-ipip", "{\"kind\":\"http\"}");
        Examples.set(gue.tree(), "/services/0/backends/0/tunnelType", "\"gue\"");
        Examples.set(gue.tree(), "/services/0/backends/0/tunnelPort", "5555");
        Examples.set(gue.tree(), "/services/0/backends/1/tunnelType", "\"gre\"");
        Examples.set(gue.tree(), "/services/0/backends/0/upperThreshold", "100");
        Examples.set(gue.tree(), "/services/0/backends/0/lowerThreshold", "50");
        variants.add(gue);
        Variant persistent = check("dr persistence, sh with flags, alpha and quorum", "seed-dr", "{\"kind\":\"tcp\"}");
        Examples.set(persistent.tree(), "/services/0/persistence", "{\"timeout\":300,\"netmask\":\"255.255.255.0\"}");
        Examples.set(persistent.tree(), "/services/0/scheduler", "\"sh\"");
        Examples.set(persistent.tree(), "/services/0/schedulerFlags", "[\"sh-port\",\"sh-fallback\"]");
        Examples.set(persistent.tree(), "/services/0/alpha", "true");
        Examples.set(persistent.tree(), "/services/0/quorum", "{\"minimum\":1,\"hysteresis\":0}");
        variants.add(persistent);
        variants.add(check("ipv6 http check with sorry server", "ipv6-dr", "{\"kind\":\"http\",\"path\":\"/\"}"));
        Examples.set(variants.get(variants.size() - 1).tree(), "/services/0/sorryServer",
                "{\"address\":\"2001:db8:10::99\",\"port\":null}");
        variants.add(pair("pair: unicast, a password, no preemption, no connection sync", "ha-dr",
                "{\"unicast\":true,\"authPass\":\"s3cret\",\"preempt\":false,\"connectionSync\":false}"));
        Variant nat = pair("pair: NAT with a floating gateway", "nat-portmap", "{\"floatingGateway\":\"10.10.20.250/24\"}");
        for (int i = 0; i < 3; i++) {
            Examples.set(nat.tree(), "/realServers/" + i + "/gateway", "\"10.10.20.250\"");
        }
        variants.add(nat);
        variants.add(pair("pair: IPv6 VIPs (VRRPv3), unicast", "ipv6-dr", "{\"unicast\":true}"));
        return variants;
    }

    /** The example with a second director beside its first: the same interfaces, the next DIPs. */
    private static Variant pair(String name, String example, String settings) {
        ObjectNode tree = Examples.tree(example);
        ObjectNode failover = (ObjectNode) Examples.tree("ha-dr").get("failover").deepCopy();
        ObjectNode backup = (ObjectNode) failover.get("backup");
        backup.set("dipInterface", tree.at("/director/dipInterface"));
        backup.set("vipInterface", tree.at("/director/vipInterface"));
        backup.set("gateway", tree.at("/director/gateway"));
        backup.set("ntpServer", tree.at("/director/ntpServer"));
        var dips = backup.putArray("dips");
        tree.at("/director/dips").forEach(d -> dips.add(nextAddress(d.asText())));
        tree.set("failover", failover);
        Examples.set(tree, "/failover/virtualRouterId", "51");
        try {
            failover.setAll((ObjectNode) new ObjectMapper().readTree(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(settings, e);
        }
        return new Variant(name, tree);
    }

    /** A free address in the DIP's subnet for the second director: the second from the top. */
    private static String nextAddress(String cidr) {
        IpAddr dip = IpAddr.parse(cidr);
        return dip.hostFromTop(2).text() + "/" + dip.prefixLength();
    }

    private static Variant check(String name, String example, String healthCheck) {
        return new Variant(name, Examples.set(Examples.tree(example), "/services/0/healthCheck", healthCheck));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void keepalivedAcceptsIt(Variant variant, @TempDir Path dir) throws Exception {
        Plan plan = Examples.plan(Examples.cluster(variant.tree()));
        List<RenderedFile> files = new KeepalivedExport().files(plan, Export.Options.of(Flavour.IPROUTE2));
        for (HostNeeds director : HostNeeds.directors(plan)) {
            String name = KeepalivedExport.fileName(plan, director.name());
            String conf = files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
            assertThat(conf.lines().map(String::strip).filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]))
                    .as("retired or forbidden keywords").doesNotContainAnyElementsOf(RETIRED);
            Path file = dir.resolve(name);
            Files.writeString(file, conf, StandardCharsets.UTF_8);
            Tools.Result result = Tools.run(List.of("unshare", "--net", "sh", "-c",
                    interfaces(director.devices()) + "exec keepalived --config-test --use-file=\"$0\"",
                    file.toString()));
            assertThat(result.output()).as("keepalived -t on " + name + "\n" + conf).isEmpty();
            assertThat(result.exitCode()).as("keepalived -t exit code on " + name + "\n" + conf).isZero();
        }
    }

    /** The director's interfaces as veth pairs (the one device type every kernel here offers), up. */
    private static String interfaces(List<String> devices) {
        StringBuilder script = new StringBuilder("set -e; ");
        int peer = 0;
        for (String device : devices) {
            script.append("ip link add ").append(device).append(" type veth peer name peer").append(peer++)
                    .append("; ip link set ").append(device).append(" up; ");
        }
        return script.toString();
    }
}
