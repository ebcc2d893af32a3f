package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import lvswizard.render.HostNeeds;
import lvswizard.render.Plan;

/** What a role's start will change on this host, worked out from its needs and the host now: the confirmation's list. */
public final class Changes {
    private Changes() {
    }

    public static List<String> ofStart(HostNeeds needs, HostState state, Plan plan) {
        List<String> changes = new ArrayList<>();
        needs.modules().stream().filter(m -> !state.modules().contains(m))
                .forEach(m -> changes.add("load the kernel module " + m));
        for (HostNeeds.Setting s : needs.sysctls()) {
            String now = state.sysctls().get(s.path());
            if (!s.value().equals(now)) {
                changes.add("set " + s.key() + " from " + now + " to " + s.value() + " (" + s.label() + ")");
            }
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            if (!state.addresses().getOrDefault(vip.dev(), List.of()).contains(vip.address().cidr())) {
                changes.add("add the VIP " + vip.address().cidr() + " to " + vip.dev());
            }
        }
        if (needs.gateway() != null) {
            String want = needs.gateway().via().text();
            String now = state.gateways().get(needs.gateway().via().isIPv6() ? "6" : "4");
            if (now == null) {
                changes.add("add the default route via " + want);
            } else if (!now.equals(want) && !needs.gateway().strict()) {
                // said here because the configuration names another gateway: start leaves this one alone
                changes.add("keep the default gateway " + now + " (configured: " + want
                        + "; start adds one only where there is none)");
            }
        }
        state.marks().forEach((mark, present) -> {
            if (!present) {
                changes.add("add the " + mark.tool() + " mangle rule: " + String.join(" ", mark.spec()));
            }
        });
        if (needs.isDirector()) {
            for (Plan.Service service : plan.services()) {
                changes.add("load the IPVS service " + service.label() + " (" + service.spec().scheduler() + ", "
                        + service.members().size() + " real server" + (service.members().size() == 1 ? "" : "s")
                        + ") with one ipvsadm -R");
            }
        }
        if (changes.isEmpty()) {
            changes.add("nothing: everything is already in place");
        }
        return changes;
    }
}
