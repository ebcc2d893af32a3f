package lvswizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import lvswizard.Examples;
import org.junit.jupiter.api.Test;

class HostNeedsTest {
    /**
     * NAT on one NIC: the real servers' replies leave the director the way they came, and the kernel
     * would redirect the real servers to the client, around the director: send_redirects goes off.
     */
    @Test
    void natOnOneNicTurnsIcmpRedirectsOff() {
        var tree = Examples.tree("nat-portmap");
        Examples.set(tree, "/director/vipInterface", "\"eth0\"");
        HostNeeds oneNic = HostNeeds.director(Examples.plan(Examples.cluster(tree)));
        assertThat(oneNic.sysctls()).extracting(HostNeeds.Setting::path, HostNeeds.Setting::value).contains(
                org.assertj.core.groups.Tuple.tuple("/proc/sys/net/ipv4/conf/all/send_redirects", "0"),
                org.assertj.core.groups.Tuple.tuple("/proc/sys/net/ipv4/conf/eth0/send_redirects", "0"));
        assertThat(HostNeeds.director(Examples.plan("nat-portmap")).sysctls()).extracting(HostNeeds.Setting::path)
                .noneMatch(p -> p.endsWith("send_redirects"));
        assertThat(HostNeeds.director(Examples.plan("seed-dr")).sysctls()).isEmpty();
    }
}
