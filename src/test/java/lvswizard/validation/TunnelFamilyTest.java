package lvswizard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import lvswizard.model.TunnelType;
import org.junit.jupiter.api.Test;

/** Every tunnel type by outer (real server) and inner (VIP) family: what the scripts can receive. */
class TunnelFamilyTest {
    @Test
    void guePassesOnlyIpv4InIpv4() {
        assertThat(Validator.unworkableTunnel(TunnelType.GUE, false, false)).isNull();
        assertThat(Validator.unworkableTunnel(TunnelType.GUE, false, true)).isEqualTo("tun-family.gue-inner-ipv6");
        assertThat(Validator.unworkableTunnel(TunnelType.GUE, true, false)).isEqualTo("tun-family.gue-ipv6");
        assertThat(Validator.unworkableTunnel(TunnelType.GUE, true, true)).isEqualTo("tun-family.gue-ipv6");
    }

    /**
     * ipip over IPv4 goes to tunl0 (proven: examples/tun-ipip in the lab); over IPv6 to ip6tnl0, which
     * takes IPv6 inside only and answered nothing in the lab; an IPv6 VIP to an IPv4 real server (sit0)
     * would decapsulate, but the real server has no IPv6 route to answer by.
     */
    @Test
    void ipipOnlyOverIpv4() {
        assertThat(Validator.unworkableTunnel(TunnelType.IPIP, false, false)).isNull();
        assertThat(Validator.unworkableTunnel(TunnelType.IPIP, false, true)).isEqualTo("tun-family.mixed");
        assertThat(Validator.unworkableTunnel(TunnelType.IPIP, true, true)).isEqualTo("tun-family.ipip6");
        assertThat(Validator.unworkableTunnel(TunnelType.IPIP, true, false)).isEqualTo("tun-family.ipip-in-ipv6");
        assertThat(Validator.unworkableTunnel(null, true, false)).as("no type is ipip").isEqualTo("tun-family.ipip-in-ipv6");
    }

    /** GRE names the inner protocol in its header, but across families the real server cannot answer either. */
    @Test
    void greWithinOneFamilyOnly() {
        assertThat(Validator.unworkableTunnel(TunnelType.GRE, false, false)).isNull();
        assertThat(Validator.unworkableTunnel(TunnelType.GRE, true, true)).isNull();
        assertThat(Validator.unworkableTunnel(TunnelType.GRE, false, true)).isEqualTo("tun-family.mixed");
        assertThat(Validator.unworkableTunnel(TunnelType.GRE, true, false)).isEqualTo("tun-family.mixed");
    }
}
