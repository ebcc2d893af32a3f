package lvswizard.wizard;

import java.util.Locale;
import lvswizard.ansible.AnsibleExport;
import lvswizard.lab.LabExport;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.ScriptsExport;

/**
 * Every output the product can write, one line each: generate --format takes these names, the
 * wizard's Generate step offers them, and a new output is one more line here.
 */
public enum Format {
    SCRIPTS(new ScriptsExport(), IpvsOwner.SCRIPT),
    KEEPALIVED(new KeepalivedExport(), IpvsOwner.KEEPALIVED),
    LAB(new LabExport(), IpvsOwner.SCRIPT),
    /** Not run on a host: the playbook's directors are run by their scripts or keepalived, as the plan asks. */
    ANSIBLE(new AnsibleExport(), IpvsOwner.SCRIPT);

    private final Export export;
    private final IpvsOwner ipvsOwner;

    Format(Export export, IpvsOwner ipvsOwner) {
        this.export = export;
        this.ipvsOwner = ipvsOwner;
    }

    /** Who keeps the director's IPVS table with this output: its script or keepalived. */
    public IpvsOwner ipvsOwner() {
        return ipvsOwner;
    }

    /** Whether a service's health check, sorry server and quorum reach the files (keepalived.conf). */
    public boolean writesHealthChecks() {
        return this == KEEPALIVED || this == ANSIBLE;
    }

    public Export export() {
        return export;
    }

    /** The name on the command line and in the wizard: scripts, keepalived, lab, ansible. */
    @Override
    public String toString() {
        return export.id();
    }

    /** Why this format cannot write the plan with these network tools (one line, English), or null when it can. */
    public String refusal(Plan plan, Flavour flavour) {
        return export.refusal(plan, flavour);
    }

    public static Format parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
