package lvswizard.validation;

import static lvswizard.validation.Severity.ERROR;
import static lvswizard.validation.Severity.WARNING;

import java.util.Locale;

/**
 * Every check the validator makes, with its severity and one sentence on why it matters for LVS (the
 * keys why.&lt;id&gt; of lvswizard/validation/findings_*.properties, in English and Chinese).
 * The numbers in comments are the pitfalls of docs/lvs-notes ("Pitfalls a wizard must catch").
 */
public enum Rule {
    VERSION("version", ERROR),
    REQUIRED("required", ERROR),
    ADDRESS_SYNTAX("address-syntax", ERROR),
    PREFIX_REQUIRED("prefix-required", ERROR),
    NAME_SYNTAX("name-syntax", ERROR),
    /* 7 */ INTERFACE_NAME("interface-name", ERROR),
    /* 8 */ RANGE("range", ERROR),
    /* 8 */ THRESHOLD_ORDER("threshold-order", ERROR),
    /* 8 */ PORT_ZERO("port-zero", ERROR),
    UNKNOWN_REAL_SERVER("unknown-real-server", ERROR),
    FWMARK_FIELDS("fwmark-fields", ERROR),
    PERSISTENCE_NETMASK("persistence-netmask", ERROR),
    /* 9 */ SCHEDULER_FLAG("scheduler-flag", ERROR),
    /* 9 */ RECENT_SCHEDULER("recent-scheduler", WARNING),
    /* 9 */ UNWEIGHTED_SCHEDULER("unweighted-scheduler", WARNING),
    /* 1 */ DR_SAME_SUBNET("dr-same-subnet", ERROR),
    /* 2 */ PORT_MAPPING("port-mapping", ERROR),
    /* 3 */ NAT_GATEWAY("nat-gateway", ERROR),
    /* 3 */ NAT_SAME_SUBNET("nat-same-subnet", ERROR),
    /* 3 */ NAT_CLIENT_NETWORK("nat-client-network", ERROR),
    /* 4 */ GATEWAY_SUBNET("gateway-subnet", ERROR),
    /* 4 */ NETWORK_OR_BROADCAST("network-or-broadcast", ERROR),
    /* 5 */ DUPLICATE_ADDRESS("duplicate-address", ERROR),
    /* 5 */ DUPLICATE_BACKEND("duplicate-backend", ERROR),
    /* 5 */ DUPLICATE_SERVICE("duplicate-service", ERROR),
    /* 5 */ DUPLICATE_NAME("duplicate-name", ERROR),
    /* 5 */ VIP_PREFIX("vip-prefix", ERROR),
    /* 6 */ FAMILY_MISMATCH("family-mismatch", ERROR),
    /* 6 */ TUN_FAMILY("tun-family", ERROR),
    /* 6 */ DIP_FAMILY("dip-family", ERROR),
    /* 10 */ TUN_FIELDS("tun-fields", ERROR),
    /* 10 */ TUN_MTU("tun-mtu", WARNING),
    /* 10 */ TUN_RP_FILTER("tun-rp-filter", WARNING),
    /* 10 */ TUN_KERNEL("tun-kernel", WARNING),
    /* 11 */ DR_TWO_NICS("dr-two-nics", WARNING),
    /* 12 */ FWMARK_PERSISTENCE("fwmark-persistence", WARNING),
    PERSISTENCE_SCHEDULER("persistence-scheduler", WARNING),
    /* 13 */ NTP("ntp", WARNING),
    NO_SERVICES("no-services", ERROR),
    NO_BACKENDS("no-backends", WARNING),
    WEIGHT_ZERO("weight-zero", WARNING),
    UNUSED_REAL_SERVER("unused-real-server", WARNING),
    SPECIAL_ADDRESS("special-address", ERROR),
    /* 12 */ MARK_OVERLAP("mark-overlap", ERROR),
    /* 3 */ DR_GATEWAY_DIP("dr-gateway-dip", ERROR),
    /* 3 */ NO_GATEWAY("no-gateway", WARNING),
    /* 3 */ NAT6_FORWARDING("nat6-forwarding", WARNING),
    HEALTH_CHECK("health-check", ERROR),
    CHECK_TIMING("check-timing", WARNING),
    SORRY_SERVER("sorry-server", ERROR),
    QUORUM("quorum", ERROR),
    FAILOVER_PEER("failover-peer", ERROR),
    VRRP_ID("vrrp-id", ERROR),
    VRRP_PRIORITY("vrrp-priority", ERROR),
    VRRP_AUTH("vrrp-auth", ERROR),
    FAILOVER_GATEWAY("failover-gateway", ERROR);

    private final String id;
    private final Severity severity;

    Rule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Why it matters, in English. */
    public String why() {
        return why(Locale.ENGLISH);
    }

    /** Why it matters, in {@code locale}'s language (Chinese for zh, English otherwise). */
    public String why(Locale locale) {
        return Words.of("why." + id).format(locale);
    }
}
