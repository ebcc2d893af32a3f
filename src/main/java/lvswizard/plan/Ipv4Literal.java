package lvswizard.plan;

/**
 * The dotted-quad form of an IPv4 address, read and written without inet.ipaddr: a configuration
 * with 10,000 real servers holds some 20,000 of them, and the library's general parser built
 * several objects per address.
 *
 * <p>Reads only what the strict parser accepts as a plain address: four decimal numbers 0-255
 * without leading zeros, then optionally / and a prefix length 1-32 without leading zeros (the
 * strict parser refuses /0, allowAll being off). Anything else is not refused here but left to the
 * strict parser, which accepts or refuses it and says why.
 */
final class Ipv4Literal {
    private static final int MAX_OCTET = 255;
    private static final int MAX_PREFIX = 32;

    private Ipv4Literal() {
    }

    /** The address {@code text} is, when it is a plain dotted quad (with a prefix length); null otherwise. */
    static IpAddr parse(String text) {
        int length = text.length();
        int bits = 0;
        int at = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at >= length || text.charAt(at) != '.') {
                    return null;
                }
                at++;
            }
            int end = digitsEnd(text, at);
            int value = decimal(text, at, end, MAX_OCTET);
            if (value < 0) {
                return null;
            }
            bits = bits << 8 | value;
            at = end;
        }
        if (at == length) {
            return IpAddr.ipv4(bits, null);
        }
        if (text.charAt(at) != '/') {
            return null;
        }
        int end = digitsEnd(text, at + 1);
        int prefix = decimal(text, at + 1, end, MAX_PREFIX);
        return prefix < 1 || end != length ? null : IpAddr.ipv4(bits, prefix);
    }

    /** The dotted quad of {@code bits}: 10.0.0.1. */
    static String text(int bits) {
        StringBuilder text = new StringBuilder(15);
        for (int shift = 24; shift >= 0; shift -= 8) {
            if (shift < 24) {
                text.append('.');
            }
            text.append(bits >>> shift & MAX_OCTET);
        }
        return text.toString();
    }

    private static int digitsEnd(String text, int from) {
        int at = from;
        while (at < text.length() && at - from < 4 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    /** The decimal number text[from, end) when it is 1-3 digits, no leading zero, at most {@code max}; else -1. */
    private static int decimal(String text, int from, int end, int max) {
        int digits = end - from;
        if (digits < 1 || digits > 3 || digits > 1 && text.charAt(from) == '0') {
            return -1;
        }
        int value = 0;
        for (int at = from; at < end; at++) {
            value = value * 10 + text.charAt(at) - '0';
        }
        return value <= max ? value : -1;
    }
}
