package lvswizard.wizard;

/** What a field belongs to, and so which indices locate it. */
public enum Scope {
    /** The wizard's own answers (which host this is, where files go): not in the configuration file. */
    DRAFT,
    /** The cluster as a whole: its name, its list of services. */
    CLUSTER,
    SERVICE,
    DIRECTOR,
    REAL_SERVER,
    /** One real server as a member of one service (a backend). */
    MEMBER,
    /** A service's keepalived settings: its health check, sorry server and quorum (the check dialog). */
    CHECK,
    /** A second director and the VRRP settings the pair shares (on the Director step; off by default). */
    FAILOVER
}
