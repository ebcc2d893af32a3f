package lvswizard.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lvswizard.imports.KeepalivedInstance.Vrrp;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Names;

/**
 * What the VRRP instances of one keepalived.conf (one director) or two (a pair) say: the VIPs'
 * interface and prefixes, the DIP interface, and the failover settings. The file whose instance
 * is MASTER (else of the higher priority) is the first director.
 */
final class Pair {
    private Pair() {
    }

    static void apply(List<List<Vrrp>> sides, Assembly into) {
        lint(sides, into);
        List<List<Vrrp>> ordered = new ArrayList<>(sides);
        ordered.sort(Comparator.comparing((List<Vrrp> side) -> !"MASTER".equals(side.get(0).state()))
                .thenComparing(side -> -nonNull(side.get(0).priority(), 100)));
        List<Vrrp> first = ordered.get(0);
        Vrrp main = first.get(0);
        into.at(main.file(), 0);
        into.dipInterface = main.iface();
        String gateway = null;
        for (Vrrp instance : first) {
            for (String[] address : instance.addresses()) {
                IpAddr parsed = IpAddr.parse(address[0]);
                if (parsed == null) {
                    into.note(Note.Kind.UNREADABLE, "unreadable.address", address[0]);
                } else if (into.isVip(parsed.hostOnly().text())) {
                    into.vip(parsed.cidr(), address[2] != null ? address[2] : address[1] != null ? address[1]
                            : instance.iface());
                } else if (address[1] == null || address[1].equals(instance.iface())) {
                    gateway = parsed.cidr();
                } else {
                    into.note(Note.Kind.IGNORED, "ignored.not-a-vip", parsed.cidr(), address[1]);
                }
            }
        }
        Director backup = null;
        Integer backupPriority = null;
        String backupName = Names.next(into.directorName == null ? "director" : into.directorName);
        if (ordered.size() > 1) {
            Vrrp other = ordered.get(1).get(0);
            backupPriority = other.priority();
            backup = new Director(backupName, other.iface(), List.of(), vipDevice(other, into), null, null);
        } else {
            // as the wizard starts a pair: a name counted on from the first's, its interfaces; the DIPs to fill in
            into.note(Note.Kind.MISSING, "missing.backup");
            into.missing().add("failover.backup.dips");
            String vipDevice = vipDevice(main, into);
            backup = new Director(backupName, main.iface(), List.of(), vipDevice == null ? main.iface() : vipDevice,
                    null, null);
            // below the master's, never equal (preemption needs two); to fill in only when there is no room
            backupPriority = main.priority() == null || main.priority() <= 1 ? null : Math.max(1, main.priority() - 50);
            if (backupPriority == null) {
                into.missing().add("failover.backupPriority");
            }
        }
        into.failover = new Failover(backup, main.routerId(), main.advert(), main.priority(), backupPriority,
                !main.nopreempt(), !main.peers().isEmpty(), main.authPass(), gateway, main.syncInterface() != null,
                main.syncId());
        if (into.directorName == null) {
            into.directorName = "director";
        }
    }

    /** The device an instance names for the VIPs (dev, or the label's device), or null where it names none. */
    private static String vipDevice(Vrrp instance, Assembly into) {
        String device = null;
        for (String[] address : instance.addresses()) {
            IpAddr parsed = IpAddr.parse(address[0]);
            if (parsed != null && into.isVip(parsed.hostOnly().text())) {
                device = address[2] != null ? address[2] : address[1];
            }
        }
        return device;
    }

    /** VRID clashes within a file, the pair's files disagreeing, and vrrp_strict's contradictions. */
    private static void lint(List<List<Vrrp>> sides, Assembly into) {
        for (List<Vrrp> side : sides) {
            Map<String, Vrrp> seen = new HashMap<>();
            for (Vrrp instance : side) {
                into.at(instance.file(), instance.line());
                String key = instance.iface() + "/" + instance.routerId();
                if (instance.routerId() != null && seen.putIfAbsent(key, instance) != null) {
                    into.finding(LintRule.VRID_CLASH, "lint.vrid-clash", String.valueOf(instance.routerId()),
                            String.valueOf(instance.iface()));
                }
                if (instance.strict() && !instance.peers().isEmpty()) {
                    into.finding(LintRule.VRRP_STRICT, "lint.vrrp-strict-unicast");
                }
                if (instance.strict() && instance.authPass() != null) {
                    into.finding(LintRule.VRRP_STRICT, "lint.vrrp-strict-auth");
                }
            }
        }
        if (sides.size() == 2) {
            Vrrp a = sides.get(0).get(0);
            Vrrp b = sides.get(1).get(0);
            if (a.routerId() != null && !a.routerId().equals(b.routerId())) {
                into.at(b.file(), b.line());
                into.finding(LintRule.VRID_CLASH, "lint.vrid-differ", a.file(), String.valueOf(a.routerId()),
                        b.file(), String.valueOf(b.routerId()));
            }
        }
    }

    private static int nonNull(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
