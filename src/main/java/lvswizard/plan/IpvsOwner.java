package lvswizard.plan;

/**
 * Who keeps a director's IPVS table: its own script (the rules restored at start, deleted at stop),
 * or keepalived (which adds the virtual servers from keepalived.conf and takes a real server out when
 * its check fails); the script then only prepares the host.
 */
public enum IpvsOwner {
    SCRIPT,
    KEEPALIVED;

    /** Where keepalived reads its configuration on every distribution it is packaged for. */
    public static final String KEEPALIVED_CONF = "/etc/keepalived/keepalived.conf";
}
