package lvswizard.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void chineseFromLangButEnglishOnTheLinuxConsole() {
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Language.ZH);
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8", "TERM", "linux"))).isEqualTo(Language.EN);
        assertThat(Language.fromEnvironment(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "zh_CN.UTF-8")))
                .isEqualTo(Language.EN);
        assertThat(Language.fromEnvironment(Map.of())).isEqualTo(Language.EN);
    }

    @Test
    void onlyEnAndZhAreKnown() {
        assertThat(Language.parse("ZH")).isEqualTo(Language.ZH);
        assertThatThrownBy(() -> Language.parse("fr")).hasMessage("--lang: \"fr\" is not known; expected en or zh");
    }

    @Test
    void everyEnglishStringHasAChineseTranslation() throws IOException {
        Properties en = load("en");
        Properties zh = load("zh");
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        for (Object key : en.keySet()) {
            assertThat(zh.getProperty((String) key)).as("zh " + key).isNotBlank()
                    .isNotEqualTo(en.getProperty((String) key).equals("VIP") ? null : en.getProperty((String) key));
        }
        assertThat(Messages.of(Language.ZH).get("button.next")).isEqualTo("下一步");
        assertThat(Messages.of(Language.EN).get("generate.copy", "out/copy-to-hosts.sh"))
                .isEqualTo("Copy each host's files (run from this machine; the same lines are in out/copy-to-hosts.sh):");
    }

    @Test
    void everyTranslationKeepsTheArgumentsOfItsEnglish() throws IOException {
        Properties en = load("en");
        Properties zh = load("zh");
        for (Object key : en.keySet()) {
            assertThat(placeholders(zh.getProperty((String) key))).as("placeholders of zh " + key)
                    .isEqualTo(placeholders(en.getProperty((String) key)));
        }
    }

    /** MessageFormat swallows a single apostrophe: "the director's" must be written "the director''s". */
    @Test
    void noTextLosesAnApostrophe() throws IOException {
        for (String language : new String[] {"en", "zh"}) {
            Properties texts = load(language);
            for (Object key : texts.keySet()) {
                assertThat(texts.getProperty((String) key)).as(language + " " + key).doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    private static java.util.Set<String> placeholders(String pattern) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+\\}").matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguageTest.class.getResourceAsStream("/lvswizard/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
