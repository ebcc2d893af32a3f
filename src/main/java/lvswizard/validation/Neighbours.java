package lvswizard.validation;

import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Failover;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Plan;

/**
 * What one configuration cannot see alone: other clusters whose directors share a network with
 * this one's. Two pairs that advertise the same VRRP router id (of one address family) on one
 * segment take each other's adverts for their peer's; two sync daemons with one id there load each
 * other's connections. {@code keepalived -t} checks one file on one host, so these clashes show up
 * only when both run; here they show up before. Pure: valid plans in, findings out.
 */
public final class Neighbours {
    /** Another cluster's plan and where it came from (its file), to name it in the finding. */
    public record Neighbour(String source, Plan plan) {
    }

    private Neighbours() {
    }

    /** The clashes of {@code plan}'s pair with the pairs of {@code others}, each on this configuration's field. */
    public static List<Finding> clashes(Plan plan, List<Neighbour> others) {
        List<Finding> findings = new ArrayList<>();
        if (plan.pair() == null) {
            return findings;
        }
        for (Neighbour other : others) {
            if (other.plan().pair() == null) {
                continue;
            }
            IpAddr segment = sharedSegment(plan, other.plan());
            if (segment == null) {
                continue;
            }
            String name = other.plan().cluster().name() + " (" + other.source() + ")";
            for (Plan.VrrpInstance mine : plan.vrrpInstances()) {
                for (Plan.VrrpInstance theirs : other.plan().vrrpInstances()) {
                    if (mine.ipv6() == theirs.ipv6() && mine.id() == theirs.id()) {
                        findings.add(new Finding(Rule.VRRP_ID, "failover.virtualRouterId",
                                Words.of("vrrp-id.neighbour", mine.id(), name, segment.network())));
                    }
                }
            }
            Failover a = plan.pair().settings();
            Failover b = other.plan().pair().settings();
            if (a.connectionSync() && b.connectionSync()) {
                if (a.syncId().equals(b.syncId())) {
                    findings.add(new Finding(Rule.VRRP_ID, "failover.syncId",
                            Words.of("sync-id.neighbour", a.syncId(), name, segment.network())));
                } else if (a.syncId() == 0 || b.syncId() == 0) {
                    // a backup filters sync messages by id only when its own id is not 0 (ip_vs_sync.c)
                    findings.add(new Finding(Rule.VRRP_ID, "failover.syncId",
                            Words.of("sync-id.zero", name, segment.network())));
                }
            }
        }
        return findings;
    }

    /** A DIP of {@code a} whose subnet holds a DIP of {@code b} (where both pairs advertise), or null. */
    private static IpAddr sharedSegment(Plan a, Plan b) {
        for (IpAddr mine : dips(a)) {
            for (IpAddr theirs : dips(b)) {
                if (mine.isIPv6() == theirs.isIPv6() && (mine.subnetContains(theirs) || theirs.subnetContains(mine))) {
                    return mine;
                }
            }
        }
        return null;
    }

    private static List<IpAddr> dips(Plan plan) {
        List<IpAddr> dips = new ArrayList<>(plan.dips());
        dips.addAll(plan.pair().backupDips());
        return dips;
    }
}
