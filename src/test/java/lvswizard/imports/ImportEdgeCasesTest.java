package lvswizard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lvswizard.exec.FakeRunner;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.Forwarding;
import lvswizard.model.OnFailure;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.VirtualService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a second reader found operators write, each as it must import (none was right at first). */
class ImportEdgeCasesTest {
    @TempDir
    Path dir;

    private Importer.Result importing(String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        return Importer.from(List.of(file.toString()), null, new FakeRunner());
    }

    private static List<String> lines(Importer.Result result) {
        return result.notes().stream().map(n -> n.toLine(Locale.ENGLISH)).toList();
    }

    private static List<String> rules(Importer.Result result) {
        return result.findings().stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void keepalivedsOwnDefaultsNotInventedOnes() throws Exception {
        VirtualService web = importing("keepalived.conf", """
                virtual_server 10.0.0.1 80 {
                    persistence_granularity 255.255.255.0
                    real_server 10.0.1.1 80 {
                        inhibit_on_failure false
                        MISC_CHECK {
                            misc_path "/usr/local/bin/check"
                        }
                    }
                    real_server 10.0.1.1 8080 {
                        weight 3
                    }
                }
                """).cluster().services().get(0);
        // no lvs_method: keepalived says "setting default NAT"
        assertThat(web.backends()).extracting(Backend::forwarding).containsOnly(Forwarding.NAT);
        // one host on two ports is two real servers of the service
        assertThat(web.backends()).extracting(Backend::port, Backend::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 1),
                        org.assertj.core.groups.Tuple.tuple(8080, 3));
        // a granularity alone persists for keepalived's 360 s
        assertThat(web.persistence().timeout()).isEqualTo(360L);
        // MISC_CHECK: no retry, the timeout is the delay_loop (60 by default)
        assertThat(web.healthCheck().kind()).isEqualTo(CheckKind.COMMAND);
        assertThat(web.healthCheck().retries()).isEqualTo(1);
        assertThat(web.healthCheck().timeout()).isEqualTo(60);
        assertThat(web.healthCheck().onFailure()).isEqualTo(OnFailure.REMOVE);
    }

    @Test
    void runawayNestingAndSpecialFilesAreRefusedInOneLine() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.conf"), "virtual_server 10.0.0.1 80 {\n" + "x {\n".repeat(20_000));
        assertThatThrownBy(() -> Importer.from(List.of(deep.toString()), null, new FakeRunner()))
                .hasMessageContaining("blocks nested deeper than 32");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> Importer.from(List.of(fifo.toString()), null, new FakeRunner()))
                .hasMessage(fifo + ": not a regular file");
        Path including = Files.writeString(dir.resolve("including.conf"), "include fifo\n");
        assertThatThrownBy(() -> Importer.from(List.of(including.toString()), null, new FakeRunner()))
                .hasMessageEndingWith("include " + fifo + ": not a regular file");
    }

    @Test
    void ldirectordValuesWithCommentsAndPortsThatAreNotHttp() throws Exception {
        Importer.Result result = importing("ldirectord.cf", """
                virtual=10.0.0.1:25
                \treal=10.0.1.1:25 gate 2 "/check", "OK"
                \tpersistent=600 # ten minutes
                \tcheckport=twenty-five
                virtual=10.0.0.2:80
                \treal=10.0.1.2:80 gate
                \tpersistent=
                """);
        VirtualService smtp = result.cluster().services().get(0);
        assertThat(smtp.persistence().timeout()).isEqualTo(600L);
        // negotiate on port 25 is an SMTP dialogue: not an HTTP check the file never asked for
        assertThat(smtp.healthCheck()).isNull();
        assertThat(lines(result)).anyMatch(l -> l.contains("not understood: checkport=twenty-five"))
                .anyMatch(l -> l.contains("not understood: persistent=: not a value it takes"))
                .anyMatch(l -> l.contains("left out: real=10.0.1.1:25 gate 2 \"/check\", \"OK\""))
                .anyMatch(l -> l.contains("not understood: checktype=negotiate service=port 25"));
    }

    @Test
    void aScriptsNestedCaseHereDocumentsAndCommentedAssignments() throws Exception {
        Importer.Result result = importing("lvs.sh", """
                #!/bin/sh
                VIP=192.168.1.100   # the VIP
                RIP1="10.0.0.11"    # web1
                case "$1" in
                  start|restart)
                    case "$2" in
                      quiet) exec >/dev/null ;;
                    esac
                    cat > /etc/lvs.stop <<'EOF'
                ipvsadm -C
                EOF
                    ipvsadm -R <<EOF
                -A -t $VIP:80 -s sh -b flag-1
                -a -t $VIP:80 -r $RIP1:80 -g
                EOF
                    iptables -t mangle -D PREROUTING -d $VIP -j MARK --set-mark 1
                    ;;
                  stop)
                    ipvsadm -D -t $VIP:80
                    ;;
                esac
                """);
        List<VirtualService> services = result.cluster().services();
        assertThat(services).hasSize(1);
        assertThat(services.get(0).schedulerFlags()).containsExactly(SchedulerFlag.SH_FALLBACK);
        assertThat(result.cluster().realServers()).extracting(r -> r.address()).containsExactly("10.0.0.11");
        assertThat(result.notes()).noneMatch(n -> n.kind() == Note.Kind.UNREADABLE);
        assertThat(lines(result)).anyMatch(l -> l.endsWith("lvs.sh:13: took: -A -t 192.168.1.100:80 -s sh -b flag-1"))
                .anyMatch(l -> l.contains("lines 18-21: another action than start"))
                .anyMatch(l -> l.endsWith("lvs.sh:12: took: ipvsadm -R"));
        // a MARK rule deleted is no MARK rule
        assertThat(lines(result)).anyMatch(l -> l.contains("lvs.sh:16: left out: iptables -t mangle -D"));
    }

    @Test
    void theArpFixOnAnInterfaceOrFromAFileAndAnIpv6VipAreNoMistakes() throws Exception {
        assertThat(rules(importing("rs-eth0.sh", """
                sysctl -w net.ipv4.conf.eth0.arp_ignore=1 net.ipv4.conf.eth0.arp_announce=2
                ip addr add 192.168.1.100/32 dev lo
                """))).isEmpty();
        assertThat(rules(importing("rs-file.sh", """
                sysctl -p /etc/sysctl.d/lvs.conf
                ip addr add 192.168.1.100/32 dev lo
                """))).isEmpty();
        assertThat(rules(importing("rs-v6.sh", """
                ip -6 addr add 2001:db8::100/128 dev lo
                """))).isEmpty();
        // but the fix on lo alone is none: ARP is answered on the receiving interface
        assertThat(rules(importing("rs-lo.sh", """
                echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore
                echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce
                ip addr add 192.168.1.100/32 dev lo
                """))).containsExactly("arp-fix-missing");
    }

    @Test
    void nonBreakingSpacesInACommentHarmNothing() throws Exception {
        assertThat(rules(importing("rs.sh", "#\u00a0a comment\nip addr add 10.0.0.13/24 dev eth0\n"))).isEmpty();
    }

    @Test
    void vrrpNftablesWithoutATableStillAddsRules() throws Exception {
        Importer.Result result = importing("keepalived.conf", """
                global_defs {
                    vrrp_strict
                    vrrp_nftables
                }
                virtual_server 10.0.0.1 80 {
                    lvs_method DR
                    real_server 10.0.1.1 80 {
                    }
                }
                """);
        assertThat(result.findings()).extracting(f -> f.text().english())
                .anyMatch(t -> t.contains("drop traffic to the VIPs"));
    }
}
