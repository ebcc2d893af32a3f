package lvswizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddrTest {
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.0.0.1/24", "2001:db8::1", "2001:db8::1/64", "::1", "fe80::1/64"})
    void acceptsLiteralAddresses(String text) {
        assertThat(IpAddr.problem(text)).isNull();
        assertThat(IpAddr.parse(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1/33", "10.0.0.*", "10.0.0.1-5",
            "[2001:db8::1]", "2001:db8::1/129", "host.example", "10.0.0.1 ", "1", "10.0.0.1/255.255.255.0",
            "fe80::1%eth0", "0x0a.0.0.1", ""})
    void refusesAnythingElse(String text) {
        assertThat(IpAddr.problem(text)).isNotNull();
        assertThat(IpAddr.parse(text)).isNull();
    }

    @Test
    void bracketsGetAHint() {
        assertThat(IpAddr.problem("[2001:db8::1]")).contains("without brackets");
    }

    @Test
    void subnetMathOfTheSeed() {
        IpAddr dip = IpAddr.parse("10.10.10.10/24");
        assertThat(dip.subnetContains(IpAddr.parse("10.10.10.11"))).isTrue();
        assertThat(dip.subnetContains(IpAddr.parse("10.10.11.11"))).isFalse();
        assertThat(dip.network()).isEqualTo("10.10.10.0/24");
        assertThat(dip.netmask()).isEqualTo("255.255.255.0");
        assertThat(dip.broadcast()).isEqualTo("10.10.10.255");
        assertThat(IpAddr.parse("192.168.101.168").cidr()).isEqualTo("192.168.101.168/32");
        assertThat(IpAddr.parse("2001:db8::100").withPort(80)).isEqualTo("[2001:db8::100]:80");
        assertThat(IpAddr.parse("2001:DB8:0:0::100/64").cidr()).isEqualTo("2001:db8::100/64");
    }

    @Test
    void networkAndBroadcastAddressesAreFlagged() {
        assertThat(IpAddr.parse("10.10.10.0/24").isNetworkOrBroadcast()).isTrue();
        assertThat(IpAddr.parse("10.10.10.255/24").isNetworkOrBroadcast()).isTrue();
        assertThat(IpAddr.parse("10.10.10.1/24").isNetworkOrBroadcast()).isFalse();
        assertThat(IpAddr.parse("10.10.10.0/31").isNetworkOrBroadcast()).isFalse();
        assertThat(IpAddr.parse("2001:db8::/64").isNetworkOrBroadcast()).isTrue();
        assertThat(IpAddr.parse("2001:db8::ffff:ffff:ffff:ffff/64").isNetworkOrBroadcast()).isFalse();
    }
}
