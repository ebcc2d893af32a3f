package lvswizard.imports;

import java.util.Map;

/**
 * What a real server's script showed: its own addresses (host to CIDR and interface) and its
 * default gateway. The VIPs on lo and the ARP settings are checked where they are read.
 */
record RealServerScript(String source, Map<String, Own> ownAddresses, String gateway) {
    /** An address of the host itself, with the interface it is on. */
    record Own(String cidr, String iface) {
    }
}
