package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lvswizard.render.HostNeeds;
import lvswizard.render.IpvsRules;
import lvswizard.render.Plan;

/**
 * Checks this host against what its role needs and says, for each thing, OK or WRONG with the fix.
 * Pure: the role's needs and the host's state in, the checks out.
 */
public final class Doctor {
    /** OK: as the role needs it; WRONG: the role does not work so; NOTE: works, but not as configured. */
    public enum Verdict { OK, NOTE, WRONG }

    /** One check: what was looked at, what was found, and the fix (what to do) when it is not OK. */
    public record Check(Verdict verdict, String what, String found, String fix) {
        Check(boolean ok, String what, String found, String fix) {
            this(ok ? Verdict.OK : Verdict.WRONG, what, found, fix);
        }

        public boolean ok() {
            return verdict == Verdict.OK;
        }

        public boolean wrong() {
            return verdict == Verdict.WRONG;
        }

        public String toLine() {
            return String.format(java.util.Locale.ROOT, "%-7s", verdict) + what + ": " + found
                    + (ok() || fix.isEmpty() ? "" : "\n       fix: " + fix);
        }
    }

    private Doctor() {
    }

    public static List<Check> check(HostNeeds needs, HostState state, Plan plan) {
        List<Check> checks = new ArrayList<>();
        String start = "run " + needs.scriptName() + " start";
        for (String dev : needs.devices()) {
            if (needs.tunnelDevices().contains(dev)) {
                continue; // created by loading the tunnel module: checked with the VIP on it
            }
            boolean present = state.addresses().containsKey(dev);
            checks.add(new Check(present, "interface " + dev, present ? "present" : "missing",
                    "this host has no " + dev + " (ip link show); fix the configuration's interface names"));
        }
        for (HostNeeds.Addr own : needs.ownAddresses()) {
            boolean present = state.addresses().getOrDefault(own.dev(), List.of()).contains(own.address().cidr());
            checks.add(new Check(present, own.what() + " " + own.address().cidr() + " on " + own.dev(),
                    present ? "configured" : "not configured (on: " + list(state.devicesWith(own.address().text())) + ")",
                    "configure this host's own address: ip addr add " + own.address().cidr() + " dev " + own.dev()));
        }
        for (String module : needs.modules()) {
            boolean loaded = state.modules().contains(module);
            boolean loadable = state.available(module);
            checks.add(new Check(loaded, "kernel module " + module, loaded ? "loaded"
                    : loadable ? "not loaded" : "not loaded, and modprobe cannot find it",
                    loadable ? "modprobe " + module + ", or " + start : Advice.kernelLacks(module, state)));
        }
        for (HostNeeds.Setting setting : needs.sysctls()) {
            String value = state.sysctls().get(setting.path());
            boolean ok = setting.value().equals(value);
            checks.add(new Check(ok, setting.key(), (value == null ? "missing" : "is " + value)
                    + (ok ? "" : ", needs " + setting.value()) + " (" + setting.label() + ")",
                    "sysctl -w " + setting.key() + "=" + setting.value() + ", or " + start));
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            String cidr = vip.address().cidr();
            boolean present = state.addresses().getOrDefault(vip.dev(), List.of()).contains(cidr);
            checks.add(new Check(present, "VIP " + cidr + " on " + vip.dev(), present ? "present"
                    : "missing (on: " + list(state.devicesWith(vip.address().text())) + ")",
                    "ip addr add " + cidr + " dev " + vip.dev() + ", or " + start));
            List<String> elsewhere = state.devicesWith(vip.address().text()).stream()
                    .filter(d -> !d.equals(vip.dev())).toList();
            if (!elsewhere.isEmpty()) {
                checks.add(new Check(false, "VIP " + vip.address().text() + " only on " + vip.dev(),
                        "also on " + list(elsewhere), "ip addr del " + vip.address().text() + " dev "
                        + elsewhere.get(0) + " (" + (needs.isDirector() ? "a real server's setup on the director"
                        : "a real server holding the VIP on a real interface answers ARP for it") + ")"));
            }
        }
        if (needs.gateway() != null) {
            checks.add(gateway(needs.gateway(), state, start));
        }
        for (Map.Entry<HostNeeds.MarkRule, Boolean> mark : state.marks().entrySet()) {
            String rule = mark.getKey().tool() + " -t mangle PREROUTING " + String.join(" ", mark.getKey().spec());
            checks.add(new Check(mark.getValue(), "MARK rule", (mark.getValue() ? "present: " : "missing: ") + rule,
                    start));
        }
        if (needs.isDirector()) {
            checks.addAll(rules(state, plan, start));
        }
        return checks;
    }

    /**
     * The script adds the configured default route only where there is none, and leaves another one
     * alone with a warning, except for NAT, whose replies must go back through the director (the
     * script then refuses to start). So another gateway is WRONG for NAT and a NOTE otherwise.
     */
    private static Check gateway(HostNeeds.Route route, HostState state, String start) {
        String want = route.via().text();
        String now = state.gateways().get(route.via().isIPv6() ? "6" : "4");
        String what = "default gateway" + (route.strict() ? " (NAT: must be the DIP)" : "");
        if (want.equals(now)) {
            return new Check(Verdict.OK, what, now, "");
        }
        if (now == null) {
            return new Check(Verdict.WRONG, what, "none, needs " + want, "ip route add default via " + want + ", or "
                    + start);
        }
        if (route.strict()) {
            return new Check(Verdict.WRONG, what, now + ", configured " + want, "ip route replace default via " + want);
        }
        return new Check(Verdict.NOTE, what, now + ", not the configured " + want + " (start keeps a gateway that is"
                + " already there)", "if " + want + " is right: ip route replace default via " + want
                + "; otherwise correct the gateway in the configuration");
    }

    private static List<Check> rules(HostState state, Plan plan, String start) {
        List<Check> checks = new ArrayList<>();
        if (state.ipvsRules() == null) {
            Advice.Cause cause = Advice.ipvsUnreadable(state, start);
            checks.add(new Check(false, "IPVS rules", "cannot be read: " + cause.found(), cause.fix()));
            return checks;
        }
        Map<String, SavedRules.Entry> want = SavedRules.parse(String.join("\n", IpvsRules.restoreLines(plan)));
        Map<String, SavedRules.Entry> have = SavedRules.parse(state.ipvsRules());
        for (SavedRules.Entry entry : want.values()) {
            SavedRules.Entry found = have.get(entry.key());
            String what = (entry.isService() ? "IPVS service " : "IPVS real server ") + entry.key();
            if (found == null) {
                checks.add(new Check(false, what, "missing", start));
            } else if (!found.options().equals(entry.options())) {
                checks.add(new Check(false, what, found.describe() + ", configured " + entry.describe(),
                        "run " + "director.sh restart (or ipvsadm -E / -e with the configured options)"));
            } else {
                checks.add(new Check(true, what, entry.describe(), ""));
            }
        }
        for (SavedRules.Entry entry : have.values()) {
            if (!entry.isService() && !want.containsKey(entry.key()) && want.keySet().stream()
                    .anyMatch(k -> entry.key().startsWith(k + " -r "))) {
                checks.add(new Check(false, "IPVS real server " + entry.key(), "present but not configured",
                        "ipvsadm -d " + entry.key()));
            }
        }
        return checks;
    }

    private static String list(List<String> devices) {
        return devices.isEmpty() ? "none" : String.join(", ", devices);
    }
}
