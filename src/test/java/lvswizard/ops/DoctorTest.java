package lvswizard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvswizard.exec.FakeHost;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.Examples;
import org.junit.jupiter.api.Test;

class DoctorTest {
    private static final Plan SEED = Examples.plan("seed-dr");

    private static List<Doctor.Check> doctor(FakeHost host, HostNeeds needs) throws OpsException {
        return Doctor.check(needs, HostState.read(host, needs), SEED);
    }

    private static FakeHost startedRealServer() {
        FakeHost host = FakeHost.seedRealServer();
        host.sysctls.replaceAll((path, value) -> path.endsWith("arp_ignore") ? "1" : "2");
        host.address("lo", "192.168.101.168/32");
        host.gateway4 = "10.10.10.1";
        return host;
    }

    @Test
    void aStartedRealServerPassesEveryCheck() throws OpsException {
        List<Doctor.Check> checks = doctor(startedRealServer(), HostNeeds.realServer(SEED, SEED.hosts().get(0)));
        assertThat(checks).allMatch(Doctor.Check::ok, "all OK");
        assertThat(checks).extracting(c -> c.what().english()).contains("net.ipv4.conf.all.arp_ignore",
                "net.ipv4.conf.eth0.arp_announce", "VIP 192.168.101.168/32 on lo", "RIP 10.10.10.11/24 on eth0",
                "default gateway", "interface eth0");
    }

    @Test
    void theArpFixRemovedIsReportedWithItsFix() throws OpsException {
        FakeHost host = startedRealServer();
        host.sysctls.put("/proc/sys/net/ipv4/conf/eth0/arp_ignore", "0");
        List<Doctor.Check> wrong = doctor(host, HostNeeds.realServer(SEED, SEED.hosts().get(0))).stream()
                .filter(c -> !c.ok()).toList();
        assertThat(wrong).singleElement().extracting(Doctor.Check::toLine).isEqualTo(
                "WRONG  net.ipv4.conf.eth0.arp_ignore: is 0, needs 1 (ARP fix: answer ARP only for addresses of the "
                        + "receiving interface)\n       fix: sysctl -w net.ipv4.conf.eth0.arp_ignore=1, or run "
                        + "realserver-rs1.sh start");
    }

    @Test
    void aVipOnTheWrongInterfaceOrWithTheWrongMaskIsWrong() throws OpsException {
        FakeHost host = startedRealServer();
        host.addresses.put("lo", new java.util.ArrayList<>(List.of("127.0.0.1/8", "192.168.101.168/24")));
        host.address("eth0", "192.168.101.168/24");
        List<String> wrong = doctor(host, HostNeeds.realServer(SEED, SEED.hosts().get(0))).stream()
                .filter(c -> !c.ok()).map(Doctor.Check::toLine).toList();
        assertThat(wrong).anySatisfy(l -> assertThat(l).startsWith("WRONG  VIP 192.168.101.168/32 on lo: missing (on: lo, eth0)"));
        assertThat(wrong).anySatisfy(l -> assertThat(l).contains("VIP 192.168.101.168 only on lo: also on eth0",
                "answers ARP for it"));
    }

