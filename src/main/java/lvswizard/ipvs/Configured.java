package lvswizard.ipvs;

import java.util.List;
import java.util.Map;

/**
 * What the configuration says of the table the monitor shows, in ipvsadm's spellings: each real
 * server's name by address:port ("10.10.10.11:80" to "rs1"), and for each service that keepalived
 * checks (by its listing key, "TCP 192.168.101.168:80") the members it keeps in the table while
 * their checks pass, and its sorry server's address:port.
 */
public record Configured(Map<String, String> names, Map<String, List<String>> checkedMembers,
                         Map<String, String> sorryServers) {
    public static final Configured NOTHING = new Configured(Map.of(), Map.of(), Map.of());

    /** Names only: no service is checked. */
    public static Configured named(Map<String, String> names) {
        return new Configured(names, Map.of(), Map.of());
    }

    String name(String address) {
        return names.getOrDefault(address, "");
    }
}
