package lvswizard.plan;

import java.util.regex.Pattern;

/** The shapes of names that end up in file names, scripts and commands. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");
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
}
