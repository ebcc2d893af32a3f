package lvswizard.render;

import java.util.List;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;

/** The init scripts and systemd units of every host, ipvsadm.rules, copy-to-hosts.sh and README.txt. */
public final class ScriptsExport implements Export {
    @Override
    public String id() {
        return "scripts";
    }

    /** A static director holds its VIPs itself: one director only. */
    @Override
    public String refusal(Plan plan, Flavour flavour) {
        return plan.pair() != null ? "--format " + id() + " cannot write a pair of directors (failover):"
                + " keepalived moves the VIPs between them; use --format keepalived"
                : Export.super.refusal(plan, flavour);
    }

    @Override
    public List<RenderedFile> files(Plan plan, Options options) {
        return new Renderer(options.templates()).render(plan, options.flavour());
    }

    @Override
    public List<RenderedFile> filesOnDemand(Plan plan, Options options) {
        return new Renderer(options.templates()).renderOnDemand(plan, options.flavour(), IpvsOwner.SCRIPT);
    }
}
