package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.Templates;
import lvswizard.text.Message;
import lvswizard.text.TextWidth;

/**
 * Checks this host against what its role needs and says, for each thing, OK or WRONG with the fix.
 * Pure: the role's needs and the host's state in, the checks out.
 */
public final class Doctor {
    /** OK: as the role needs it; WRONG: the role does not work so; NOTE: works, but not as configured. */
    public enum Verdict { OK, NOTE, WRONG }

    /** One check: what was looked at, what was found, and the fix (what to do) when it is not OK; in no language yet. */
    public record Check(Verdict verdict, Message what, Message found, Message fix) {
        Check(boolean ok, Message what, Message found, Message fix) {
            this(ok ? Verdict.OK : Verdict.WRONG, what, found, fix);
        }

        public boolean ok() {
            return verdict == Verdict.OK;
        }

        public boolean wrong() {
            return verdict == Verdict.WRONG;
        }

        /** In English, as the command line prints it. */
        public String toLine() {
            return toLine(Locale.ENGLISH);
        }

        /** "WRONG  what: found" and, when not OK, "       fix: ..." on a second line. */
        public String toLine(Locale locale) {
            String line = TextWidth.fill(Texts.of("doctor.verdict." + verdict).format(locale), 7)
                    + Texts.of("doctor.line", what, found).format(locale);
            return ok() || fix == null ? line : line + "\n       " + Texts.of("doctor.fix", fix).format(locale);
        }
    }

    private Doctor() {
    }

    /** Reads this host and checks it for whoever keeps the IPVS table: what the command line and the wizard run. */
    public static List<Check> examine(Runner runner, HostNeeds needs, Plan plan, IpvsOwner owner) throws OpsException {
        HostState state = HostState.read(runner, needs);
        if (owner == IpvsOwner.KEEPALIVED && needs.isDirector()) {
            return checkKeepalived(needs, state, plan, KeepalivedHost.read(runner),
                    KeepalivedExport.confFor(plan, needs.name(), Templates.packaged()));
        }
        return check(needs, state, plan);
    }

    public static List<Check> check(HostNeeds needs, HostState state, Plan plan) {
        List<Check> checks = hostChecks(needs, state);
        if (needs.isDirector()) {
            checks.addAll(rules(state, plan, needs.scriptName()));
        }
        return checks;
    }

    /**
     * A director whose IPVS table keepalived keeps: the host as its script prepares it, keepalived
     * itself and its file against {@code expectedConf} (what this configuration generates), and the
     * table against keepalived.conf: a real server out of the table, or at weight 0, is what
     * keepalived does when its check fails (a NOTE), and so is the sorry server in it.
     */
    public static List<Check> checkKeepalived(HostNeeds needs, HostState state, Plan plan, KeepalivedHost keepalived,
                                              String expectedConf) {
        List<Check> checks = hostChecks(needs, state);
        checks.addAll(KeepalivedDoctor.keepalived(keepalived, expectedConf));
        if (plan.pair() != null) {
            PairState pair = PairState.of(plan, needs, state.addresses());
            checks.add(new Check(pair.master() || pair.backup(), Texts.of("doctor.vrrp", needs.name()), pair.text(),
                    Texts.of("doctor.fix-vrrp-split")));
            for (HostNeeds.Addr peer : needs.peers()) {
                Boolean heard = state.peerHeard(peer);
                // without the peer the pair still balances, on one director with no spare: a NOTE
                checks.add(new Check(Boolean.TRUE.equals(heard) ? Verdict.OK : Verdict.NOTE,
                        Texts.of("doctor.peer", peer.what()), PairState.peer(peer, heard),
                        heard == null ? Texts.of("doctor.fix-peer-ping", "apt-get install iputils-ping")
                                : Texts.of("doctor.fix-peer", peer.what(), PairState.pingCommand(peer))));
            }
        }
        if (state.ipvsRules() == null) {
            checks.addAll(rules(state, plan, needs.scriptName()));
        } else {
            checks.addAll(KeepalivedDoctor.table(state.ipvsRules(), plan,
                    KeepalivedDoctor.healthy(keepalived, expectedConf)));
        }
        return checks;
    }

