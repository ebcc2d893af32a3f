package lvswizard.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * IPVS rules in {@code ipvsadm -S -n} / {@code -R} form, read into comparable entries: the same
 * rules written two ways (ours, and what the kernel gives back) compare equal. ipvsadm -S leaves
 * out what is default (a full persistence netmask) and adds what is implicit (--tun-type ipip), and
 * it never saves thresholds (-x/-y), so those are not compared.
 */
public final class SavedRules {
    /** A service ("-t 192.168.101.168:80") or a real server ("-t 192.168.101.168:80 -r 10.10.10.11:80"). */
    public record Entry(String key, boolean isService, Map<String, String> options) {
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
            boolean service = w[0].equals("-A");
            List<String> key = new ArrayList<>(List.of(w[1], w[2]));
            Map<String, String> options = new TreeMap<>();
            for (int i = 3; i < w.length; i++) {
                String flag = w[i];
                if (flag.equals("-6")) {
                    key.add(flag);
                } else if (flag.equals("-r") && i + 1 < w.length) {
                    key.add("-r");
                    key.add(w[++i]);
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
            String k = String.join(" ", key);
            entries.put(k, new Entry(k, service, options));
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
