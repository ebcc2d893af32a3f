package lvswizard.validation;

import static lvswizard.validation.Severity.ERROR;
import static lvswizard.validation.Severity.WARNING;

/**
 * Every check the validator makes, with its severity and one sentence on why it matters for LVS.
 * The numbers in comments are the pitfalls of docs/lvs-notes ("Pitfalls a wizard must catch").
 */
public enum Rule {
    VERSION("version", ERROR, "the file format decides how every other key is read"),
    REQUIRED("required", ERROR, "the scripts cannot be generated without this value"),
    ADDRESS_SYNTAX("address-syntax", ERROR,
            "ipvsadm and ip take literal addresses only; a typo fails at start or targets the wrong host"),
    PREFIX_REQUIRED("prefix-required", ERROR,
            "the prefix length decides which subnet a host is on, which the DR and gateway checks rely on"),
    NAME_SYNTAX("name-syntax", ERROR,
            "names become file names and script comments, so they are limited to letters, digits, '.', '_' and '-'"),
    /* 7 */ INTERFACE_NAME("interface-name", ERROR,
            "Linux interface names are 1-15 characters of letters, digits and _ . : -; anything else fails in ip/ifconfig"),
    /* 8 */ RANGE("range", ERROR, "the kernel rejects values outside the range ipvsadm accepts"),
    /* 8 */ THRESHOLD_ORDER("threshold-order", ERROR,
            "a lower connection threshold above the upper one means the server is never used again once full"),
    /* 8 */ PORT_ZERO("port-zero", ERROR,
            "port 0 means 'all ports', which IPVS accepts only for a persistent service"),
    UNKNOWN_REAL_SERVER("unknown-real-server", ERROR,
            "a service can only forward to a real server that is defined with its address and interface"),
    FWMARK_FIELDS("fwmark-fields", ERROR,
            "a firewall-mark service is matched by its mark, not by a port; its ports are the ones the MARK rules select"),
    PERSISTENCE_NETMASK("persistence-netmask", ERROR,
            "ipvsadm -M takes a netmask (IPv4) or a prefix length (IPv6) of the service's family"),
    /* 9 */ SCHEDULER_FLAG("scheduler-flag", ERROR,
            "scheduler flags (-b) mean something only to the sh and mh schedulers they belong to"),
    /* 9 */ RECENT_SCHEDULER("recent-scheduler", WARNING,
            "this scheduler's kernel module exists only in recent kernels; older directors fail to add the service"),
    /* 1 */ DR_SAME_SUBNET("dr-same-subnet", ERROR,
            "DR rewrites only the MAC address, so each real server must be on the LAN of the director's DIP interface"),
    /* 2 */ PORT_MAPPING("port-mapping", ERROR,
            "DR and TUN forward the packet unchanged, so the real server sees the VIP's port; only NAT can map ports"),
    /* 3 */ NAT_GATEWAY("nat-gateway", ERROR,
            "with NAT the replies must pass back through the director to be rewritten, so the real server's gateway is the DIP"),
    /* 3 */ NAT_CLIENT_NETWORK("nat-client-network", ERROR,
            "with NAT, a client on the real servers' subnet gets replies straight from the real server, not rewritten"),
    /* 4 */ GATEWAY_SUBNET("gateway-subnet", ERROR,
            "a gateway is reached through ARP on the interface's LAN, so it must lie inside that interface's subnet"),
    /* 4 */ NETWORK_OR_BROADCAST("network-or-broadcast", ERROR,
            "the network and broadcast addresses of a subnet cannot be given to a host"),
    /* 5 */ DUPLICATE_ADDRESS("duplicate-address", ERROR,
            "VIP, DIP and every RIP must be different hosts' addresses, or packets loop or go to the wrong host"),
    /* 5 */ DUPLICATE_BACKEND("duplicate-backend", ERROR,
            "ipvsadm refuses a real server added twice to one service, and the whole restore fails"),
    /* 5 */ DUPLICATE_SERVICE("duplicate-service", ERROR,
            "ipvsadm refuses a virtual service defined twice, and the whole restore fails"),
    /* 5 */ DUPLICATE_NAME("duplicate-name", ERROR,
            "each real server gets its own script named after it, so two with one name would overwrite each other"),
    /* 5 */ VIP_PREFIX("vip-prefix", ERROR,
            "one VIP is one address on the director; services sharing it must agree on its prefix length"),
    /* 6 */ FAMILY_MISMATCH("family-mismatch", ERROR,
            "IPVS forwards between one address family only, except through a tunnel"),
    /* 6 */ MIXED_FAMILY_TUNNEL("mixed-family-tunnel", WARNING,
            "IPv4 in IPv6 (or back) tunnels need kernel 3.18+ and ipvsadm 1.28+"),
    /* 6 */ DIP_FAMILY("dip-family", ERROR,
            "the director reaches real servers from its own address of the same family (its DIP)"),
    /* 10 */ TUN_FIELDS("tun-fields", ERROR,
            "tunnel type and port describe the encapsulation of TUN forwarding; gue needs the UDP port it listens on"),
    /* 10 */ TUN_MTU("tun-mtu", WARNING,
            "encapsulation adds 20+ bytes and path-MTU discovery does not work through LVS-TUN; lower the MTU or clamp the MSS"),
    /* 10 */ TUN_RP_FILTER("tun-rp-filter", WARNING,
            "a decapsulated packet has the client's source on tunl0, which reverse-path filtering drops; the scripts set rp_filter=0"),
    /* 10 */ TUN_KERNEL("tun-kernel", WARNING,
            "GUE needs kernel 5.2+ and GRE kernel 5.3+ on the director, plus ipvsadm 1.30+"),
    /* 11 */ DR_TWO_NICS("dr-two-nics", WARNING,
            "with the VIP and DIP on different NICs, strict rp_filter or accept_local settings can drop forwarded traffic"),
    /* 12 */ FWMARK_PERSISTENCE("fwmark-persistence", WARNING,
            "a mark bundling several ports (http+https) usually needs persistence so one client stays on one server"),
    /* 13 */ NTP("ntp", WARNING,
            "the nodes' clocks should agree within a second (NTP), or logs and persistence timeouts disagree"),
    NO_SERVICES("no-services", ERROR, "a director without a virtual service does nothing"),
    NO_BACKENDS("no-backends", WARNING, "a virtual service without real servers refuses every connection"),
    WEIGHT_ZERO("weight-zero", WARNING, "weight 0 quiesces a real server: it gets no new connections"),
    UNUSED_REAL_SERVER("unused-real-server", WARNING,
            "a real server in no service gets a script that holds no VIP and changes nothing"),
    SPECIAL_ADDRESS("special-address", ERROR,
            "unspecified, loopback, multicast and link-local addresses cannot be reached as a service or host address"),
    /* 12 */ MARK_OVERLAP("mark-overlap", ERROR,
            "a packet gets one mark and matches one service: overlapping MARK rules or services make one of them dead"),
    /* 3 */ DR_GATEWAY_DIP("dr-gateway-dip", WARNING,
            "DR replies should go straight to the client; through the DIP they need ip_forward on the director, which DR leaves off"),
    /* 3 */ NAT6_FORWARDING("nat6-forwarding", WARNING,
            "IPv6 forwarding, which NAT needs, makes the director ignore router advertisements unless accept_ra=2: configure its routes statically");

    private final String id;
    private final Severity severity;
    private final String why;

    Rule(String id, Severity severity, String why) {
        this.id = id;
        this.severity = severity;
        this.why = why;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String why() {
        return why;
    }
}
