package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.Command;
import lvswizard.exec.Runner;
import lvswizard.render.HostNeeds;
import lvswizard.render.IpvsRules;
import lvswizard.render.Plan;

/**
 * What must hold before a role's script may start here: root, ipvsadm, IPVS in the kernel, the
 * interfaces, the VIP not held the other role's way, no foreign IPVS service in the way. Read-only:
 * every command it runs only looks.
 */
public final class Preflight {
    /** A failed condition: what is wrong and the fix. */
    public record Problem(String what, String fix) {
        public String toLine() {
            return what + "; fix: " + fix;
        }
    }

    private Preflight() {
    }

    /** The problems found (empty: ready to start). {@code state} is this host now. */
    public static List<Problem> check(Runner runner, HostNeeds needs, HostState state, Plan plan) {
        List<Problem> problems = new ArrayList<>();
        if (!state.root()) {
            problems.add(new Problem("not running as root (uid " + state.uid() + ")", "run it with sudo, or as root"));
        }
        if (state.ipvsadmMissing()) {
            problems.add(new Problem("ipvsadm is not installed", "apt-get install ipvsadm (or yum install ipvsadm)"));
        }
        for (String module : needs.modules()) {
            if (!state.available(module)) {
                problems.add(new Problem("kernel module " + module + " is neither loaded nor loadable",
                        Advice.kernelLacks(module, state)));
            }
        }
        for (String dev : needs.devices()) {
            if (!needs.tunnelDevices().contains(dev) && !state.addresses().containsKey(dev)) {
                problems.add(new Problem("interface " + dev + " does not exist here (have: "
                        + String.join(", ", state.addresses().keySet()) + ")",
                        "correct the interface in the configuration, or run this role on the right host"));
            }
        }
        for (HostNeeds.Addr own : needs.ownAddresses()) {
            if (!state.addresses().getOrDefault(own.dev(), List.of()).contains(own.address().cidr())) {
                problems.add(new Problem("the " + own.what() + " " + own.address().cidr() + " is not on " + own.dev(),
                        "configure this host's own address first (ip addr add " + own.address().cidr() + " dev "
                                + own.dev() + "), or pick the role of this host"));
            }
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            List<String> other = state.devicesWith(vip.address().text()).stream().filter(d -> !d.equals(vip.dev()))
                    .toList();
            if (!other.isEmpty()) {
                problems.add(new Problem("the VIP " + vip.address().text() + " is already on " + String.join(", ", other)
                        + (needs.isDirector() ? ": this host is set up as a real server" : ": this host holds it "
                        + "as a director would"), "stop the other role here first (its script's stop), "
                        + "or remove it: ip addr del " + vip.address().text() + " dev " + other.get(0)));
            }
        }
        if (needs.gateway() != null && needs.gateway().strict()) {
            String want = needs.gateway().via().text();
            String now = state.gateways().get(needs.gateway().via().isIPv6() ? "6" : "4");
            if (now != null && !now.equals(want)) {
                // the script refuses too (exit 6), but before anything is asked
                problems.add(new Problem("the default gateway is " + now + ", but NAT replies must go back through"
                        + " the director", "ip route replace default via " + want + " (the DIP)"));
            }
        }
        if (needs.isDirector()) {
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
            String key = String.join(" ", IpvsRules.serviceSelector(service));
            if (have.containsKey(key)) {
                problems.add(new Problem("IPVS already has the service " + key + ", which lvs-wizard did not create",
                        "inspect it (ipvsadm -L -n) and delete it (ipvsadm -D " + key + ")"));
            }
        }
        return problems;
    }
}
