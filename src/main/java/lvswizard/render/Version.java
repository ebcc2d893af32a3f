package lvswizard.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, as Maven wrote it into version.properties. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    public static String generator() {
        return "lvs-wizard " + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
