package lvswizard.ops;

import lvswizard.plan.HostNeeds;
import lvswizard.text.Message;

/**
 * Fixes that depend on why something cannot be done on this host, worked out from what the host
 * state shows (who runs, whether ipvsadm is there, whether the kernel can load IPVS): one place, so
 * that the preflight and the doctor give the same advice, and never "run as root" to root.
 */
final class Advice {
    static final Message USE_ROOT = Texts.of("advice.use-root");
    static final Message INSTALL_IPVSADM = Texts.of("advice.install-ipvsadm", "apt-get install ipvsadm",
            "yum install ipvsadm");

    private Advice() {
    }

    /** The fix for a module modprobe cannot load: the kernel was built without it (a scheduler: without IPVS?). */
    static Message kernelLacks(String module, HostState state) {
        if (module.equals("ip_vs") || module.startsWith("ip_vs_") && !state.available("ip_vs")) {
            return Texts.of("advice.kernel-lacks-ipvs", HostNeeds.kernelOption("ip_vs"));
        }
        if (module.startsWith("ip_vs_")) {
            return Texts.of("advice.kernel-lacks-scheduler", module.substring("ip_vs_".length()),
                    HostNeeds.kernelOption(module));
        }
        return Texts.of("advice.kernel-lacks", module, HostNeeds.kernelOption(module));
    }

    /** Why a director's IPVS table cannot be read, and the fix: the first cause that applies. */
    static Cause ipvsUnreadable(HostState state, String script) {
        if (state.ipvsadmMissing()) {
            return new Cause(Texts.of("advice.no-ipvsadm"), INSTALL_IPVSADM);
        }
        if (!state.root()) {
            return new Cause(Texts.of("advice.not-root", state.uid()), USE_ROOT);
        }
        if (!state.available("ip_vs")) {
            return new Cause(Texts.of("advice.no-ipvs", state.ipvsProblem()), kernelLacks("ip_vs", state));
        }
        if (!state.modules().contains("ip_vs")) {
            return new Cause(Texts.of("advice.ipvs-not-loaded", state.ipvsProblem()),
                    Texts.of("or-start", "modprobe ip_vs", script));
        }
        return new Cause(Texts.of("command", state.ipvsProblem()), Texts.of("advice.see", "ipvsadm -S -n"));
    }

    /** What stands in the way, and what to do about it. */
    record Cause(Message found, Message fix) {
    }
}
