package lvswizard.ipvs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The ipvsadm listings Debian 12's ipvsadm printed on kernel 6.1 (src/test/vm/scenarios/listings.sh). */
public final class Fixtures {
    private Fixtures() {
    }

    public static String listing(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ipvsadm/" + name + ".txt")) {
            if (in == null) {
                throw new IOException("no fixture /ipvsadm/" + name + ".txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
