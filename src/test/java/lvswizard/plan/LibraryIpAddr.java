package lvswizard.plan;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.Objects;
import lvswizard.text.Message;

/**
 * IpAddr as it was before IPv4 got its own arithmetic: inet.ipaddr for every address and every
 * operation. The oracle IpAddrEquivalenceTest holds the new IpAddr to, operation by operation.
 */
final class LibraryIpAddr {
    private static final IPAddressStringParameters STRICT = strictParameters();

    private final IPAddress host;
    private final Integer prefixLength;
    private IPAddress block;

    private LibraryIpAddr(IPAddress host, Integer prefixLength) {
        this.host = host;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code text}, or returns null; {@link #problem} says why it was refused. */
    public static LibraryIpAddr parse(String text) {
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
    public record Attempt(LibraryIpAddr address, Message reason) {
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
        IPAddressString parsed = new IPAddressString(text, STRICT);
        IPAddress address = parsed.getAddress();
        if (address == null || (address.isIPv4() && text.contains(":"))) {
            return new Attempt(null, IpAddr.unreadable(text));
        }
        IPAddress host = parsed.getHostAddress();
        if (host == null) {
            host = address.withoutPrefixLength().getLower();
        }
        return new Attempt(new LibraryIpAddr(host.withoutPrefixLength(), parsed.getNetworkPrefixLength()), null);
    }

    /** "unspecified", "loopback", "multicast", "link-local" or "limited broadcast"; null for an ordinary address. */
    public String specialKind() {
        if (host.isAnyLocal()) {
            return "unspecified";
        }
        if (host.isLoopback()) {
            return "loopback";
        }
        if (host.isMulticast()) {
            return "multicast";
        }
        if (host.isLinkLocal()) {
            return "link-local";
        }
        if (!isIPv6() && host.isMax()) {
            return "limited broadcast";
        }
        return null;
    }

    /** The same host address without a prefix (a /32 or /128 host). */
    public LibraryIpAddr hostOnly() {
        return new LibraryIpAddr(host, null);
    }

    /** The same host address with another prefix length. */
    public LibraryIpAddr withPrefixLength(int length) {
        return new LibraryIpAddr(host, length);
    }

    public boolean isIPv6() {
        return host.isIPv6();
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
        return prefixLength != null ? prefixLength : host.getBitCount();
    }

    /** The canonical literal without prefix: 10.10.10.11, 2001:db8::11. */
    public String text() {
        return host.toCanonicalString();
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
        return networkBlock().toCanonicalString();
    }

    /** Dotted netmask of the effective prefix (IPv4) or the prefix length (IPv6). */
    public String netmask() {
        if (isIPv6()) {
            return Integer.toString(effectivePrefixLength());
        }
        return host.getNetwork().getNetworkMask(effectivePrefixLength(), false).toCanonicalString();
    }

    /** IPv4 broadcast address of the subnet; the address itself for a /32. */
    public String broadcast() {
        return networkBlock().getUpper().withoutPrefixLength().toCanonicalString();
    }

    /**
     * The host {@code n} addresses below the top of this subnet, with this address's prefix:
     * n = 1 is the highest usable IPv4 host (below the broadcast), the last address for IPv6.
     */
    public LibraryIpAddr hostFromTop(int n) {
        IPAddress upper = networkBlock().getUpper().withoutPrefixLength();
        int skip = isIPv6() ? n - 1 : n;
        IPAddress address = upper.increment(-skip);
        return new LibraryIpAddr(address.withoutPrefixLength(), prefixLength);
    }

    /** True when {@code other} lies inside this address's subnet (same family). */
    public boolean subnetContains(LibraryIpAddr other) {
        return other.host.getIPVersion() == host.getIPVersion() && networkBlock().contains(other.host);
    }

    /** True for the network or (IPv4) broadcast address of a subnet with room for hosts. */
    public boolean isNetworkOrBroadcast() {
        int bits = host.getBitCount();
        if (prefixLength == null || prefixLength >= bits - 1) {
            return false;
        }
        IPAddress block = networkBlock();
        boolean network = host.equals(block.getLower().withoutPrefixLength());
        boolean broadcast = !isIPv6() && host.equals(block.getUpper().withoutPrefixLength());
        return network || broadcast;
    }

    public boolean sameHost(LibraryIpAddr other) {
        return host.equals(other.host);
    }

    private IPAddress networkBlock() {
        if (block == null) {
            block = host.setPrefixLength(effectivePrefixLength(), false).toPrefixBlock();
        }
        return block;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LibraryIpAddr other && host.equals(other.host) && Objects.equals(prefixLength, other.prefixLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, prefixLength);
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
