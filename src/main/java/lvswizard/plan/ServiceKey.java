package lvswizard.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lvswizard.model.Protocol;

/**
 * One IPVS service's name, whichever way a tool spells it: ipvsadm's listing says
 * "TCP 192.168.101.168:80", "FWM 7" or "FWM 7 IPv6"; its arguments say -t 192.168.101.168:80,
 * -f 7 or -f 7 -6. Everything that names a service (the rules, the preflight, the doctor, the
 * monitor, a weight edit) goes through this value, so that the spellings cannot drift apart.
 *
 * @param protocol the protocol, or null for a firewall-mark service
 * @param address  host:port as ipvsadm writes it ([v6]:port), or the mark
 * @param ipv6     for a firewall-mark service: whether it is the IPv6 one (-6)
 */
public record ServiceKey(Protocol protocol, String address, boolean ipv6) {
    private static final String FWM = "FWM";

    public static ServiceKey of(Plan.Service service) {
        if (service.spec().hasFwmark()) {
            return new ServiceKey(null, service.spec().fwmark().toString(), service.vip().isIPv6());
        }
        return new ServiceKey(service.spec().protocol(), service.vip().withPort(service.spec().port()), false);
    }

    public boolean isFwmark() {
        return protocol == null;
    }

    /** ipvsadm -L's words: "TCP 192.168.101.168:80", "FWM 7", "FWM 7 IPv6". */
    public String listing() {
        return isFwmark() ? FWM + " " + address + (ipv6 ? " IPv6" : "")
                : protocol.toString().toUpperCase(Locale.ROOT) + " " + address;
    }

    /** ipvsadm's arguments: [-t, 192.168.101.168:80], [-f, 7], [-f, 7, -6]. */
    public List<String> arguments() {
        if (isFwmark()) {
            return ipv6 ? List.of("-f", address, "-6") : List.of("-f", address);
        }
        return List.of(protocol.ipvsadmFlag(), address);
    }

    /** The key from ipvsadm -L's words; empty when they name no service. */
    public static Optional<ServiceKey> fromListing(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length >= 2 && parts[0].equals(FWM)) {
            return Optional.of(new ServiceKey(null, parts[1], parts.length == 3 && parts[2].equals("IPv6")));
        }
        if (parts.length == 2) {
            for (Protocol protocol : Protocol.values()) {
                if (protocol.toString().toUpperCase(Locale.ROOT).equals(parts[0])) {
                    return Optional.of(new ServiceKey(protocol, parts[1], false));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The key that ipvsadm arguments start with at {@code from} (-t ADDR, -f MARK [-6]), with how
     * many words it took; empty when they do not start with a service.
     */
    public static Optional<Parsed> fromArguments(List<String> words, int from) {
        if (words.size() < from + 2) {
            return Optional.empty();
        }
        String flag = words.get(from);
        String value = words.get(from + 1);
        if (flag.equals("-f") || flag.equals("--fwmark-service")) {
            boolean six = words.size() > from + 2 && words.get(from + 2).equals("-6");
            return Optional.of(new Parsed(new ServiceKey(null, value, six), six ? 3 : 2));
        }
        for (Protocol protocol : Protocol.values()) {
            if (protocol.ipvsadmFlag().equals(flag)) {
                return Optional.of(new Parsed(new ServiceKey(protocol, value, false), 2));
            }
        }
        return Optional.empty();
    }

    /** A key found in a list of arguments, and the number of words it spans. */
    public record Parsed(ServiceKey key, int words) {
    }

    /** The arguments' spelling, as a rule line or an error message shows it: "-t 192.168.101.168:80". */
    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
