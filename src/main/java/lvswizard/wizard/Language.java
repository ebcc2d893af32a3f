package lvswizard.wizard;

import java.util.Locale;
import java.util.Map;

/** The languages of the wizard, and the default choice from the environment. */
public enum Language {
    EN(Locale.ENGLISH), ZH(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** en or zh; anything else is refused with the choices named. */
    public static Language parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "en" -> EN;
            case "zh", "zh_cn", "zh-cn" -> ZH;
            default -> throw new IllegalArgumentException("--lang: \"" + text + "\" is not known; expected en or zh");
        };
    }

    /**
     * Chinese when LC_ALL, LC_MESSAGES or LANG (the first one set) asks for zh, except on the Linux
     * text console (TERM=linux), which cannot draw CJK characters.
     */
    public static Language fromEnvironment(Map<String, String> env) {
        if ("linux".equals(env.get("TERM"))) {
            return EN;
        }
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
            }
        }
        return EN;
    }
}
