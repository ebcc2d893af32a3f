package lvswizard.plan;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Objects;
import lvswizard.text.Message;

/**
 * A parsed host address with an optional prefix length (10.10.10.11/24, 2001:db8::11/64).
 * Strict: no brackets, ranges, wildcards, masks, leading zeros or inet_aton shorthand, so that
 * what the scripts receive is always the canonical literal.
 *
 * <p>An IPv4 address is its 32 bits, and its subnet arithmetic is integer arithmetic: through
 * inet.ipaddr's objects, validating 10,000 real servers spent most of its time building address
 * sections. IPv6 addresses stay inet.ipaddr's. Plain dotted quads are read by {@link Ipv4Literal};
 * anything else goes to inet.ipaddr's strict parser, which decides.
 */
public final class IpAddr {
    private static final IPAddressStringParameters STRICT = strictParameters();
    private static final int IPV4_BITS = 32;

    /** The IPv6 address, or null for an IPv4 one. */
    private final IPAddress v6;
    /** The IPv4 address's bits (when v6 is null). */
    private final int v4;
    private final Integer prefixLength;
    private IPAddress block;

    private IpAddr(IPAddress v6, int v4, Integer prefixLength) {
        this.v6 = v6;
        this.v4 = v4;
        this.prefixLength = prefixLength;
    }

    private static IpAddr of(IPAddress host, Integer prefixLength) {
        return host.isIPv4() ? new IpAddr(null, host.toIPv4().intValue(), prefixLength)
                : new IpAddr(host, 0, prefixLength);
    }

    /** The IPv4 address {@code bits}, with a prefix length or null. */
    static IpAddr ipv4(int bits, Integer prefixLength) {
        return new IpAddr(null, bits, prefixLength);
    }

    /** Parses {@code text}, or returns null; {@link #problem} says why it was refused. */
    public static IpAddr parse(String text) {
        return attempt(text).address();
    }

    /** Null when {@code text} is a valid address (optionally with /prefix), else the reason in English. */
    public static String problem(String text) {
        return attempt(text).problem();
    }

    /**
     * The outcome of one parse: an address, or the reason there is none.
     *
     * @param reason why there is no address, in no language yet (keys address.* of the findings bundles)
     */
    public record Attempt(IpAddr address, Message reason) {
        /** The reason in English, or null. */
        public String problem() {
            return reason == null ? null : reason.english();
        }
    }

    /** Parses once and tells both what was found and, if nothing, why. */
    public static Attempt attempt(String text) {
        if (text == null || text.isBlank()) {
            return new Attempt(null, Texts.of("address.required"));
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return new Attempt(null, Texts.of("address.white-space", text));
        }
        if (text.startsWith("[") || text.endsWith("]")) {
            return new Attempt(null, Texts.of("address.brackets"));
        }
        IpAddr literal = Ipv4Literal.parse(text);
        return literal != null ? new Attempt(literal, null) : attemptWithLibrary(text);
    }

    /** inet.ipaddr's strict reading, for all but a plain dotted quad (and, in tests, to compare with one). */
    static Attempt attemptWithLibrary(String text) {
        IPAddressString parsed = new IPAddressString(text, STRICT);
        IPAddress address = parsed.getAddress();
        if (address == null || (address.isIPv4() && text.contains(":"))) {
            return new Attempt(null, unreadable(text));
        }
        IPAddress host = parsed.getHostAddress();
        if (host == null) {
            host = address.withoutPrefixLength().getLower();
        }
        return new Attempt(of(host.withoutPrefixLength(), parsed.getNetworkPrefixLength()), null);
    }

    /**
     * Why {@code text} reads as no address: its prefix, when the address before it is sound and only
     * the prefix is longer than the family has bits (10.0.5.1/42), else that it is none at all. The
     * prefix's reason leaves the text out: a reason is clipped at 60 characters, and the field shows it.
     */
    static Message unreadable(String text) {
        int slash = text.lastIndexOf('/');
        Message netmask = slash > 0 ? netmaskInsteadOfPrefix(text.substring(0, slash), text.substring(slash + 1)) : null;
        if (netmask != null) {
            return netmask;
        }
        if (slash > 0 && text.substring(slash + 1).matches("[0-9]{1,4}")) {
            IpAddr host = attempt(text.substring(0, slash)).address();
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (host != null && !host.hasPrefix() && prefix > host.effectivePrefixLength()) {
                return Texts.of("address.prefix-range", text, String.valueOf(prefix), host.family(),
                        String.valueOf(host.effectivePrefixLength()));
            }
        }
        return Texts.of("address.invalid", text);
    }

    /**
     * An IPv4 address with a netmask where the prefix goes (10.0.0.10/255.255.255.0, as ifconfig
     * writes it): the prefix that netmask is, written the way lvs-wizard reads it; null otherwise.
     */
    private static Message netmaskInsteadOfPrefix(String address, String mask) {
        IpAddr host = Ipv4Literal.parse(address);
        IpAddr bits = Ipv4Literal.parse(mask);
        if (host == null || bits == null || host.hasPrefix() || bits.hasPrefix()) {
            return null;
        }
        int inverted = ~bits.v4;
        if ((inverted & (inverted + 1)) != 0) {
            return null;
        }
        String prefix = String.valueOf(Integer.bitCount(bits.v4));
        return Texts.of("address.netmask", mask, prefix, address + "/" + prefix);
    }

