package lvswizard.model;

import java.util.List;

/**
 * The whole LVS setup: a director, its real servers and the virtual services between them.
 * This is what the configuration file holds.
 *
 * @param version     configuration format version; {@link #CURRENT_VERSION}
 * @param name        cluster label used in script headers and unit names
 * @param director    the director
 * @param realServers the real server hosts
 * @param services    the virtual services
 * @param failover    a second director and how the pair shares the VIPs, or null: one director
 */
public record Cluster(Integer version, String name, Director director, List<RealServer> realServers,
                      List<VirtualService> services, Failover failover) {
    public static final int CURRENT_VERSION = 1;

    public Cluster {
        if (version == null) {
            version = CURRENT_VERSION;
        }
        if (name == null) {
            name = "lvs";
        }
        realServers = realServers == null ? List.of() : List.copyOf(realServers);
        services = services == null ? List.of() : List.copyOf(services);
    }

}
