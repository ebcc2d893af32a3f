package lvswizard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every lint rule has a source in the corpus that fires it, and its reason in English and Chinese. */
class LintRuleCasesTest {
    static final Map<LintRule, List<String>> CASES = Map.ofEntries(
            Map.entry(LintRule.ARP_FIX_MISSING, List.of("realserver-careless.sh")),
            Map.entry(LintRule.ARP_FIX_LATE, List.of("realserver-late.sh")),
            Map.entry(LintRule.RS_VIP_NETMASK, List.of("realserver-careless.sh")),
            Map.entry(LintRule.NON_BREAKING_SPACE, List.of("seed-director.sh")),
            Map.entry(LintRule.VIP_BROADCAST, List.of("seed-director.sh")),
            Map.entry(LintRule.FLUSHES_FIREWALL, List.of("seed-director.sh")),
            Map.entry(LintRule.CLEARS_TABLE, List.of("seed-director.sh")),
            Map.entry(LintRule.MARK_RULE_MISSING, List.of("director-fwmark.sh")),
            Map.entry(LintRule.DEPRECATED_KEYWORD, List.of("keepalived-old-keywords.conf")),
            Map.entry(LintRule.VRID_CLASH, List.of("keepalived-include.conf")),
            Map.entry(LintRule.VRRP_STRICT, List.of("keepalived-defaults.conf")),
            Map.entry(LintRule.IPVSADM_REFUSES, List.of("ipvsadm-refused.rules")),
            Map.entry(LintRule.REAL_SERVER_TWICE, List.of("keepalived-twice.conf")));

    @Test
    void everyRuleHasACaseThatFiresIt() throws Exception {
        assertThat(CASES.keySet()).containsExactlyInAnyOrder(LintRule.values());
        for (Map.Entry<LintRule, List<String>> entry : CASES.entrySet()) {
            Importer.Result result = ImportCorpusTest.importing(entry.getValue().toArray(String[]::new));
            assertThat(result.findings()).as(entry.getKey().id()).extracting(SourceFinding::rule)
                    .contains(entry.getKey());
        }
    }

    @Test
    void everyRuleSaysWhyInBothLanguages() throws Exception {
        for (String language : List.of("en", "zh")) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/lvswizard/imports/texts_" + language + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (LintRule rule : LintRule.values()) {
                assertThat(texts.getProperty("lint.why." + rule.id())).as(language + " " + rule.id()).isNotBlank();
            }
        }
    }

    @Test
    void theSameSourcesWithoutTheMistakesAreClean() throws Exception {
        // a saved table and an ldirectord.cf that make none of the mistakes: lint has nothing to say of their lines
        assertThat(ImportCorpusTest.importing("ipvsadm.rules").findings()).isEmpty();
        assertThat(ImportCorpusTest.importing("ldirectord.cf").findings()).isEmpty();
    }
}
