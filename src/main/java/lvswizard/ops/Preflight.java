package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lvswizard.exec.Command;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.text.Message;
import lvswizard.plan.ServiceKey;

/**
 * What must hold before a role's script may start here: root, ipvsadm, IPVS in the kernel, the
 * interfaces, the VIP not held the other role's way, no foreign IPVS service in the way. Read-only:
 * every command it runs only looks.
 */
public final class Preflight {
    /** A failed condition: what is wrong and the fix, in no language yet. */
    public record Problem(Message what, Message fix) {
        /** In English, as the command line prints it. */
        public String toLine() {
            return toLine(Locale.ENGLISH);
        }

        public String toLine(Locale locale) {
            return line().format(locale);
        }

        /** "what; fix: fix" */
        public Message line() {
            return Texts.of("preflight.line", what, fix);
        }
    }

    private Preflight() {
    }

    /** The problems found (empty: ready to start). {@code state} is this host now. */
    public static List<Problem> check(Runner runner, HostNeeds needs, HostState state, Plan plan) {
        return check(runner, needs, state, plan, false);
    }

    /** {@code keptByKeepalived}: this cluster's keepalived runs and keeps the services, which are then not foreign. */
    public static List<Problem> check(Runner runner, HostNeeds needs, HostState state, Plan plan,
                                      boolean keptByKeepalived) {
        List<Problem> problems = new ArrayList<>();
        if (!state.root()) {
            problems.add(new Problem(Texts.of("preflight.not-root", state.uid()), Advice.USE_ROOT));
        }
        if (state.ipvsadmMissing()) {
            problems.add(new Problem(Texts.of("preflight.no-ipvsadm"), Advice.INSTALL_IPVSADM));
        }
        for (String module : needs.modules()) {
            if (!state.available(module)) {
                problems.add(new Problem(Texts.of("preflight.module", module), Advice.kernelLacks(module, state)));
            }
        }
        for (String dev : needs.devices()) {
            if (!needs.tunnelDevices().contains(dev) && !state.addresses().containsKey(dev)) {
                problems.add(new Problem(Texts.of("preflight.no-interface", dev,
                        String.join(", ", state.addresses().keySet())), Texts.of("preflight.fix-interface")));
            }
        }
        for (HostNeeds.Addr own : needs.ownAddresses()) {
            if (!state.addresses().getOrDefault(own.dev(), List.of()).contains(own.address().cidr())) {
                problems.add(new Problem(Texts.of("preflight.own-address", own.what(), own.address().cidr(), own.dev()),
                        Texts.of("preflight.fix-own-address", "ip addr add " + own.address().cidr() + " dev "
                                + own.dev())));
            }
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            List<String> other = state.devicesWith(vip.address().text()).stream().filter(d -> !d.equals(vip.dev()))
                    .toList();
            if (!other.isEmpty()) {
                problems.add(new Problem(Texts.of(needs.isDirector() ? "preflight.vip-as-real-server"
                        : "preflight.vip-as-director", vip.address().text(), String.join(", ", other)),
                        Texts.of("preflight.fix-vip", "ip addr del " + vip.address().text() + " dev " + other.get(0))));
            }
        }
        if (needs.gateway() != null && needs.gateway().strict()) {
            String want = needs.gateway().via().text();
            String now = state.gateways().get(needs.gateway().via().isIPv6() ? "6" : "4");
            if (now != null && !now.equals(want)) {
                // the script refuses too (exit 6), but before anything is asked
                problems.add(new Problem(Texts.of("preflight.nat-gateway", now),
                        Texts.of("preflight.fix-nat-gateway", "ip route replace default via " + want)));
            }
        }
        if (needs.isDirector() && !keptByKeepalived) {
            problems.addAll(foreignServices(runner, needs, state, plan));
        }
        return problems;
    }

    /** Services of this configuration already in IPVS while the script has not started: someone else made them. */
    private static List<Problem> foreignServices(Runner runner, HostNeeds needs, HostState state, Plan plan) {
        List<Problem> problems = new ArrayList<>();
        if (state.ipvsRules() == null) {
            return problems;
        }
        boolean started = runner.run(Command.of("test", "-e", needs.stateDir() + "/started")).succeeded();
        if (started) {
            return problems;
        }
        var have = SavedRules.parse(state.ipvsRules());
        for (Plan.Service service : plan.services()) {
            ServiceKey key = ServiceKey.of(service);
            if (have.containsKey(key.toString())) {
                problems.add(new Problem(Texts.of("preflight.foreign-service", key),
                        Texts.of("preflight.fix-foreign-service", String.join(" ", Ipvsadm.list()),
                                String.join(" ", Ipvsadm.deleteService(key)))));
            }
        }
        return problems;
    }
}
