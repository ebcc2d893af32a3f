package lvswizard.wizard;

import lvswizard.model.Cluster;

/** Configuration paths of a scope's fields: services[0].vip, services[0].backends[1].weight, ... */
final class Paths {
    private Paths() {
    }

    /** The full path of {@code suffix} in {@code scope} at {@code at}; null where that instance does not exist. */
    static String of(Cluster c, Scope scope, At at, String suffix) {
        String prefix = switch (scope) {
            case DRAFT -> null;
            case CLUSTER -> "";
            case SERVICE, CHECK -> "services[" + at.service() + "].";
            case DIRECTOR -> "director.";
            case FAILOVER -> "failover.";
            case REAL_SERVER -> {
                Roster.Row row = row(c, at);
                yield row == null || !row.defined() ? null : "realServers[" + row.host() + "].";
            }
            case MEMBER -> {
                Roster.Row row = row(c, at);
                int backend = row == null ? -1 : Roster.backendIndex(c, at.service(), row.name());
                yield backend < 0 ? null : "services[" + at.service() + "].backends[" + backend + "].";
            }
        };
        return prefix == null ? null : prefix + suffix;
    }

    private static Roster.Row row(Cluster c, At at) {
        var rows = Roster.rows(c);
        return at.row() < 0 || at.row() >= rows.size() ? null : rows.get(at.row());
    }
}
