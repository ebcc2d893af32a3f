package lvswizard.validation;

import inet.ipaddr.IPAddressString;

/** The -M argument of ipvsadm: a contiguous dotted netmask for IPv4, a prefix length for IPv6. */
final class PersistenceMask {
    private PersistenceMask() {
    }

    static boolean isValid(String mask, boolean ipv6) {
        if (ipv6) {
            return mask.matches("[1-9][0-9]{0,2}") && Integer.parseInt(mask) <= 128;
        }
        if (!mask.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return false;
        }
        var address = new IPAddressString(mask).getAddress();
        return address != null && address.isIPv4() && address.getBlockMaskPrefixLength(true) != null;
    }
}
