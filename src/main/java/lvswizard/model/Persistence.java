package lvswizard.model;

/**
 * Client affinity of a virtual service (ipvsadm -p TIMEOUT -M NETMASK).
 *
 * @param timeout seconds a client stays with its real server; defaults to ipvsadm's 300
 * @param netmask clients inside one such network share a real server: a dotted IPv4 mask, or an
 *                IPv6 prefix length; null means a single client address
 */
public record Persistence(Long timeout, String netmask) {
    public static final long DEFAULT_TIMEOUT = 300;

    public Persistence {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
    }
}
