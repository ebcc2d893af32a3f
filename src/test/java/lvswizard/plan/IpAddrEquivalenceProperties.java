package lvswizard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * IPv4 addresses are read and computed without inet.ipaddr now (validating 10,000 real servers was
 * mostly the library's objects): every answer must be the one the library-backed IpAddr gave,
 * {@link LibraryIpAddr}, for near-valid text (leading zeros, 256, /33, a missing octet...) as for
 * valid addresses, and whether an address is refused and why.
 */
class IpAddrEquivalenceProperties {

    @Property(tries = 3000)
    void everyAnswerIsTheLibrarys(@ForAll("addressTexts") String text) {
        IpAddr.Attempt now = IpAddr.attempt(text);
        LibraryIpAddr.Attempt before = LibraryIpAddr.attempt(text);
        assertThat(now.problem()).as(text).isEqualTo(before.problem());
        assertThat(now.address() == null).as(text).isEqualTo(before.address() == null);
        if (now.address() != null) {
            assertThat(answers(now.address())).as(text).isEqualTo(answers(before.address()));
        }
    }

    @Property(tries = 3000)
    void comparisonsAreTheLibrarys(@ForAll("validTexts") String one, @ForAll("validTexts") String other) {
        IpAddr a = IpAddr.parse(one);
        IpAddr b = IpAddr.parse(other);
        LibraryIpAddr oldA = LibraryIpAddr.parse(one);
        LibraryIpAddr oldB = LibraryIpAddr.parse(other);
        String pair = one + " and " + other;
        assertThat(a.subnetContains(b)).as(pair).isEqualTo(oldA.subnetContains(oldB));
        assertThat(b.subnetContains(a)).as(pair).isEqualTo(oldB.subnetContains(oldA));
        assertThat(a.sameHost(b)).as(pair).isEqualTo(oldA.sameHost(oldB));
        assertThat(a.equals(b)).as(pair).isEqualTo(oldA.equals(oldB));
        if (a.equals(b)) {
            assertThat(a.hashCode()).as(pair).isEqualTo(b.hashCode());
        }
    }

    /** Every answer an address gives, each as text (a failure as the word "fails"). */
    private static List<String> answers(IpAddr address) {
        return List.of(address.text(), address.cidr(), String.valueOf(address.prefixLength()),
                address.family().toString(), String.valueOf(address.isIPv6()),
                String.valueOf(address.effectivePrefixLength()), String.valueOf(address.specialKind()),
                address.network(), address.netmask(), address.broadcast(),
                String.valueOf(address.isNetworkOrBroadcast()), address.withPort(80), address.hostOnly().toString(),
                address.withPrefixLength(16).network(), address.toString(),
                fails(address, a -> a.hostFromTop(1).toString()), fails(address, a -> a.hostFromTop(2).toString()));
    }

    private static List<String> answers(LibraryIpAddr address) {
        return List.of(address.text(), address.cidr(), String.valueOf(address.prefixLength()),
                address.family().toString(), String.valueOf(address.isIPv6()),
                String.valueOf(address.effectivePrefixLength()), String.valueOf(address.specialKind()),
                address.network(), address.netmask(), address.broadcast(),
                String.valueOf(address.isNetworkOrBroadcast()), address.withPort(80), address.hostOnly().toString(),
                address.withPrefixLength(16).network(), address.toString(),
                fails(address, a -> a.hostFromTop(1).toString()), fails(address, a -> a.hostFromTop(2).toString()));
    }

    private static <A> String fails(A address, Function<A, String> answer) {
        try {
            return answer.apply(address);
        } catch (RuntimeException e) {
            return "fails";
        }
    }

    @Provide
    Arbitrary<String> validTexts() {
        return Arbitraries.oneOf(ipv4(Arbitraries.of("")), ipv4(prefixes()), ipv6())
                .filter(text -> LibraryIpAddr.parse(text) != null);
    }

    @Provide
    Arbitrary<String> addressTexts() {
        Arbitrary<String> near = Combinators.combine(octetTexts(), octetTexts(), octetTexts(), octetTexts(),
                Arbitraries.of(".", "..", ":", "/", ""), Arbitraries.of("", "/", "/0", "/01", "/32", "/33", "/8x", "/-1",
                        "/24/24", ".5", "x", "/255.255.255.0"))
                .as((a, b, c, d, lastDot, tail) -> a + "." + b + "." + c + lastDot + d + tail);
        Arbitrary<String> short3 = Combinators.combine(octetTexts(), octetTexts(), octetTexts())
                .as((a, b, c) -> a + "." + b + "." + c);
        return Arbitraries.oneOf(validTexts(), near, short3, ipv6(),
                Arbitraries.of("::ffff:10.0.0.1", "::ffff:10.0.0.1/120", "0x0a.0.0.1", "1", "10.0.0.1.", ".10.0.0.1",
                        "1e1.0.0.1", "10.0.0.1%eth0", "10.0.0.*", "10.0.0.1-5", "255.255.255.255/32", "0.0.0.0/0"));
    }

    private static Arbitrary<String> ipv4(Arbitrary<String> suffixes) {
        Arbitrary<Integer> octet = Arbitraries.oneOf(Arbitraries.integers().between(0, 255),
                Arbitraries.of(0, 1, 127, 169, 224, 239, 240, 254, 255));
        return Combinators.combine(octet, octet, octet, octet, suffixes)
                .as((a, b, c, d, suffix) -> a + "." + b + "." + c + "." + d + suffix);
    }

    private static Arbitrary<String> prefixes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 32).map(p -> "/" + p),
                Arbitraries.of("/0", "/1", "/8", "/24", "/30", "/31", "/32"));
    }

    private static Arbitrary<String> octetTexts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
                Arbitraries.of("00", "01", "010", "0255", "1000", "", "a", "+1", " 1", "0x1", "٣"));
    }

    private static Arbitrary<String> ipv6() {
        return Arbitraries.of("2001:db8::1", "2001:db8::1/64", "2001:db8::/64", "2001:DB8:0:0::100/64", "::1", "::",
                "fe80::1/64", "ff02::1", "2001:db8::ffff:ffff:ffff:ffff/64", "2001:db8::1/127", "2001:db8::/0");
    }
}
