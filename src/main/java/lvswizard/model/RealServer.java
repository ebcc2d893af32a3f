package lvswizard.model;

/**
 * A host that answers for one or more virtual services.
 *
 * @param name    short host label, used in file names (realserver-NAME.sh)
 * @param address the real server's own address (RIP) with its prefix length, e.g. 10.10.10.11/24
 * @param iface   the interface that holds the RIP (JSON key "interface")
 * @param gateway the default gateway the host uses; for NAT it must be the director's DIP
 */
public record RealServer(String name, String address, String iface, String gateway) {
}
