package lvswizard.model;

/**
 * A second director that takes the VIPs over when the first fails, described once for both: the
 * two keepalived configurations carry the same VRRP instances (the VIPs, and for NAT the real
 * servers' floating gateway) in one sync group, so that everything moves together.
 *
 * @param backup          the second director: its name, interfaces and DIPs (gateway and NTP as the first's)
 * @param virtualRouterId VRRP id of the VIPs' instance, 1-255, unique on the segment; a second
 *                        instance (the floating gateway on another interface, IPv6 VIPs) takes the next ids
 * @param advertInterval  seconds between VRRP adverts, 1-255; default 1
 * @param priority        the first director's priority, 1-254; default 150
 * @param backupPriority  the second's, 1-254; default 100
 * @param preempt         a returning first director takes the VIPs back; default true
 * @param unicast         adverts go to the peer's DIP instead of multicast (networks that drop VRRP
 *                        multicast); default false
 * @param authPass        VRRPv2 password, 1-8 characters, or null; IPv4 only (VRRPv3 has none)
 * @param floatingGateway NAT: the real servers' gateway, an address with prefix in the DIP subnet
 *                        that the master holds; null when no service uses NAT
 * @param connectionSync  the IPVS connection sync daemon on each director's DIP interface, so that
 *                        established connections survive a failover; default true
 * @param syncId          the sync daemon's id, 0-255, to tell clusters on one segment apart; default 0
 */
public record Failover(Director backup, Integer virtualRouterId, Integer advertInterval, Integer priority,
                       Integer backupPriority, Boolean preempt, Boolean unicast, String authPass,
                       String floatingGateway, Boolean connectionSync, Integer syncId) {
    public Failover {
        if (advertInterval == null) {
            advertInterval = 1;
        }
        if (priority == null) {
            priority = 150;
        }
        if (backupPriority == null) {
            backupPriority = 100;
        }
        if (preempt == null) {
            preempt = true;
        }
        if (unicast == null) {
            unicast = false;
        }
        if (connectionSync == null) {
            connectionSync = true;
        }
        if (syncId == null) {
            syncId = 0;
        }
    }
}