    private static List<Check> hostChecks(HostNeeds needs, HostState state) {
        List<Check> checks = new ArrayList<>();
        String script = needs.scriptName();
        Message start = Texts.of("run-start", script);
        for (String dev : needs.devices()) {
            if (needs.tunnelDevices().contains(dev)) {
                continue; // created by loading the tunnel module: checked with the VIP on it
            }
            boolean present = state.addresses().containsKey(dev);
            checks.add(new Check(present, Texts.of("doctor.interface", dev), word(present ? "present" : "missing"),
                    Texts.of("doctor.fix-interface", dev, "ip link show")));
        }
        for (HostNeeds.Addr own : needs.ownAddresses()) {
            boolean present = state.addresses().getOrDefault(own.dev(), List.of()).contains(own.address().cidr());
            checks.add(new Check(present, Texts.of("doctor.own-address", own.what(), own.address().cidr(), own.dev()),
                    present ? word("configured")
                            : Texts.of("doctor.not-configured", devices(state.devicesWith(own.address().text()))),
                    Texts.of("doctor.fix-own-address", "ip addr add " + own.address().cidr() + " dev " + own.dev())));
        }
        for (String module : needs.modules()) {
            boolean loaded = state.modules().contains(module);
            boolean loadable = state.available(module);
            checks.add(new Check(loaded, Texts.of("doctor.module", module),
                    word(loaded ? "loaded" : loadable ? "not-loaded" : "not-loadable"),
                    loadable ? Texts.of("or-start", "modprobe " + module, script) : Advice.kernelLacks(module, state)));
        }
        state.forwardPolicies().forEach((tool, policy) -> {
            // container runtimes set DROP; NAT then works only if a rule of theirs happens to accept it
            boolean open = policy.equals("ACCEPT");
            checks.add(new Check(open ? Verdict.OK : Verdict.NOTE, Texts.of("doctor.forward-policy", tool),
                    Texts.of(open ? "doctor.forward-open" : "doctor.forward-closed", policy),
                    Texts.of("doctor.fix-forward", tool + " -S FORWARD", tool + " -I FORWARD -d <RIP subnet> -j ACCEPT")));
        });
        for (HostNeeds.Setting setting : needs.sysctls()) {
            String value = state.sysctls().get(setting.path());
            boolean ok = setting.value().equals(value);
            checks.add(new Check(ok, Texts.of("command", setting.key()),
                    value == null ? Texts.of("doctor.sysctl.missing", setting.value(), setting.label())
                            : ok ? Texts.of("doctor.sysctl.is", value, setting.label())
                            : Texts.of("doctor.sysctl.needs", value, setting.value(), setting.label()),
                    Texts.of("or-start", "sysctl -w " + setting.key() + "=" + setting.value(), script)));
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            String cidr = vip.address().cidr();
            boolean present = state.addresses().getOrDefault(vip.dev(), List.of()).contains(cidr);
            checks.add(new Check(present, Texts.of("doctor.vip", cidr, vip.dev()), present ? word("present")
                    : Texts.of("doctor.vip-missing", devices(state.devicesWith(vip.address().text()))),
                    Texts.of("or-start", "ip addr add " + cidr + " dev " + vip.dev(), script)));
            List<String> elsewhere = state.devicesWith(vip.address().text()).stream()
                    .filter(d -> !d.equals(vip.dev())).toList();
            if (!elsewhere.isEmpty()) {
                checks.add(new Check(false, Texts.of("doctor.vip-only", vip.address().text(), vip.dev()),
                        Texts.of("doctor.also-on", devices(elsewhere)),
                        Texts.of(needs.isDirector() ? "doctor.fix-vip-on-director" : "doctor.fix-vip-on-real-server",
                                "ip addr del " + vip.address().text() + " dev " + elsewhere.get(0))));
            }
        }
        if (needs.gateway() != null) {
            checks.add(gateway(needs.gateway(), state, script));
        }
        for (Map.Entry<HostNeeds.MarkRule, Boolean> mark : state.marks().entrySet()) {
            String rule = mark.getKey().tool() + " -t mangle PREROUTING " + String.join(" ", mark.getKey().spec());
            checks.add(new Check(mark.getValue(), word("mark"),
                    Texts.of(mark.getValue() ? "doctor.mark-present" : "doctor.mark-missing", rule), start));
        }
        return checks;
    }

