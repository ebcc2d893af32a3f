package lvswizard.render;

import java.util.List;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;

/**
 * Alias labels (eth0:1) must fit in IFNAMSIZ: past 15 characters ifconfig acts on the device
 * itself (replacing the NIC's own address, taking the link down on stop) and the kernel cuts a
 * label short onto another VIP's. A plan whose labels cannot fit is refused before anything is written.
 */
public final class AliasLabels {
    /** The kernel's IFNAMSIZ less its terminating NUL. */
    public static final int MAX = 15;

    private AliasLabels() {
    }

    /** Why these labels cannot be written (one line, English), or null when every one fits. */
    public static String refusal(Plan plan, Flavour flavour) {
        boolean netTools = flavour == Flavour.NET_TOOLS;
        for (HostNeeds director : HostNeeds.directors(plan)) {
            String refusal = refusal(director, ScriptViews.directorLabels(plan, director, netTools), flavour);
            if (refusal != null) {
                return refusal;
            }
        }
        for (Plan.Host host : plan.hosts()) {
            HostNeeds needs = HostNeeds.realServer(plan, host);
            String refusal = refusal(needs, ScriptViews.realServerLabels(plan, needs, netTools), flavour);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static String refusal(HostNeeds needs, List<String> labels, Flavour flavour) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label.length() > MAX) {
                HostNeeds.Addr vip = needs.vips().get(i);
                return needs.name() + ": VIP " + vip.address().text() + " needs the alias label " + label + ", "
                        + label.length() + " characters; a label holds at most " + MAX + " (IFNAMSIZ), and a longer"
                        + " one acts on " + vip.dev() + " itself"
                        + (flavour == Flavour.NET_TOOLS ? "; use --flavour iproute2, which needs no labels"
                        : "; write the VIP interface without a label");
            }
        }
        return null;
    }
}
