package lvswizard.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes of names that end up in file names, scripts and commands. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
    /** A name that ends in a number (lb1, lvs-01): the next name counts on from it. */
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private Names() {
    }

    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** Interface names as Linux takes them; alias labels like eth0:0 included, "." and ".." not. */
    public static boolean isInterface(String text) {
        return text != null && INTERFACE.matcher(text).matches() && !text.equals(".") && !text.equals("..")
                && !text.startsWith(":") && !text.startsWith("-");
    }

    /** The device an alias label belongs to: eth0:0 → eth0. */
    public static String baseDevice(String iface) {
        int colon = iface.indexOf(':');
        return colon < 0 ? iface : iface.substring(0, colon);
    }

    public static boolean isHostname(String text) {
        return text != null && HOSTNAME.matcher(text).matches();
    }

    /**
     * The name counted on from {@code name}, never {@code name} itself: lb1 gives lb2, lvs-01 lvs-02,
     * director director2 (a name that does not end in a number gets a 2).
     */
    public static String next(String name) {
        Matcher numbered = NUMBERED.matcher(name);
        if (!numbered.matches() || numbered.group(2).length() > 9) {
            return name + "2";
        }
        String next = String.valueOf(Long.parseLong(numbered.group(2)) + 1);
        String padding = "0".repeat(Math.max(0, numbered.group(2).length() - next.length()));
        return numbered.group(1) + padding + next;
    }
}
