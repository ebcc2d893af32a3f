package lvswizard.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lvswizard.ipvs.Configured;
import lvswizard.model.CheckKind;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.validation.Validator;
import lvswizard.plan.ServiceKey;

/**
 * The configuration's real servers in ipvsadm's terms: by "service key -> address:port"
 * ("TCP 192.168.101.168:80 -> 10.10.10.11:80"), for the monitor's names and the weights it restores.
 * A configuration with errors yields nothing (its addresses cannot be trusted).
 */
public final class ConfiguredServers {
    private ConfiguredServers() {
    }

    /** Real server names by the address:port ipvsadm lists them under ("10.10.10.11:80" to "rs1"). */
    public static Map<String, String> names(Cluster cluster) {
        return names(plan(cluster).orElse(null));
    }

    /** The same from the configuration's plan (null for none, or one with errors): validated once by the caller. */
    public static Map<String, String> names(Plan valid) {
        Map<String, String> names = new HashMap<>();
        Optional.ofNullable(valid).ifPresent(plan -> plan.services().forEach(service -> service.members().forEach(member ->
                names.put(member.host().address().withPort(member.port()), member.host().server().name()))));
        return names;
    }

    /**
     * The monitor's view of the configuration: the names, and when keepalived keeps the table, what
     * it checks (without keepalived nothing checks, and a server out of the table was taken out by hand).
     */
    public static Configured of(Cluster cluster, boolean keepalivedKeepsTable) {
        return of(plan(cluster).orElse(null), keepalivedKeepsTable);
    }

    /** The same from the configuration's plan (null for none, or one with errors). */
    public static Configured of(Plan valid, boolean keepalivedKeepsTable) {
        if (!keepalivedKeepsTable) {
            return Configured.named(names(valid));
        }
        Map<String, List<String>> checked = new HashMap<>();
        Map<String, String> sorry = new HashMap<>();
        Optional.ofNullable(valid).ifPresent(plan -> plan.services().forEach(service -> {
            VirtualService spec = service.spec();
            if (spec.healthCheck() == null || spec.healthCheck().kind() == CheckKind.NONE) {
                return;
            }
            String key = serviceKey(service);
            checked.put(key, service.members().stream().map(m -> m.host().address().withPort(m.port())).toList());
            if (spec.sorryServer() != null) {
                sorry.put(key, IpAddr.parse(spec.sorryServer().address()).withPort(spec.sorryServerPort()));
            }
        }));
        return new Configured(names(valid), checked, sorry);
    }

    /** Configured weights by "service key -> address:port". */
    public static Map<String, Integer> weights(Cluster cluster) {
        return weights(plan(cluster).orElse(null));
    }

    /** The same from the configuration's plan (null for none, or one with errors). */
    public static Map<String, Integer> weights(Plan valid) {
        Map<String, Integer> weights = new HashMap<>();
        Optional.ofNullable(valid).ifPresent(plan -> plan.services().forEach(service -> service.members().forEach(member ->
                weights.put(serviceKey(service) + " -> " + member.host().address().withPort(member.port()),
                        member.backend().weight()))));
        return weights;
    }

    /** How ipvsadm -L -n names the service: "TCP 192.168.101.168:80", "FWM 1", "FWM 1 IPv6". */
    public static String serviceKey(Plan.Service service) {
        return ServiceKey.of(service).listing();
    }

    private static Optional<Plan> plan(Cluster cluster) {
        return cluster == null ? Optional.empty() : Optional.ofNullable(Validator.check(cluster).plan());
    }
}
