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
        assertThat(lines(KeepalivedDoctor.table(table, NAT))).contains(
                "OK     IPVS service -t 192.168.101.168:80: -s wlc",
                "NOTE   IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080: not in the table: keepalived's"
                        + " check finds it down\n       fix: find out why the real server fails its check: doctor on"
                        + " that host, and keepalived's log",
                "OK     IPVS real server -t 192.168.101.168:80 -r 10.10.20.12:8080: -m -w 1");
        String allDown = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.100:8080 -m -w 1
                """;
        List<String> sorry = lines(KeepalivedDoctor.table(allDown, NAT));
        assertThat(sorry).anyMatch(l -> l.startsWith("NOTE   IPVS real server -t 192.168.101.168:80 -r"
                + " 10.10.20.100:8080: the sorry server: keepalived finds every real server down"));
        assertThat(sorry).noneMatch(l -> l.startsWith("WRONG"));
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
        assertThat(lines(KeepalivedDoctor.table(table, NAT))).contains("WRONG  IPVS real server -t 192.168.101.168:80"
                + " -r 10.10.20.99:8080: present but not configured\n       fix: make keepalived read its file again"
                + " (systemctl reload keepalived, or kill -HUP its pid)");
        assertThat(lines(KeepalivedDoctor.table("", NAT))).first().asString()
                .startsWith("WRONG  IPVS service -t 192.168.101.168:80: missing");
    }

    @Test
    void weightZeroIsTheCheckOnlyWhereAFailureQuiesces() {
        String table = """
                -A -f 1 -s wlc -p 600
                -a -f 1 -r 10.10.10.11:0 -g -w 0
                -a -f 1 -r 10.10.10.12:0 -g -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(table, FWMARK))).contains("NOTE   IPVS real server -f 1 -r"
                + " 10.10.10.11:0: weight 0, configured 1: keepalived's check finds it down (inhibit_on_failure)\n"
                + "       fix: find out why the real server fails its check: doctor on that host, and keepalived's log");
        String natQuiesced = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.20.11:8080 -m -w 0
                -a -t 192.168.101.168:80 -r 10.10.20.12:8080 -m -w 1
                -a -t 192.168.101.168:80 -r 10.10.20.13:8080 -m -w 1
                """;
        assertThat(lines(KeepalivedDoctor.table(natQuiesced, NAT))).as("its check removes a failed server")
                .anyMatch(l -> l.startsWith("WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.20.11:8080: -m"
                        + " -w 0, configured -m -w 1"));
    }

    @Test
    void keepalivedItselfAndItsFile() {
        String expected = KeepalivedExport.conf(NAT, Templates.packaged());
        KeepalivedHost running = new KeepalivedHost("2.2.7", List.of(new KeepalivedHost.Running(700,
                IpvsOwner.KEEPALIVED_CONF)), expected, false);
        assertThat(lines(KeepalivedDoctor.keepalived(running, expected))).containsExactly(
                "OK     keepalived 2.2.7: running (pid 700)",
                "OK     /etc/keepalived/keepalived.conf: as this configuration generates it");
        KeepalivedHost stale = new KeepalivedHost("2.2.7", List.of(), expected.replace("delay_loop 5", "delay_loop 9"),
                false);
        assertThat(lines(KeepalivedDoctor.keepalived(stale, expected))).allMatch(l -> l.startsWith("WRONG"))
                .contains("WRONG  keepalived 2.2.7: not running\n       fix: run this director's start with --format"
                        + " keepalived (it installs the file and starts keepalived)");
        assertThat(lines(KeepalivedDoctor.keepalived(new KeepalivedHost(null, List.of(), null, false), expected)))
                .containsExactly("WRONG  keepalived: keepalived is not installed\n       fix: apt-get install"
                        + " keepalived (or dnf install keepalived)");
    }
}
