package lvswizard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import lvswizard.exec.FakeRunner;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import org.junit.jupiter.api.Test;

/** This host's running state, as the commands a director answers with (recorded from Debian 12's tools). */
public class HostSourceTest {
    static final String SAVED = """
            -A -t 192.168.101.168:80 -s wlc
            -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2
            -a -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 1
            -A -f 1 -s rr -p 600 -M 255.255.255.255
            -a -f 1 -r 10.10.10.11:0 -g -w 1
            """;
    static final String THRESHOLDS = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn
              -> RemoteAddress:Port
            TCP  192.168.101.168:80 wlc
              -> 10.10.10.11:80               100        20         0          0
              -> 10.10.10.12:80               0          0          0          0
            FWM  1 rr persistent 600
              -> 10.10.10.11:0                0          0          0          0
            """;
    static final String ADDRESSES = """
            [{"ifindex":1,"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host",\
            "label":"lo"}]},
            {"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"10.10.10.10","prefixlen":24,\
            "scope":"global","label":"eth0"},{"family":"inet6","local":"fe80::1","prefixlen":64,"scope":"link"}]},
            {"ifindex":3,"ifname":"eth1","addr_info":[{"family":"inet","local":"192.168.101.2","prefixlen":24,\
            "scope":"global","label":"eth1"},{"family":"inet","local":"192.168.101.168","prefixlen":24,\
            "scope":"global","label":"eth1:0"},{"family":"inet","local":"192.168.101.169","prefixlen":32,\
            "scope":"global","label":"eth1:0"}]}]
            """;
    public static final String MANGLE = """
            -P PREROUTING ACCEPT
            -A PREROUTING -d 192.168.101.169/32 -p tcp -m multiport --dports 80,443 -j MARK --set-xmark 0x1/0x1
            """;

    static FakeRunner director() {
        return director(MANGLE, null);
    }

    static FakeRunner director(String mangle) {
        return director(mangle, null);
    }

    /** A director as the recorded commands show it; without MARK rules (mangle null: iptables missing), a route. */
    public static FakeRunner director(String mangle, String route) {
        FakeRunner runner = new FakeRunner().answer("ipvsadm -S -n", 0, SAVED).answer("ipvsadm -L -n --thresholds", 0, THRESHOLDS)
                .answer("ip -j addr show", 0, ADDRESSES)
                .answer("ip -j -4 route show default", 0, route != null ? route
                        : "[{\"dst\":\"default\",\"gateway\":\"192.168.101.254\",\"dev\":\"eth1\"}]")
                .missing("ip6tables");
        return mangle == null ? runner.missing("iptables") : runner.answer("iptables -t mangle -S PREROUTING", 0, mangle);
    }

    @Test
    void theRunningDirectorIsItsConfiguration() throws Exception {
        Importer.Result result = Importer.from(List.of(Importer.HOST), "web", director());
        Cluster cluster = result.cluster();
        assertThat(cluster.name()).isEqualTo("web");
        assertThat(cluster.director().dipInterface()).isEqualTo("eth0");
        assertThat(cluster.director().dips()).containsExactly("10.10.10.10/24");
        assertThat(cluster.director().vipInterface()).isEqualTo("eth1:0");
        assertThat(cluster.director().gateway()).isEqualTo("192.168.101.254");
        VirtualService web = cluster.services().get(0);
        assertThat(web.vip()).isEqualTo("192.168.101.168/24");
        assertThat(web.backends().get(0).upperThreshold()).isEqualTo(100);
        assertThat(web.backends().get(0).lowerThreshold()).isEqualTo(20);
        VirtualService marked = cluster.services().get(1);
        assertThat(marked.fwmark()).isEqualTo(1L);
        assertThat(marked.vip()).isEqualTo("192.168.101.169/32");
        assertThat(marked.markPorts()).containsExactly(80, 443);
        // the full mask ipvsadm -S writes is the configuration's default
        assertThat(marked.persistence().netmask()).isNull();
        // the RIPs are on the DIP's subnet: its prefix, said as taken
        assertThat(cluster.realServers()).extracting(r -> r.address()).containsExactly("10.10.10.11/24", "10.10.10.12/24");
        assertThat(result.notes()).extracting(n -> n.toLine(Locale.ENGLISH))
                .contains("took: 10.10.10.11/24: the prefix of the DIP 10.10.10.10/24, whose subnet it is on")
                .anyMatch(l -> l.startsWith("host: left out: ip6tables -t mangle -S PREROUTING failed"));
        assertThat(result.findings()).isEmpty();
        assertThat(result.missing()).containsOnly("realServers[0].interface", "realServers[0].gateway",
                "realServers[1].interface", "realServers[1].gateway", "director.ntpServer");
    }

    @Test
    void aFwmarkServiceWithoutItsMarkRuleOnTheHost() throws Exception {
        Importer.Result result = Importer.from(List.of(Importer.HOST), null, director("-P PREROUTING ACCEPT\n"));
        assertThat(result.findings()).extracting(f -> f.rule()).containsExactly(LintRule.MARK_RULE_MISSING);
    }

    @Test
    void noIpvsadmOrNotRootIsOneLine() {
        FakeRunner runner = new FakeRunner().answer("ipvsadm -S -n", 2, "",
                "Can't initialize ipvs: Permission denied (you must be root)\n");
        assertThatThrownBy(() -> Importer.from(List.of(Importer.HOST), null, runner))
                .hasMessage("host: ipvsadm -S -n failed (Can't initialize ipvs: Permission denied (you must be root));"
                        + " run as root on the director, with ipvsadm installed");
    }
}
