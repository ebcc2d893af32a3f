package lvswizard.model;

import java.util.List;

/**
 * One IPVS virtual service: protocol + VIP + port, or a firewall mark.
 *
 * @param name           optional label, used in comments and diagrams
 * @param protocol       tcp, udp or sctp; for a fwmark service, the protocol the MARK rules match
 * @param vip            the virtual address, optionally with the prefix length it gets on the
 *                       director's VIP interface (192.168.101.168/24); without one it is a host
 *                       address (/32 or /128)
 * @param port           1–65535; 0 means all ports and needs persistence; null for fwmark
 * @param fwmark         when set, the service is ipvsadm -f FWMARK and {@code markPorts} are marked
 * @param markPorts      fwmark services: the destination ports whose packets get the mark
 * @param scheduler      scheduling algorithm; default wlc (as ipvsadm)
 * @param schedulerFlags sh/mh flags
 * @param persistence    client affinity, or null
 * @param backends       the real servers of this service
 * @param healthCheck    how keepalived checks the real servers (keepalived output only), or null
 * @param sorryServer    where clients go when no real server is up (keepalived), or null
 * @param quorum         the least healthy weight worth offering the service (keepalived), or null
 * @param alpha          whether a real server starts as down until its first check passes (keepalived)
 */
public record VirtualService(String name, Protocol protocol, String vip, Integer port, Long fwmark,
                             List<Integer> markPorts, Scheduler scheduler, List<SchedulerFlag> schedulerFlags,
                             Persistence persistence, List<Backend> backends, HealthCheck healthCheck,
                             SorryServer sorryServer, Quorum quorum, Boolean alpha) {
    public VirtualService {
        if (protocol == null) {
            protocol = Protocol.TCP;
        }
        if (scheduler == null) {
            scheduler = Scheduler.WLC;
        }
        markPorts = markPorts == null ? List.of() : List.copyOf(markPorts);
        schedulerFlags = schedulerFlags == null ? List.of() : List.copyOf(schedulerFlags);
        backends = backends == null ? List.of() : List.copyOf(backends);
        if (alpha == null) {
            alpha = false;
        }
    }

    /** A service without keepalived's settings, as the scripts use it. */
    public VirtualService(String name, Protocol protocol, String vip, Integer port, Long fwmark,
                          List<Integer> markPorts, Scheduler scheduler, List<SchedulerFlag> schedulerFlags,
                          Persistence persistence, List<Backend> backends) {
        this(name, protocol, vip, port, fwmark, markPorts, scheduler, schedulerFlags, persistence, backends, null,
                null, null, null);
    }

    public boolean hasFwmark() {
        return fwmark != null;
    }

    /** The sorry server's port: its own, else the service's; 0 when neither says (a fwmark service: any port). */
    public int sorryServerPort() {
        Integer own = sorryServer.port() != null ? sorryServer.port() : port;
        return own == null ? 0 : own;
    }

    /** Whether it has settings only keepalived acts on: a check, a sorry server, a quorum or alpha. */
    public boolean usesKeepalived() {
        return healthCheck != null && healthCheck.kind() != CheckKind.NONE || sorryServer != null || quorum != null
                || alpha;
    }

    public boolean uses(Forwarding forwarding) {
        return backends.stream().anyMatch(b -> b.forwarding() == forwarding);
    }
}
