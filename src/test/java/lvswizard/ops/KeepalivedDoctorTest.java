package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.Examples;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.Templates;
import org.junit.jupiter.api.Test;

/** The doctor of a director in keepalived mode: keepalived's verdicts are NOTEs, the configuration's faults WRONG. */
class KeepalivedDoctorTest {
    private static final Plan NAT = Examples.plan("nat-portmap");
    private static final Plan FWMARK = Examples.plan("fwmark-https");

    private static List<String> lines(List<Doctor.Check> checks) {
        return checks.stream().map(Doctor.Check::toLine).toList();
    }

    @Test
    void aRealServerOutOfTheTableIsItsChecksVerdictAndTheSorryServerIsSaidSo() {
        String table = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.12:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.13:8080 -m -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(table, NAT, true))).contains(
                "OK     IPVS service -t 192.168.101.168:80: -s wlc",
                "NOTE   IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080: not in the table: keepalived's"
                        + " check finds it down\n       fix: find out why the real server fails its check: doctor on"
                        + " that host, and keepalived's log",
                "OK     IPVS real server -t 192.168.101.168:80 -r 10.10.20.12:8080: -m -w 1");
        String allDown = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.100:8080 -m -w 1
                """;
        List<String> sorry = lines(KeepalivedDoctor.table(allDown, NAT, true));
        assertThat(sorry).anyMatch(l -> l.startsWith("NOTE   IPVS real server -t 192.168.101.168:80 -r"
                + " 10.10.20.100:8080: the sorry server: keepalived finds too few real servers up (quorum lost, or"
                + " every one down)"));
        assertThat(sorry).noneMatch(l -> l.startsWith("WRONG"));
        String quorumLost = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.13:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.100:8080 -m -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(quorumLost, NAT, true))).as("keepalived took the healthy one out too")
                .anyMatch(l -> l.startsWith("NOTE   IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080: not in"
                        + " the table: keepalived serves the sorry server instead (quorum lost)"));
        assertThat(lines(KeepalivedDoctor.table(table, NAT, false))).as("keepalived not running its file: no verdict")
                .anyMatch(l -> l.startsWith("WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080:"
                        + " missing"));
    }

    @Test
    void aStrangerOrAMissingServiceIsWrong() {
        String table = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.11:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.12:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.13:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.99:8080 -m -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(table, NAT, true))).contains("WRONG  IPVS real server -t 192.168.101.168:80"
                + " -r 10.10.20.99:8080: present but not configured\n       fix: ipvsadm -d -t 192.168.101.168:80 -r"
                + " 10.10.20.99:8080");
        assertThat(lines(KeepalivedDoctor.table("", NAT, true))).first().asString()
                .startsWith("WRONG  IPVS service -t 192.168.101.168:80: missing");
    }

    @Test
    void weightZeroIsTheCheckOnlyWhereAFailureQuiesces() {
        String table = """
                -A -f 1 -s wlc -p 600
                -a -f 1 -r 10.10.10.11:0 -g -w 0
                -a -f 1 -r 10.10.10.12:0 -g -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(table, FWMARK, true))).contains("NOTE   IPVS real server -f 1 -r"
                + " 10.10.10.11:0: weight 0, configured 1: keepalived's check finds it down (inhibit_on_failure)\n"
                + "       fix: find out why the real server fails its check: doctor on that host, and keepalived's log");
        String natQuiesced = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.11:8080 -m -w 0
                -a -t 192.168.101.168:80 -r 10.10.20.12:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.13:8080 -m -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(natQuiesced, NAT, true))).as("its check removes a failed server")
                .anyMatch(l -> l.startsWith("WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080: -m"
                        + " -w 0, configured -m -w 1"));
    }

    @Test
    void keepalivedItselfAndItsFile() {
        String expected = KeepalivedExport.conf(NAT, Templates.packaged());
        KeepalivedHost running = new KeepalivedHost("2.2.7", new KeepalivedHost.Running(700,
                IpvsOwner.KEEPALIVED_CONF), expected.replace("Generated by", "Written by"), false, false);
        assertThat(lines(KeepalivedDoctor.keepalived(running, expected))).containsExactly(
                "OK     keepalived 2.2.7: running (pid 700)",
                "OK     /etc/keepalived/keepalived.conf: as this configuration generates it");
        assertThat(KeepalivedDoctor.healthy(running, expected)).as("comments aside, the same file").isTrue();
        KeepalivedHost stale = new KeepalivedHost("2.2.7", null, expected.replace("delay_loop 5", "delay_loop 9"),
                false, false);
        assertThat(KeepalivedDoctor.healthy(stale, expected)).isFalse();
        assertThat(lines(KeepalivedDoctor.keepalived(stale, expected))).allMatch(l -> l.startsWith("WRONG"))
                .contains("WRONG  keepalived 2.2.7: not running\n       fix: run this director's start with --format"
                        + " keepalived (it installs the file and starts keepalived)");
        assertThat(lines(KeepalivedDoctor.keepalived(new KeepalivedHost(null, null, null, false, false), expected)))
                .containsExactly("WRONG  keepalived: keepalived is not installed\n       fix: apt-get install"
                        + " keepalived (or dnf install keepalived)");
    }

    @Test
    void theRunningKeepalivedIsTheOneOfThePidFileAndOnlyIfItIsKeepalived() {
        assertThat(KeepalivedHost.running(42, "/usr/sbin/keepalived\0--dont-fork\0-f\0/etc/keepalived/site.conf\0"))
                .isEqualTo(new KeepalivedHost.Running(42, "/etc/keepalived/site.conf"));
        assertThat(KeepalivedHost.running(42, "keepalived\0--use-file=/srv/k.conf\0").config()).isEqualTo("/srv/k.conf");
        assertThat(KeepalivedHost.running(42, "keepalived\0-f/srv/k.conf\0").config()).isEqualTo("/srv/k.conf");
        assertThat(KeepalivedHost.running(42, "keepalived\0--dont-fork\0").config())
                .isEqualTo(IpvsOwner.KEEPALIVED_CONF);
        assertThat(KeepalivedHost.running(42, "/usr/bin/sleep\0keepalived\0")).as("a stale pid file's number")
                .isNull();
    }
}
