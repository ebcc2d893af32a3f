package lvswizard.wizard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.RealServer;
import lvswizard.model.VirtualService;

/**
 * The rows of the real server table: every defined real server, then every name the services use
 * without a definition (a hand-edited file, a name missing), so that those members can be seen,
 * completed or removed rather than hidden.
 */
public final class Roster {
    private Roster() {
    }

    /**
     * One row.
     *
     * @param name the real server's name (null when a member names none)
     * @param host its index in the configuration's realServers, or -1 when it is only named by members
     */
    public record Row(String name, int host) {
        public boolean defined() {
            return host >= 0;
        }
    }

    public static List<Row> rows(Cluster c) {
        List<Row> rows = new ArrayList<>();
        Set<String> defined = new LinkedHashSet<>();
        for (int i = 0; i < c.realServers().size(); i++) {
            String name = c.realServers().get(i).name();
            rows.add(new Row(name, i));
            defined.add(name);
        }
        Set<String> undefined = new LinkedHashSet<>();
        boolean nameless = false;
        for (VirtualService service : c.services()) {
            for (Backend backend : service.backends()) {
                if (backend.realServer() == null) {
                    nameless |= !defined.contains(null);
                } else if (!defined.contains(backend.realServer())) {
                    undefined.add(backend.realServer());
                }
            }
        }
        undefined.forEach(name -> rows.add(new Row(name, -1)));
        if (nameless) {
            rows.add(new Row(null, -1));
        }
        return rows;
    }

    /** The row whose name a member (backend) uses; -1 when none (cannot happen for rows(c)'s own cluster). */
    public static int rowOf(Cluster c, String name) {
        List<Row> rows = rows(c);
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(rows.get(i).name(), name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first backend of service {@code service} for the real server named {@code name}, or -1. */
    public static int backendIndex(Cluster c, int service, String name) {
        if (service < 0 || service >= c.services().size()) {
            return -1;
        }
        List<Backend> backends = c.services().get(service).backends();
        for (int i = 0; i < backends.size(); i++) {
            if (Objects.equals(backends.get(i).realServer(), name)) {
                return i;
            }
        }
        return -1;
    }

    /** The definition of row {@code row}, or null when the row is only named by members. */
    public static RealServer host(Cluster c, int row) {
        List<Row> rows = rows(c);
        if (row < 0 || row >= rows.size() || !rows.get(row).defined()) {
            return null;
        }
        return c.realServers().get(rows.get(row).host());
    }
}