    /**
     * The script adds the configured default route only where there is none, and leaves another one
     * alone with a warning, except for NAT, whose replies must go back through the director (the
     * script then refuses to start). So another gateway is WRONG for NAT and a NOTE otherwise.
     */
    private static Check gateway(HostNeeds.Route route, HostState state, String script) {
        String want = route.via().text();
        String now = state.gateways().get(route.via().isIPv6() ? "6" : "4");
        Message what = word(route.strict() ? "gateway-nat" : "gateway");
        if (want.equals(now)) {
            return new Check(Verdict.OK, what, Texts.of("command", now), null);
        }
        if (now == null) {
            return new Check(Verdict.WRONG, what, Texts.of("doctor.gateway-none", want),
                    Texts.of("or-start", "ip route add default via " + want, script));
        }
        if (route.strict()) {
            return new Check(Verdict.WRONG, what, Texts.of("doctor.gateway-differs", now, want),
                    Texts.of("command", "ip route replace default via " + want));
        }
        return new Check(Verdict.NOTE, what, Texts.of("doctor.gateway-kept", now, want),
                Texts.of("doctor.fix-gateway-kept", want, "ip route replace default via " + want));
    }

    private static List<Check> rules(HostState state, Plan plan, String script) {
        List<Check> checks = new ArrayList<>();
        Message start = Texts.of("run-start", script);
        if (state.ipvsRules() == null) {
            Advice.Cause cause = Advice.ipvsUnreadable(state, script);
            checks.add(new Check(false, word("ipvs-rules"), Texts.of("doctor.unreadable", cause.found()), cause.fix()));
            return checks;
        }
        Map<String, SavedRules.Entry> want = SavedRules.parse(String.join("\n", Ipvsadm.restoreLines(plan)));
        Map<String, SavedRules.Entry> have = SavedRules.parse(state.ipvsRules());
        for (SavedRules.Entry entry : want.values()) {
            SavedRules.Entry found = have.get(entry.key());
            Message what = Texts.of(entry.isService() ? "doctor.ipvs-service" : "doctor.ipvs-real-server", entry.key());
            if (found == null) {
                checks.add(new Check(false, what, word("missing"), start));
            } else if (!found.options().equals(entry.options())) {
                checks.add(new Check(false, what, Texts.of("doctor.differs", found.describe(), entry.describe()),
                        Texts.of("doctor.fix-restart", script)));
            } else {
                checks.add(new Check(true, what, Texts.of("command", entry.describe()), null));
            }
        }
        for (SavedRules.Entry entry : have.values()) {
            if (!entry.isService() && !want.containsKey(entry.key()) && want.containsKey(entry.service().toString())) {
                checks.add(new Check(false, Texts.of("doctor.ipvs-real-server", entry.key()),
                        word("not-configured-server"), Texts.of("command",
                        String.join(" ", Ipvsadm.deleteServer(entry.service(), entry.server())))));
            }
        }
        return checks;
    }

    /** A word of the doctor's: "present", "missing", "loaded"... */
    static Message word(String key) {
        return Texts.of("doctor." + key);
    }

    /** The devices, or "none". */
    private static Object devices(List<String> devices) {
        return devices.isEmpty() ? Texts.of("none") : String.join(", ", devices);
    }
}
