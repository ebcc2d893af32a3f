package lvswizard.ops;

import java.util.List;
import java.util.Map;
import lvswizard.exec.Runner;
import lvswizard.model.Director;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Names;
import lvswizard.plan.Plan;
import lvswizard.text.Message;

/**
 * Which side of a pair of directors this host is on now, from what VRRP leaves on it: the master
 * holds every VIP on its VIP interface, the backup none; some of them means the instances went
 * apart (the sync group keeps them together when keepalived is healthy).
 *
 * @param director the director this host is (by its DIP)
 * @param held     the VIPs on its VIP interface
 * @param all      every VIP of the configuration
 */
public record PairState(HostNeeds director, List<IpAddr> held, List<IpAddr> all) {
    public boolean master() {
        return held.size() == all.size();
    }

    public boolean backup() {
        return held.isEmpty();
    }

    /** The pair's state for this director, from its addresses (interface to "address/prefix"). */
    public static PairState of(Plan plan, HostNeeds director, Map<String, List<String>> addresses) {
        Director self = director.name().equals(plan.cluster().director().name()) ? plan.cluster().director()
                : plan.pair().backup();
        List<String> here = addresses.getOrDefault(Names.baseDevice(self.vipInterface()), List.of());
        List<IpAddr> all = plan.vips().stream().map(Plan.Vip::address).toList();
        return new PairState(director, all.stream().filter(v -> here.contains(v.cidr())).toList(), all);
    }

    /** The director of the pair whose DIP this host has, or null. */
    public static HostNeeds here(Plan plan, Map<String, List<String>> addresses) {
        for (HostNeeds director : HostNeeds.directors(plan)) {
            for (HostNeeds.Addr dip : director.ownAddresses()) {
                if (addresses.getOrDefault(dip.dev(), List.of()).contains(dip.address().cidr())) {
                    return director;
                }
            }
        }
        return null;
    }

    /** What the monitor shows of a pair on each refresh: this director's side now, in no language yet. */
    public static Message now(Runner runner, Plan plan) throws OpsException {
        Map<String, List<String>> addresses = HostState.addresses(runner);
        HostNeeds here = here(plan, addresses);
        return Texts.of("pair.now", here == null ? elsewhere() : of(plan, here, addresses).text());
    }

    /** This host is neither director of the pair. */
    public static Message elsewhere() {
        return Texts.of("pair.elsewhere");
    }

    /**
     * The other director as this one hears it: answers at its DIP (null: ping could not run).
     * A backup is silent in VRRP, so its DIP is how the master can tell that it is there.
     */
    public static Message peer(HostNeeds.Addr peer, Boolean heard) {
        if (heard == null) {
            return Texts.of("pair.peer-unknown", peer.what(), peer.address().text());
        }
        return Texts.of(heard ? "pair.peer-heard" : "pair.peer-silent", peer.what(), peer.address().text(), peer.dev());
    }

    /** The ping that tells whether the peer is there, as the operator would type it. */
    public static String pingCommand(HostNeeds.Addr peer) {
        return HostState.ping(peer).display();
    }

    /** One line for the operator: master, backup, or the VIPs split. */
    public Message text() {
        String vips = String.join(", ", all.stream().map(IpAddr::text).toList());
        if (master()) {
            return Texts.of("pair.master", director.name(), vips);
        }
        if (backup()) {
            return Texts.of("pair.backup", director.name(), vips);
        }
        return Texts.of("pair.split", director.name(), held.size(), all.size(), vips);
    }
}
