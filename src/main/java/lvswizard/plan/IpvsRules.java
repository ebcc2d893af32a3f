package lvswizard.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lvswizard.model.Backend;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;

/** The ipvsadm arguments of a plan, every flag spelled out (ipvsadm's defaults differ from keepalived's). */
public final class IpvsRules {
    private IpvsRules() {
    }

    /** The words that name a service: -t 192.168.101.168:80, or -f 1 (-6 for IPv6). */
    public static List<String> serviceSelector(Plan.Service service) {
        VirtualService spec = service.spec();
        if (spec.hasFwmark()) {
            return service.vip().isIPv6() ? List.of("-f", spec.fwmark().toString(), "-6")
                    : List.of("-f", spec.fwmark().toString());
        }
        return List.of(spec.protocol().ipvsadmFlag(), service.vip().withPort(spec.port()));
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
        words.addAll(serviceSelector(service));
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
        words.addAll(serviceSelector(service));
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
