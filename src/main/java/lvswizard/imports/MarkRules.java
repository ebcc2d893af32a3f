package lvswizard.imports;

import java.util.List;
import lvswizard.imports.Assembly.ServiceDraft;

/**
 * A firewall-mark service needs MARK rules that put its mark on the VIP's packets; a director's
 * script or this host that has the service without them balances nothing. A saved table or a
 * keepalived.conf never holds MARK rules, so there the VIP is only missing.
 */
final class MarkRules {
    private MarkRules() {
    }

    static void check(List<String> sources, Assembly assembly) {
        boolean rulesCouldBeThere = assembly.sawFirewall();
        for (ServiceDraft service : assembly.services().values()) {
            if (service.key.isFwmark() && !assembly.marks().containsKey(Long.parseLong(service.key.address()))
                    && rulesCouldBeThere) {
                assembly.at(String.join(", ", sources), 0);
                assembly.finding(LintRule.MARK_RULE_MISSING, "lint.mark-rule-missing", service.key.address());
            }
        }
    }
}
