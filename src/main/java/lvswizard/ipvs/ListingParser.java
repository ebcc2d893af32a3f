package lvswizard.ipvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what {@code ipvsadm -L -n} prints (with or without {@code --stats}, {@code --rate},
 * {@code --exact}). Linear in the listing's length; a line it does not understand is an error
 * naming the line, never a silent skip, so that a format change shows up at once.
 */
public final class ListingParser {
    private ListingParser() {
    }

    /** A listing line that is neither a header, a service nor a real server. */
    public static final class ListingException extends IllegalArgumentException {
        public ListingException(int lineNumber, String line, String expected) {
            super("ipvsadm listing line " + lineNumber + ": \"" + line.strip() + "\": expected " + expected);
        }
    }

    /** The table of {@code ipvsadm -L -n}: services, schedulers, weights, connection counts. */
    public static IpvsTable list(String text) {
        List<IpvsTable.Service> services = new ArrayList<>();
        ServiceBuilder current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String[] words = words(line);
            if (words.length == 0 || isHeader(words)) {
                continue;
            }
            if (words[0].equals("->")) {
                if (current == null || words.length < 6) {
                    throw new ListingException(number, line, "\"-> address forward weight active inactive\" after a service");
                }
                current.servers.add(new IpvsTable.Server(words[1], words[2], (int) number(words[3], number, line),
                        number(words[4], number, line), number(words[5], number, line), Counters.ZERO, Counters.ZERO));
            } else if (isProtocol(words[0])) {
                if (current != null) {
                    services.add(current.build());
                }
                current = service(words, number, line);
            } else {
                throw new ListingException(number, line, "a service (TCP/UDP/SCTP/FWM) or a real server (->)");
            }
        }
        if (current != null) {
            services.add(current.build());
        }
        return new IpvsTable(List.copyOf(services));
    }

    /**
     * The counters of a {@code --stats} or {@code --rate} listing, by service key
     * ("TCP 192.168.101.168:80") and by real server ("TCP 192.168.101.168:80 -> 10.10.10.11:80").
     */
    public static Map<String, Counters> counters(String text) {
        Map<String, Counters> counters = new HashMap<>();
        String service = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String[] words = words(line);
            if (words.length == 0 || isHeader(words) || words.length == 2 && words[0].equals("->")) {
                continue;
            }
            words = joinIpv6Mark(words);
            if (words.length != 7) {
                throw new ListingException(number, line, "a service or real server followed by five numbers");
            }
            Counters values = new Counters(number(words[2], number, line), number(words[3], number, line),
                    number(words[4], number, line), number(words[5], number, line), number(words[6], number, line));
            if (words[0].equals("->")) {
                if (service == null) {
                    throw new ListingException(number, line, "a service before its real servers");
                }
                counters.put(service + " -> " + words[1], values);
            } else if (isProtocol(words[0])) {
                service = words[0] + " " + words[1];
                counters.put(service, values);
            } else {
                throw new ListingException(number, line, "a service (TCP/UDP/SCTP/FWM) or a real server (->)");
            }
        }
        return counters;
    }

    /** The {@code -L -n} table with the {@code --stats} and {@code --rate} numbers filled in. */
    public static IpvsTable merge(IpvsTable table, Map<String, Counters> stats, Map<String, Counters> rates) {
        List<IpvsTable.Service> services = new ArrayList<>(table.services().size());
        for (IpvsTable.Service s : table.services()) {
            List<IpvsTable.Server> servers = new ArrayList<>(s.servers().size());
            for (IpvsTable.Server r : s.servers()) {
                String key = s.key() + " -> " + r.address();
                servers.add(new IpvsTable.Server(r.address(), r.forward(), r.weight(), r.activeConns(),
                        r.inactiveConns(), stats.getOrDefault(key, Counters.ZERO), rates.getOrDefault(key, Counters.ZERO)));
            }
            services.add(new IpvsTable.Service(s.protocol(), s.address(), s.scheduler(), s.flags(), s.persistence(),
                    List.copyOf(servers), stats.getOrDefault(s.key(), Counters.ZERO),
                    rates.getOrDefault(s.key(), Counters.ZERO)));
        }
        return new IpvsTable(List.copyOf(services));
    }

    // "TCP  192.168.101.168:22 lc persistent 300 mask 255.255.255.0", "UDP  ...:53 sh (sh-fallback,sh-port)",
    // "FWM  7 rr persistent 600", "TCP  [2001:db8:1::100]:443 mh (mh-port) persistent 60 mask 64"
    private static ServiceBuilder service(String[] words, int number, String line) {
        words = joinIpv6Mark(words);
        if (words.length < 3) {
            throw new ListingException(number, line, "\"PROTOCOL ADDRESS SCHEDULER\"");
        }
        ServiceBuilder b = new ServiceBuilder(words[0], words[1], words[2]);
        for (int i = 3; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("(") && w.endsWith(")")) {
                b.flags = w.substring(1, w.length() - 1);
            } else if (w.equals("persistent") && i + 1 < words.length) {
                b.persistence = (int) number(words[++i], number, line);
            } else if (w.equals("mask") && i + 1 < words.length) {
                i++;
            } else if (!w.equals("ops")) {
                throw new ListingException(number, line, "scheduler flags, \"persistent N\", \"mask M\" or \"ops\"");
            }
        }
        return b;
    }

    /** "FWM 7 IPv6 rr" to "FWM", "7 IPv6", "rr": an IPv6 fwmark service's address is its mark and family. */
    private static String[] joinIpv6Mark(String[] words) {
        if (words.length > 2 && words[0].equals("FWM") && words[2].equals("IPv6")) {
            String[] joined = new String[words.length - 1];
            joined[0] = words[0];
            joined[1] = words[1] + " IPv6";
            System.arraycopy(words, 3, joined, 2, words.length - 3);
            return joined;
        }
        return words;
    }

    private static boolean isHeader(String[] words) {
        return words[0].equals("IP") || words[0].equals("Prot") || words[0].equals("->") && words.length > 1
                && words[1].equals("RemoteAddress:Port");
    }

    private static boolean isProtocol(String word) {
        return switch (word) {
            case "TCP", "UDP", "SCTP", "FWM" -> true;
            default -> false;
        };
    }

    /**
     * The line's words: what strip() leaves, split at runs of the white space regex's \s matches
     * (space, tab, newline, vertical tab, form feed, carriage return). By hand, not by
     * {@code split("\\s+")}, which compiles the pattern again for every line: three listings of
     * 10,000 real servers are 30,000 lines a refresh.
     */
    static String[] words(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        List<String> words = new ArrayList<>(8);
        int start = -1;
        for (int at = 0; at < trimmed.length(); at++) {
            boolean gap = isSpace(trimmed.charAt(at));
            if (gap && start >= 0) {
                words.add(trimmed.substring(start, at));
                start = -1;
            } else if (!gap && start < 0) {
                start = at;
            }
        }
        if (start >= 0) {
            words.add(trimmed.substring(start));
        }
        return words.toArray(new String[0]);
    }

    /** What the regex \s matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A count as ipvsadm prints it: plain, or abbreviated without --exact (12K, 3M, 1G: powers of 1000). */
    static long number(String word, int lineNumber, String line) {
        long scale = 1;
        String digits = word;
        char last = word.isEmpty() ? ' ' : Character.toUpperCase(word.charAt(word.length() - 1));
        if (last == 'K' || last == 'M' || last == 'G') {
            scale = last == 'K' ? 1_000L : last == 'M' ? 1_000_000L : 1_000_000_000L;
            digits = word.substring(0, word.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ListingException(lineNumber, line, "a number, not \"" + word.toLowerCase(Locale.ROOT) + "\"");
        }
    }

    private static final class ServiceBuilder {
        final String protocol;
        final String address;
        final String scheduler;
        final List<IpvsTable.Server> servers = new ArrayList<>();
        String flags = "";
        int persistence;

        ServiceBuilder(String protocol, String address, String scheduler) {
            this.protocol = protocol;
            this.address = address;
            this.scheduler = scheduler;
        }

        IpvsTable.Service build() {
            return new IpvsTable.Service(protocol, address, scheduler, flags, persistence, List.copyOf(servers),
                    Counters.ZERO, Counters.ZERO);
        }
    }
}
