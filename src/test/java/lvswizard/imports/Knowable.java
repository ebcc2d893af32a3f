package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.model.HealthCheck;
import lvswizard.model.Persistence;
import lvswizard.model.RealServer;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;

/**
 * A configuration as far as one kind of source can know it, written out line by line so that a
 * difference reads plainly: what a saved table holds (services, real servers by address, their
 * ipvsadm settings), what keepalived.conf adds (checks, sorry servers, quorum, and for a pair the
 * VRRP settings, the VIPs' prefixes and interfaces). Names the import makes up are left out.
 */
public final class Knowable {
    /** What a source can say. */
    public enum Source { RULES, KEEPALIVED, HOST }

    private Knowable() {
    }

    public static List<String> of(Cluster cluster, Source source) {
        Map<String, String> addresses = cluster.realServers().stream()
                .collect(Collectors.toMap(RealServer::name, r -> host(r.address())));
        boolean pair = cluster.failover() != null && source == Source.KEEPALIVED;
        List<String> lines = new ArrayList<>();
        for (VirtualService s : cluster.services()) {
            StringBuilder line = new StringBuilder();
            if (s.hasFwmark()) {
                line.append("fwmark ").append(s.fwmark());
                if (source == Source.HOST) {
                    line.append(" vip ").append(s.vip()).append(" ports ").append(s.markPorts()).append(' ')
                            .append(s.protocol());
                }
            } else {
                line.append(s.protocol()).append(' ').append(pair || source == Source.HOST ? s.vip() : host(s.vip()))
                        .append(" port ").append(s.port());
            }
            line.append(" ").append(s.scheduler()).append(" flags ").append(s.schedulerFlags());
            line.append(" persistence ").append(persistence(s.persistence()));
            if (source == Source.KEEPALIVED) {
                line.append(" check ").append(check(s.healthCheck())).append(" sorry ").append(s.sorryServer())
                        .append(" quorum ").append(s.quorum()).append(" alpha ").append(s.alpha());
            }
            lines.add(line.toString());
            for (Backend b : s.backends()) {
                lines.add("  " + addresses.get(b.realServer()) + " port " + b.port() + " weight " + b.weight() + " "
                        + b.forwarding() + " " + b.tunnelType() + " " + b.tunnelPort() + " x " + b.upperThreshold()
                        + " y " + (source == Source.RULES ? "-" : b.lowerThreshold()));
            }
        }
        if (pair) {
            Failover f = cluster.failover();
            lines.add("vrrp " + f.virtualRouterId() + " advert " + f.advertInterval() + " priorities " + f.priority()
                    + "/" + f.backupPriority() + " preempt " + f.preempt() + " unicast " + f.unicast() + " auth "
                    + f.authPass() + " floating " + f.floatingGateway() + " sync " + f.connectionSync() + "/"
                    + f.syncId());
            lines.add("director " + interfaces(cluster.director()) + " backup " + interfaces(f.backup()));
        }
        if (source == Source.HOST) {
            lines.add("director " + interfaces(cluster.director()) + " dips " + cluster.director().dips() + " gateway "
                    + cluster.director().gateway());
        }
        return lines;
    }

    private static String interfaces(Director director) {
        return director.dipInterface() + "/" + director.vipInterface();
    }

    private static String persistence(Persistence p) {
        if (p == null) {
            return "none";
        }
        String mask = p.netmask() == null || p.netmask().equals("255.255.255.255") || p.netmask().equals("128") ? "full"
                : p.netmask();
        return p.timeout() + "/" + mask;
    }

    private static String check(HealthCheck check) {
        return check == null || check.kind() == CheckKind.NONE ? "none" : check.toString();
    }

    private static String host(String address) {
        IpAddr parsed = address == null ? null : IpAddr.parse(address);
        return parsed == null ? address : parsed.hostOnly().text();
    }
}
