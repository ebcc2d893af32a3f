package lvswizard.model;

/**
 * One real server as a member of one virtual service (an ipvsadm -a line).
 *
 * @param realServer     name of an entry of {@link Cluster#realServers()}
 * @param port           destination port; null means the service's own port (or none for fwmark)
 * @param weight         0–65535; 0 quiesces the server (no new connections)
 * @param forwarding     DR, NAT or TUN
 * @param tunnelType     TUN only: ipip (default), gue or gre
 * @param tunnelPort     TUN with gue only: the UDP port of the encapsulation
 * @param upperThreshold maximum connections (-x); 0 means no limit
 * @param lowerThreshold connections below which a server at its upper limit is used again (-y)
 */
public record Backend(String realServer, Integer port, Integer weight, Forwarding forwarding,
                      TunnelType tunnelType, Integer tunnelPort, Integer upperThreshold,
                      Integer lowerThreshold) {
    public static final int DEFAULT_WEIGHT = 1;

    public Backend {
        if (weight == null) {
            weight = DEFAULT_WEIGHT;
        }
        if (forwarding == null) {
            forwarding = Forwarding.DR;
        }
        if (forwarding == Forwarding.TUN && tunnelType == null) {
            tunnelType = TunnelType.IPIP;
        }
        if (upperThreshold == null) {
            upperThreshold = 0;
        }
        if (lowerThreshold == null) {
            lowerThreshold = 0;
        }
    }

    public static Backend of(String realServer, int weight, Forwarding forwarding) {
        return new Backend(realServer, null, weight, forwarding, null, null, null, null);
    }

    public Backend withWeight(int newWeight) {
        return new Backend(realServer, port, newWeight, forwarding, tunnelType, tunnelPort, upperThreshold,
                lowerThreshold);
    }
}
