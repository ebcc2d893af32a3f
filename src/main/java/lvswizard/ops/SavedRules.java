package lvswizard.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import lvswizard.plan.ServiceKey;

/**
 * IPVS rules in {@code ipvsadm -S -n} / {@code -R} form, read into comparable entries: the same
 * rules written two ways (ours, and what the kernel gives back) compare equal. ipvsadm -S leaves
 * out what is default (a full persistence netmask) and adds what is implicit (--tun-type ipip), and
 * it never saves thresholds (-x/-y), so those are not compared.
 */
public final class SavedRules {
    /**
     * A service, or a real server of it ({@code server} its address:port; null for the service).
     * {@link #key()} spells it as ipvsadm's arguments do: "-t 192.168.101.168:80", "-t ... -r 10.10.10.11:80".
     */
    public record Entry(ServiceKey service, String server, Map<String, String> options) {
        public String key() {
            return server == null ? service.toString() : service + " -r " + server;
        }

        public boolean isService() {
            return server == null;
        }

        /** The options as ipvsadm words, for messages: "-s wlc -p 600". */
        public String describe() {
            List<String> words = new ArrayList<>();
            if (options.containsKey("forward")) {
                words.add(options.get("forward"));
            }
            options.forEach((flag, value) -> {
                if (flag.equals("forward")) {
                    return;
                }
                words.add(flag);
                if (!value.isEmpty()) {
                    words.add(value);
                }
            });
            return String.join(" ", words);
        }
    }

    private static final Set<String> VALUELESS = Set.of("-g", "-m", "-i", "-6", "--tun-nocsum", "--tun-csum",
            "--tun-remcsum");
    private static final Set<String> FORWARDING = Set.of("-g", "-m", "-i");
    private static final Set<String> NOT_COMPARED = Set.of("-x", "-y", "--u-threshold", "--l-threshold");

    private SavedRules() {
    }

    /** Entries by key, in the order of the text; lines that are not -A or -a are ignored. */
    public static Map<String, Entry> parse(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length < 3 || !(w[0].equals("-A") || w[0].equals("-a"))) {
                continue;
            }
            List<String> words = List.of(w);
            Optional<ServiceKey.Parsed> parsed = ServiceKey.fromArguments(words, 1);
            if (parsed.isEmpty()) {
                continue;
            }
            ServiceKey service = parsed.get().key();
            String server = null;
            Map<String, String> options = new TreeMap<>();
            for (int i = 1 + parsed.get().words(); i < w.length; i++) {
                String flag = w[i];
                if (flag.equals("-6") && service.isFwmark()) {
                    // ipvsadm may write the family after other options
                    service = new ServiceKey(null, service.address(), true);
                } else if (flag.equals("-r") && i + 1 < w.length) {
                    server = w[++i];
                } else if (VALUELESS.contains(flag)) {
                    options.put(FORWARDING.contains(flag) ? "forward" : flag, FORWARDING.contains(flag) ? flag : "");
                } else if (i + 1 < w.length) {
                    String value = w[++i];
                    if (!NOT_COMPARED.contains(flag)) {
                        options.put(flag, value);
                    }
                }
            }
            normalise(options);
            Entry entry = new Entry(service, w[0].equals("-A") ? null : server, options);
            entries.put(entry.key(), entry);
        }
        return entries;
    }

    private static void normalise(Map<String, String> options) {
        String mask = options.get("-M");
        if ("255.255.255.255".equals(mask) || "128".equals(mask)) {
            options.remove("-M");
        }
        if ("-i".equals(options.get("forward"))) {
            options.putIfAbsent("--tun-type", "ipip");
        }
        String flags = options.get("-b");
        if (flags != null) {
            options.put("-b", String.join(",", new java.util.TreeSet<>(List.of(flags.split(",")))));
        }
    }
}
