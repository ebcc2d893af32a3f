package lvswizard.model;

import java.util.List;

/**
 * The host that owns the VIPs and runs IPVS.
 *
 * @param name         host label used in diagrams and the generated README
 * @param dipInterface interface facing the real servers
 * @param dips         the director's own addresses on that interface (DIP), with prefix lengths;
 *                     one per address family in use
 * @param vipInterface interface the VIPs are added to (an alias label such as eth1:0 is allowed)
 * @param gateway      default gateway of the director; null leaves the routing table alone
 * @param ntpServer    time source all nodes follow; null when the operator has not named one
 */
public record Director(String name, String dipInterface, List<String> dips, String vipInterface,
                       String gateway, String ntpServer) {
    public Director {
        if (name == null) {
            name = "director";
        }
        dips = dips == null ? List.of() : List.copyOf(dips);
    }
}