    @Test
    void theDirectorsRulesAreComparedWithTheConfiguration() throws OpsException {
        FakeHost host = FakeHost.seedDirector();
        host.address("eth1", "192.168.101.168/24");
        host.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        host.gateway4 = "192.168.101.254";
        host.ipvsRules = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2
                -a -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 1
                """;
        HostNeeds director = HostNeeds.director(SEED);
        assertThat(doctor(host, director)).allMatch(Doctor.Check::ok);
        host.ipvsRules = """
                -A -t 192.168.101.168:80 -s rr
                -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 0
                -a -t 192.168.101.168:80 -r 10.10.10.13:80 -g -w 1
                """;
        assertThat(doctor(host, director)).filteredOn(c -> !c.ok()).extracting(Doctor.Check::toLine).containsExactly(
                "WRONG  IPVS service -t 192.168.101.168:80: -s rr, configured -s wlc\n"
                        + "       fix: run director.sh restart (or ipvsadm -E / -e with the configured options)",
                "WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.10.11:80: -g -w 0, configured "
                        + "-g -w 2\n       fix: run director.sh restart (or ipvsadm -E / -e with the "
                        + "configured options)",
                "WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.10.12:80: missing\n"
                        + "       fix: run director.sh start",
                "WRONG  IPVS real server -t 192.168.101.168:80 -r 10.10.10.13:80: present but not configured\n"
                        + "       fix: ipvsadm -d -t 192.168.101.168:80 -r 10.10.10.13:80");
    }

    private static FakeHost startedDirector() {
        FakeHost host = FakeHost.seedDirector();
        host.address("eth1", "192.168.101.168/24");
        host.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        host.gateway4 = "192.168.101.254";
        host.ipvsRules = """
                -A -t 192.168.101.168:80 -s wlc
                -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2
                -a -t 192.168.101.168:80 -r 10.10.10.12:80 -g -w 1
                """;
        return host;
    }

    private static List<String> wrong(FakeHost host) throws OpsException {
        return doctor(host, HostNeeds.director(SEED)).stream().filter(c -> !c.ok()).map(Doctor.Check::toLine).toList();
    }

    @Test
    void aKernelWithoutIpvsIsToldSoNotToModprobeOrBecomeRoot() throws OpsException {
        FakeHost host = startedDirector();
        host.modules.removeAll(List.of("ip_vs", "ip_vs_wlc"));
        host.notInKernel.addAll(List.of("ip_vs", "ip_vs_wlc"));
        List<String> wrong = wrong(host);
        assertThat(wrong).containsExactly(
                "WRONG  kernel module ip_vs: not loaded, and modprobe cannot find it\n"
                        + "       fix: this kernel lacks IPVS (CONFIG_IP_VS): use a kernel built with IPVS and its "
                        + "schedulers (as modules or built in)",
                "WRONG  kernel module ip_vs_wlc: not loaded, and modprobe cannot find it\n"
                        + "       fix: this kernel lacks IPVS (CONFIG_IP_VS): use a kernel built with IPVS and its "
                        + "schedulers (as modules or built in)",
                "WRONG  IPVS rules: cannot be read: this kernel has no IPVS (Can't initialize ipvs: Protocol not "
                        + "available)\n       fix: this kernel lacks IPVS (CONFIG_IP_VS): use a kernel built with "
                        + "IPVS and its schedulers (as modules or built in)");
        assertThat(String.join("\n", wrong)).doesNotContain("modprobe ip_vs", "root");
    }

    @Test
    void unreadableIpvsRulesGetTheFixForTheirCause() throws OpsException {
        FakeHost user = startedDirector();
        user.uid = "1000";
        assertThat(wrong(user)).containsExactly("WRONG  IPVS rules: cannot be read: only root can read it (running as "
                + "uid 1000)\n       fix: run it with sudo, or as root");
        FakeHost noTool = startedDirector();
        noTool.ipvsadmInstalled = false;
        assertThat(wrong(noTool)).containsExactly("WRONG  IPVS rules: cannot be read: ipvsadm is not installed\n"
                + "       fix: apt-get install ipvsadm (or yum install ipvsadm)");
        FakeHost noScheduler = startedDirector();
        noScheduler.modules.remove("ip_vs_wlc");
        noScheduler.notInKernel.add("ip_vs_wlc");
        assertThat(wrong(noScheduler)).containsExactly("WRONG  kernel module ip_vs_wlc: not loaded, and modprobe "
                + "cannot find it\n       fix: this kernel lacks the wlc scheduler (CONFIG_IP_VS_WLC): use a kernel "
                + "built with it, or another scheduler");
        FakeHost unloaded = startedDirector();
        unloaded.modules.remove("ip_vs");
        assertThat(wrong(unloaded)).containsExactly("WRONG  kernel module ip_vs: not loaded\n"
                + "       fix: modprobe ip_vs, or run director.sh start");
    }

    @Test
    void anotherDefaultGatewayIsANoteNotOkAndWrongOnlyWhereNatNeedsTheDip() throws OpsException {
        FakeHost director = startedDirector();
        director.gateway4 = "192.0.2.1";
        List<Doctor.Check> checks = doctor(director, HostNeeds.director(SEED));
        assertThat(checks).noneMatch(Doctor.Check::wrong);
        assertThat(checks).filteredOn(c -> !c.ok()).extracting(Doctor.Check::toLine).containsExactly(
                "NOTE   default gateway: 192.0.2.1, not the configured 192.168.101.254 (start keeps a gateway that is "
                        + "already there)\n       fix: if 192.168.101.254 is right: ip route replace default via "
                        + "192.168.101.254; otherwise correct the gateway in the configuration");
        assertThat(Changes.ofStart(HostNeeds.director(SEED), HostState.read(director, HostNeeds.director(SEED)), SEED))
                .extracting(lvswizard.text.Message::english).contains("keep the default gateway 192.0.2.1 (configured: 192.168.101.254; start adds one only where "
                        + "there is none)");
        director.gateway4 = null;
        assertThat(wrong(director)).containsExactly("WRONG  default gateway: none, needs 192.168.101.254\n"
                + "       fix: ip route add default via 192.168.101.254, or run director.sh start");

        Plan nat = Examples.plan("nat-portmap");
        HostNeeds app1 = HostNeeds.realServer(nat, nat.hosts().get(0));
        FakeHost realServer = new FakeHost().address("lo", "127.0.0.1/8").address("eth0", "10.10.20.11/24");
        realServer.gateway4 = "10.10.20.254";
        HostState state = HostState.read(realServer, app1);
        assertThat(Doctor.check(app1, state, nat)).filteredOn(Doctor.Check::wrong).extracting(Doctor.Check::toLine)
                .containsExactly("WRONG  default gateway (NAT: must be the DIP): 10.10.20.254, configured 10.10.20.1\n"
                        + "       fix: ip route replace default via 10.10.20.1");
        assertThat(Preflight.check(realServer, app1, state, nat)).extracting(Preflight.Problem::toLine).containsExactly(
                "the default gateway is 10.10.20.254, but NAT replies must go back through the director; fix: ip route "
                        + "replace default via 10.10.20.1 (the DIP)");
    }

    /** A NAT director forwards every packet: a FORWARD policy of DROP (container runtimes) is a NOTE with the check. */
    @Test
    void aNatDirectorsForwardChainPolicyIsReported() throws OpsException {
        Plan nat = Examples.plan("nat-portmap");
        HostNeeds director = HostNeeds.director(nat);
        FakeHost host = new FakeHost().address("eth0", "10.10.20.1/24").address("eth1");
        host.forwardPolicy = "DROP";
        List<String> lines = Doctor.check(director, HostState.read(host, director), nat).stream()
                .map(Doctor.Check::toLine).toList();
        assertThat(lines).contains("NOTE   iptables FORWARD chain (NAT forwards every packet): policy DROP: NAT traffic is"
                + " dropped unless a rule accepts it (container runtimes set this)\n       fix: check that a rule accepts"
                + " the traffic to and from the real servers (iptables -S FORWARD), or add one (iptables -I FORWARD -d"
                + " <RIP subnet> -j ACCEPT)");
        host.forwardPolicy = "ACCEPT";
        assertThat(Doctor.check(director, HostState.read(host, director), nat).stream().map(Doctor.Check::toLine))
                .contains("OK     iptables FORWARD chain (NAT forwards every packet): policy ACCEPT");
        HostNeeds dr = HostNeeds.director(SEED);
        assertThat(Doctor.check(dr, HostState.read(FakeHost.seedDirector(), dr), SEED)).extracting(Doctor.Check::toLine)
                .noneMatch(l -> l.contains("FORWARD"));
    }

    @Test
    void savedRulesCompareEqualAcrossIpvsadmsSpellings() {
        assertThat(SavedRules.parse("-A -f 1 -s wlc -p 600 -M 255.255.255.255\n-a -f 1 -r 10.0.0.1:0 -i -w 1 -x 5 -y 2\n"))
                .isEqualTo(SavedRules.parse("-A -f 1 -s wlc -p 600\n-a -f 1 -r 10.0.0.1:0 -i -w 1 --tun-type ipip\n"));
        assertThat(SavedRules.parse("-A -u 1.2.3.4:53 -s sh -b sh-port,sh-fallback\n"))
                .isEqualTo(SavedRules.parse("-A -u 1.2.3.4:53 -s sh -b sh-fallback,sh-port\n"));
        assertThat(SavedRules.parse("-A -t 1.2.3.4:80 -s wlc -p 300\n"))
                .isNotEqualTo(SavedRules.parse("-A -t 1.2.3.4:80 -s wlc -p 600\n"));
    }
}
