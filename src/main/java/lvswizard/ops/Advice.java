package lvswizard.ops;

import lvswizard.render.HostNeeds;

/**
 * Fixes that depend on why something cannot be done on this host, worked out from what the host
 * state shows (who runs, whether ipvsadm is there, whether the kernel can load IPVS): one place, so
 * that the preflight and the doctor give the same advice, and never "run as root" to root.
 */
final class Advice {
    private Advice() {
    }

    /** The fix for a module modprobe cannot load: the kernel was built without it (a scheduler: without IPVS?). */
    static String kernelLacks(String module, HostState state) {
        if (module.equals("ip_vs") || module.startsWith("ip_vs_") && !state.available("ip_vs")) {
            return "this kernel lacks IPVS (" + HostNeeds.kernelOption("ip_vs") + "): use a kernel built with IPVS and"
                    + " its schedulers (as modules or built in)";
        }
        if (module.startsWith("ip_vs_")) {
            return "this kernel lacks the " + module.substring("ip_vs_".length()) + " scheduler ("
                    + HostNeeds.kernelOption(module) + "): use a kernel built with it, or another scheduler";
        }
        return "this kernel lacks " + module + " (" + HostNeeds.kernelOption(module) + "): use a kernel built with it";
    }

    /** Why a director's IPVS table cannot be read, and the fix: the first cause that applies. */
    static Cause ipvsUnreadable(HostState state, String start) {
        if (state.ipvsadmMissing()) {
            return new Cause("ipvsadm is not installed", "apt-get install ipvsadm (or yum install ipvsadm)");
        }
        if (!state.root()) {
            return new Cause("only root can read it (running as uid " + state.uid() + ")",
                    "run it with sudo, or as root");
        }
        if (!state.available("ip_vs")) {
            return new Cause("this kernel has no IPVS (" + state.ipvsProblem() + ")", kernelLacks("ip_vs", state));
        }
        if (!state.modules().contains("ip_vs")) {
            return new Cause("IPVS is not loaded (" + state.ipvsProblem() + ")", "modprobe ip_vs, or " + start);
        }
        return new Cause(state.ipvsProblem(), "see ipvsadm -S -n");
    }

    /** What stands in the way, and what to do about it. */
    record Cause(String found, String fix) {
    }
}