    /** "unspecified", "loopback", "multicast", "link-local" or "limited broadcast"; null for an ordinary address. */
    public String specialKind() {
        if (v6 != null) {
            return v6.isAnyLocal() ? "unspecified" : v6.isLoopback() ? "loopback" : v6.isMulticast() ? "multicast"
                    : v6.isLinkLocal() ? "link-local" : null;
        }
        int first = v4 >>> 24;
        if (v4 == 0) {
            return "unspecified";
        }
        if (first == 127) {
            return "loopback";
        }
        if (first >= 224 && first <= 239) {
            return "multicast";
        }
        if (v4 >>> 16 == (169 << 8 | 254)) {
            return "link-local";
        }
        return v4 == -1 ? "limited broadcast" : null;
    }

    /** The same host address without a prefix (a /32 or /128 host). */
    public IpAddr hostOnly() {
        return new IpAddr(v6, v4, null);
    }

    /** The same host address with another prefix length. */
    public IpAddr withPrefixLength(int length) {
        return new IpAddr(v6, v4, length);
    }

    public boolean isIPv6() {
        return v6 != null;
    }

    public Family family() {
        return isIPv6() ? Family.IPV6 : Family.IPV4;
    }

    public Integer prefixLength() {
        return prefixLength;
    }

    public boolean hasPrefix() {
        return prefixLength != null;
    }

    /** The prefix length, or the full length (32/128) for a host address. */
    public int effectivePrefixLength() {
        return prefixLength != null ? prefixLength : v6 != null ? v6.getBitCount() : IPV4_BITS;
    }

    /** The canonical literal without prefix: 10.10.10.11, 2001:db8::11. */
    public String text() {
        return v6 != null ? v6.toCanonicalString() : Ipv4Literal.text(v4);
    }

    /** The literal with the effective prefix: 10.10.10.11/24, 192.168.101.168/32. */
    public String cidr() {
        return text() + "/" + effectivePrefixLength();
    }

    /** ipvsadm's form of an address with a port: 10.0.0.1:80, [2001:db8::1]:80. */
    public String withPort(int port) {
        return (isIPv6() ? "[" + text() + "]" : text()) + ":" + port;
    }

    /** The subnet this address is on, as a prefix block (10.10.10.0/24). */
    public String network() {
        return v6 != null ? networkBlock().toCanonicalString()
                : Ipv4Literal.text(v4 & mask()) + "/" + effectivePrefixLength();
    }

    /** Dotted netmask of the effective prefix (IPv4) or the prefix length (IPv6). */
    public String netmask() {
        return v6 != null ? Integer.toString(effectivePrefixLength()) : Ipv4Literal.text(mask());
    }

    /** IPv4 broadcast address of the subnet; the address itself for a /32. */
    public String broadcast() {
        return v6 != null ? networkBlock().getUpper().withoutPrefixLength().toCanonicalString()
                : Ipv4Literal.text(v4 | ~mask());
    }

    /**
     * The host {@code n} addresses below the top of this subnet, with this address's prefix:
     * n = 1 is the highest usable IPv4 host (below the broadcast), the last address for IPv6.
     */
    public IpAddr hostFromTop(int n) {
        if (v6 == null) {
            long top = Integer.toUnsignedLong(v4 | ~mask());
            if (n > top) {
                throw new IllegalArgumentException(cidr() + " has no host " + n + " below the top of its subnet");
            }
            return new IpAddr(null, (int) (top - n), prefixLength);
        }
        IPAddress upper = networkBlock().getUpper().withoutPrefixLength();
        IPAddress address = upper.increment(-(n - 1));
        return new IpAddr(address.withoutPrefixLength(), 0, prefixLength);
    }

    /** True when {@code other} lies inside this address's subnet (same family). */
    public boolean subnetContains(IpAddr other) {
        if (isIPv6() != other.isIPv6()) {
            return false;
        }
        return v6 != null ? networkBlock().contains(other.v6) : ((v4 ^ other.v4) & mask()) == 0;
    }

    /** True for the network or (IPv4) broadcast address of a subnet with room for hosts. */
    public boolean isNetworkOrBroadcast() {
        int bits = v6 != null ? v6.getBitCount() : IPV4_BITS;
        if (prefixLength == null || prefixLength >= bits - 1) {
            return false;
        }
        if (v6 == null) {
            return v4 == (v4 & mask()) || v4 == (v4 | ~mask());
        }
        return v6.equals(networkBlock().getLower().withoutPrefixLength());
    }

    public boolean sameHost(IpAddr other) {
        return v6 != null ? v6.equals(other.v6) : other.v6 == null && v4 == other.v4;
    }

    /** The IPv4 netmask of the effective prefix as bits (0 for /0). */
    private int mask() {
        int length = effectivePrefixLength();
        return length == 0 ? 0 : -1 << (IPV4_BITS - length);
    }

    /** The IPv6 subnet as inet.ipaddr's prefix block. */
    private IPAddress networkBlock() {
        if (block == null) {
            block = v6.setPrefixLength(effectivePrefixLength(), false).toPrefixBlock();
        }
        return block;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddr other && sameHost(other) && Objects.equals(prefixLength, other.prefixLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(v6, v4, prefixLength);
    }

    @Override
    public String toString() {
        return prefixLength == null ? text() : cidr();
    }

    /** Address family. */
    public enum Family {
        IPV4, IPV6;

        @Override
        public String toString() {
            return this == IPV4 ? "IPv4" : "IPv6";
        }
    }

    private static IPAddressStringParameters strictParameters() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
                .allowPrefixOnly(false).allowWildcardedSeparator(false).allow_inet_aton(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowPrefixLengthLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false).allowBinary(false);
        builder.getIPv6AddressParametersBuilder().allowPrefixLengthLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false).allowBinary(false).allowZone(false);
        return builder.toParams();
    }
}
