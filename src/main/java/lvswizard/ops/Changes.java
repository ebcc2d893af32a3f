package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.text.Message;

/** What a role's start will change on this host, worked out from its needs and the host now: the confirmation's list. */
public final class Changes {
    private Changes() {
    }

    public static List<Message> ofStart(HostNeeds needs, HostState state, Plan plan) {
        return ofStart(needs, state, plan, true);
    }

    /** {@code scriptLoadsServices}: false when keepalived keeps the IPVS table (it says its own lines). */
    public static List<Message> ofStart(HostNeeds needs, HostState state, Plan plan, boolean scriptLoadsServices) {
        List<Message> changes = new ArrayList<>();
        needs.modules().stream().filter(m -> !state.modules().contains(m))
                .forEach(m -> changes.add(Texts.of("change.module", m)));
        for (HostNeeds.Setting s : needs.sysctls()) {
            String now = state.sysctls().get(s.path());
            if (!s.value().equals(now)) {
                changes.add(Texts.of("change.sysctl", s.key(), now, s.value(), s.label()));
            }
        }
        for (HostNeeds.Addr vip : needs.vips()) {
            if (!state.addresses().getOrDefault(vip.dev(), List.of()).contains(vip.address().cidr())) {
                changes.add(Texts.of("change.vip", vip.address().cidr(), vip.dev()));
            }
        }
        if (needs.gateway() != null) {
            String want = needs.gateway().via().text();
            String now = state.gateways().get(needs.gateway().via().isIPv6() ? "6" : "4");
            if (now == null) {
                changes.add(Texts.of("change.route", want));
            } else if (!now.equals(want) && !needs.gateway().strict()) {
                // said here because the configuration names another gateway: start leaves this one alone
                changes.add(Texts.of("change.keep-gateway", now, want));
            }
        }
        state.marks().forEach((mark, present) -> {
            if (!present) {
                changes.add(Texts.of("change.mark", mark.tool(), String.join(" ", mark.spec())));
            }
        });
        if (needs.isDirector() && scriptLoadsServices) {
            for (Plan.Service service : plan.services()) {
                int members = service.members().size();
                changes.add(Texts.of(members == 1 ? "change.service.one" : "change.service.many", service.text(),
                        service.spec().scheduler(), members));
            }
        }
        if (changes.isEmpty() && scriptLoadsServices) {
            changes.add(Texts.of("change.nothing"));
        }
        return changes;
    }
}
