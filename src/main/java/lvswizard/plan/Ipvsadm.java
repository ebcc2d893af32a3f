package lvswizard.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;

/**
 * Every ipvsadm command line the product builds, in one place (as lazygit keeps one argument
 * builder per tool): the rules of a plan with every flag spelled out (ipvsadm's defaults differ from
 * keepalived's), and the commands that read, save, restore, clear and edit the table.
 */
public final class Ipvsadm {
    public static final String TOOL = "ipvsadm";

    private Ipvsadm() {
    }

    /** ipvsadm -L -n: the table as ipvsadm lists it. */
    public static List<String> list() {
        return List.of(TOOL, "-L", "-n");
    }

    /** The table with the counters since the services were added, exact (no K/M rounding). */
    public static List<String> listStats() {
        return List.of(TOOL, "-L", "-n", "--stats", "--exact");
    }

    /** The table with the rates of the last seconds, exact. */
    public static List<String> listRate() {
        return List.of(TOOL, "-L", "-n", "--rate", "--exact");
    }

    /** ipvsadm -S -n: the table as rule lines ipvsadm -R reads back. */
    public static List<String> save() {
        return List.of(TOOL, "-S", "-n");
    }

    /** ipvsadm -R: the rule lines on its input become the table (added to what is there). */
    public static List<String> restore() {
        return List.of(TOOL, "-R");
    }

    /** ipvsadm -C: an empty table. */
    public static List<String> clear() {
        return List.of(TOOL, "-C");
    }

    /** ipvsadm -D: the service removed, with its real servers. */
    public static List<String> deleteService(ServiceKey service) {
        return words(List.of(TOOL, "-D"), service.arguments());
    }

    /** ipvsadm -d: one real server removed from its service. */
    public static List<String> deleteServer(ServiceKey service, String server) {
        return words(List.of(TOOL, "-d"), service.arguments(), List.of("-r", server));
    }

    /**
     * ipvsadm -e for a real server's rule line as ipvsadm -S wrote it (-a SERVICE -r SERVER ...),
     * every setting kept but the weight: editing rewrites the whole entry, so what is not given is
     * reset (the tunnel type, the thresholds).
     */
    public static List<String> editWeight(List<String> savedRule, int weight) {
        List<String> argv = new ArrayList<>(List.of(TOOL, "-e"));
        argv.addAll(savedRule.subList(1, savedRule.size()));
        int w = argv.indexOf("-w");
        if (w < 0) {
            argv.addAll(List.of("-w", Integer.toString(weight)));
        } else {
            argv.set(w + 1, Integer.toString(weight));
        }
        return List.copyOf(argv);
    }

    @SafeVarargs
    private static List<String> words(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    /** The lines of an ipvsadm -R file, in the order ipvsadm -S -n writes them. */
    public static List<String> restoreLines(Plan plan) {
        List<String> lines = new ArrayList<>();
        for (Plan.Service service : plan.services()) {
            lines.add(String.join(" ", addService(service)));
            for (Plan.Member member : service.members()) {
                lines.add(String.join(" ", addMember(service, member)));
            }
        }
        return lines;
    }

    static List<String> addService(Plan.Service service) {
        VirtualService spec = service.spec();
        List<String> words = new ArrayList<>(List.of("-A"));
        words.addAll(ServiceKey.of(service).arguments());
        words.addAll(List.of("-s", spec.scheduler().toString()));
        if (!spec.schedulerFlags().isEmpty()) {
            words.addAll(List.of("-b", spec.schedulerFlags().stream().map(Object::toString)
                    .collect(Collectors.joining(","))));
        }
        Persistence persistence = spec.persistence();
        if (persistence != null) {
            words.addAll(List.of("-p", persistence.timeout().toString()));
            if (persistence.netmask() != null) {
                words.addAll(List.of("-M", persistence.netmask()));
            }
        }
        return words;
    }

    static List<String> addMember(Plan.Service service, Plan.Member member) {
        Backend backend = member.backend();
        List<String> words = new ArrayList<>(List.of("-a"));
        words.addAll(ServiceKey.of(service).arguments());
        words.addAll(List.of("-r", member.host().address().withPort(member.port())));
        words.add(backend.forwarding().ipvsadmFlag());
        if (backend.forwarding() == Forwarding.TUN && backend.tunnelType() != TunnelType.IPIP) {
            words.addAll(List.of("--tun-type", backend.tunnelType().toString()));
            if (backend.tunnelType() == TunnelType.GUE) {
                words.addAll(List.of("--tun-port", backend.tunnelPort().toString()));
            }
        }
        words.addAll(List.of("-w", backend.weight().toString()));
        if (backend.upperThreshold() > 0 || backend.lowerThreshold() > 0) {
            words.addAll(List.of("-x", backend.upperThreshold().toString(), "-y", backend.lowerThreshold().toString()));
        }
        return words;
    }
}
