package lvswizard.render;

import java.util.ArrayList;
import java.util.List;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Names;
import lvswizard.plan.Plan;

/**
 * The VRRP half of a director pair's keepalived.conf, as one of the two directors writes it: one
 * instance per address family of the VIPs, advertising on the DIP interface and tracking the VIP
 * interface (the VIPs, and for NAT the real servers' floating gateway on the DIP interface), all
 * in one sync group so that they move together, notify hooks
 * that log each change to syslog, and the connection sync daemon on the DIP interface. Both
 * files come from one description, so their ids, advert interval, password and peers agree.
 */
public final class KeepalivedVrrp {
    private static final String INDENT = "    ";
    /** keepalived appends the instance's type, name, state and priority: syslog gets one line per change. */
    static final String NOTIFY = "/usr/bin/logger -t keepalived-notify";

    private KeepalivedVrrp() {
    }

    /** One of the pair: the first director, or the backup. */
    public enum Side { FIRST, BACKUP }

    /** A VRRP instance: its name, id, and whether its addresses are IPv6 (VRRPv3). */
    record Instance(String name, int id, boolean ipv6, List<IpAddr> vips) {
    }

    static List<Instance> instances(Plan plan) {
        return plan.vrrpInstances().stream().map(i -> new Instance("VI_" + plan.cluster().name()
                + (i.ipv6() ? "_6" : "_4"), i.id(), i.ipv6(), i.vips())).toList();
    }

    /** The director a side names. */
    public static Director director(Plan plan, Side side) {
        return side == Side.FIRST ? plan.cluster().director() : plan.pair().backup();
    }

    /** The global_defs lines besides router_id: the sync daemon. */
    static List<String> globals(Plan plan, Side side) {
        Failover failover = plan.pair().settings();
        if (!failover.connectionSync()) {
            return List.of();
        }
        return List.of(INDENT + "lvs_sync_daemon " + Names.baseDevice(director(plan, side).dipInterface()) + " "
                + instances(plan).get(0).name() + " id " + failover.syncId());
    }

    /** The sync group and the instances, for one side. */
    static List<String> lines(Plan plan, Side side) {
        Failover failover = plan.pair().settings();
        Director self = director(plan, side);
        List<IpAddr> ownDips = side == Side.FIRST ? plan.dips() : plan.pair().backupDips();
        List<IpAddr> peerDips = side == Side.FIRST ? plan.pair().backupDips() : plan.dips();
        List<Instance> instances = instances(plan);
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("# the pair " + plan.cluster().director().name() + " (priority " + failover.priority() + ") and "
                + plan.pair().backup().name() + " (priority " + failover.backupPriority() + "): this file is "
                + self.name() + "'s");
        // one instance needs no group (keepalived warns of a group of one); two move together in one
        boolean grouped = instances.size() > 1;
        if (grouped) {
            lines.add("vrrp_sync_group VG_" + plan.cluster().name() + " {");
            lines.add(INDENT + "group {");
            instances.forEach(i -> lines.add(INDENT.repeat(2) + i.name()));
            lines.add(INDENT + "}");
            lines.add(INDENT + "notify " + KeepalivedConf.quoted(NOTIFY));
            lines.add("}");
        }
        for (Instance instance : instances) {
            lines.add("");
            lines.add("vrrp_instance " + instance.name() + " {");
            String vipDevice = Names.baseDevice(self.vipInterface());
            String dipDevice = Names.baseDevice(self.dipInterface());
            block(lines, "state", side == Side.FIRST && failover.preempt() ? "MASTER" : "BACKUP");
            // adverts go over the DIP network, where both directors have an address of their own (VRRP
            // needs one to send from; the VIP interface may have none but the VIPs)
            block(lines, "interface", dipDevice);
            if (!vipDevice.equals(dipDevice)) {
                // the VIPs' link down is a fault: the peer takes over
                lines.add(INDENT + "track_interface {");
                lines.add(INDENT.repeat(2) + vipDevice);
                lines.add(INDENT + "}");
            }
            block(lines, "virtual_router_id", instance.id());
            block(lines, "priority", side == Side.FIRST ? failover.priority() : failover.backupPriority());
            block(lines, "advert_int", failover.advertInterval());
            if (instance.ipv6()) {
                block(lines, "version", 3);
                lines.add(INDENT + "native_ipv6");
            }
            if (!failover.preempt()) {
                lines.add(INDENT + "nopreempt");
            }
            if (!grouped) {
                block(lines, "notify", KeepalivedConf.quoted(NOTIFY));
            }
            if (failover.unicast()) {
                IpAddr own = ownDips.stream().filter(d -> d.isIPv6() == instance.ipv6()).findFirst().orElseThrow();
                block(lines, "unicast_src_ip", own.text());
                lines.add(INDENT + "unicast_peer {");
                peerDips.stream().filter(d -> d.isIPv6() == instance.ipv6())
                        .forEach(d -> lines.add(INDENT.repeat(2) + d.text()));
                lines.add(INDENT + "}");
            }
            if (failover.authPass() != null && !instance.ipv6()) {
                lines.add(INDENT + "authentication {");
                lines.add(INDENT.repeat(2) + "auth_type PASS");
                lines.add(INDENT.repeat(2) + "auth_pass " + failover.authPass());
                lines.add(INDENT + "}");
            }
            lines.add(INDENT + "virtual_ipaddress {");
            String label = self.vipInterface().contains(":") ? " label " + self.vipInterface() : "";
            for (IpAddr vip : instance.vips()) {
                lines.add(INDENT.repeat(2) + vip.cidr() + " dev " + vipDevice + label);
            }
            IpAddr gateway = plan.pair().floatingGateway();
            if (gateway != null && gateway.isIPv6() == instance.ipv6()) {
                lines.add(INDENT.repeat(2) + gateway.cidr() + " dev " + dipDevice);
            }
            lines.add(INDENT + "}");
            IpAddr route = plan.directorGateway();
            if (route != null && route.isIPv6() == instance.ipv6() && HostNeeds.routedByVrrp(plan, ownDips)) {
                // the gateway is on the VIPs' side: the master's default route comes and goes with them
                lines.add(INDENT + "virtual_routes {");
                lines.add(INDENT.repeat(2) + "default via " + route.text() + " dev " + vipDevice);
                lines.add(INDENT + "}");
            }
            lines.add("}");
        }
        return lines;
    }

    private static void block(List<String> lines, String keyword, Object value) {
        lines.add(INDENT + keyword + " " + value);
    }
}
