package lvswizard.imports;

import static lvswizard.validation.Severity.ERROR;
import static lvswizard.validation.Severity.WARNING;

import java.util.Locale;
import lvswizard.validation.Severity;

/**
 * What a source shows that its configuration cannot: the mistakes of hand-made LVS setups that
 * only the source's own lines reveal (the order of a real server's steps, a flushed firewall, a
 * keepalived keyword). The rest of lint is the validator's catalogue over the imported
 * configuration. Each rule's reason is lint.why.ID in the texts bundles.
 */
public enum LintRule {
    ARP_FIX_MISSING("arp-fix-missing", ERROR),
    ARP_FIX_LATE("arp-fix-late", WARNING),
    RS_VIP_NETMASK("rs-vip-netmask", ERROR),
    NON_BREAKING_SPACE("non-breaking-space", ERROR),
    VIP_BROADCAST("vip-broadcast", WARNING),
    FLUSHES_FIREWALL("flushes-firewall", WARNING),
    CLEARS_TABLE("clears-table", WARNING),
    MARK_RULE_MISSING("mark-rule-missing", ERROR),
    DEPRECATED_KEYWORD("deprecated-keyword", WARNING),
    VRID_CLASH("vrid-clash", ERROR),
    VRRP_STRICT("vrrp-strict", ERROR),
    IPVSADM_REFUSES("ipvsadm-refuses", ERROR),
    REAL_SERVER_TWICE("real-server-twice", WARNING);

    private final String id;
    private final Severity severity;

    LintRule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Why it matters, in {@code locale}'s language. */
    public String why(Locale locale) {
        return Texts.of("lint.why." + id).format(locale);
    }
}
