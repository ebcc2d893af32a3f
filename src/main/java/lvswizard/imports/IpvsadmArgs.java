package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lvswizard.model.Forwarding;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.TunnelType;
import lvswizard.plan.IpAddr;
import lvswizard.plan.ServiceKey;
import lvswizard.text.Message;

/**
 * One ipvsadm command line (the words after "ipvsadm", or one line of {@code ipvsadm -S}) read
 * into what it does to the table. Short and long options alike, as ipvsadm(8) spells them.
 */
final class IpvsadmArgs {
    /** What one command does. */
    sealed interface Op {
    }

    /** -A (add) or -E (edit) a virtual service. */
    record ServiceOp(boolean edit, ServiceKey key, Scheduler scheduler, List<SchedulerFlag> flags, Long persistence,
                     String netmask) implements Op {
    }

    /** -a (add) or -e (edit) a real server of a service. */
    record ServerOp(boolean edit, ServiceKey key, String server, Forwarding forwarding, Integer weight,
                    Integer upperThreshold, Integer lowerThreshold, TunnelType tunnelType, Integer tunnelPort)
            implements Op {
    }

    /** -D: delete a service. */
    record DeleteService(ServiceKey key) implements Op {
    }

    /** -d: delete a real server. */
    record DeleteServer(ServiceKey key, String server) implements Op {
    }

    /** -C: clear the table. */
    record Clear() implements Op {
    }

    /** A command that changes no service (-L, -Z, -S, --set, --start-daemon, ...). */
    record Harmless(String what) implements Op {
    }

    /** Why the words could not be read. */
    static final class Unreadable extends Exception {
        private final Message reason;

        Unreadable(String key, Object... args) {
            super(key);
            this.reason = Texts.of(key, args);
        }

        Message reason() {
            return reason;
        }
    }

    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("--add-service", "-A"), Map.entry("--edit-service", "-E"), Map.entry("--delete-service", "-D"),
            Map.entry("--clear", "-C"), Map.entry("--add-server", "-a"), Map.entry("--edit-server", "-e"),
            Map.entry("--delete-server", "-d"), Map.entry("--list", "-L"), Map.entry("--zero", "-Z"),
            Map.entry("--save", "-S"), Map.entry("--restore", "-R"), Map.entry("--tcp-service", "-t"),
            Map.entry("--udp-service", "-u"), Map.entry("--fwmark-service", "-f"), Map.entry("--scheduler", "-s"),
            Map.entry("--persistent", "-p"), Map.entry("--netmask", "-M"), Map.entry("--real-server", "-r"),
            Map.entry("--gatewaying", "-g"), Map.entry("--masquerading", "-m"), Map.entry("--ipip", "-i"),
            Map.entry("--weight", "-w"), Map.entry("--u-threshold", "-x"), Map.entry("--l-threshold", "-y"),
            Map.entry("--ipv6", "-6"), Map.entry("--sched-flags", "-b"), Map.entry("--numeric", "-n"));

    private IpvsadmArgs() {
    }

    /** The operation of {@code words} (without the leading "ipvsadm"). */
    static Op parse(List<String> words) throws Unreadable {
        List<String> w = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                w.add(LONG.getOrDefault(word.substring(0, eq), word.substring(0, eq)));
                w.add(word.substring(eq + 1));
            } else {
                w.add(LONG.getOrDefault(word, word));
            }
        }
        if (w.isEmpty()) {
            return new Harmless("ipvsadm");
        }
        String command = w.get(0);
        return switch (command) {
            case "-A", "-E" -> service(w, command.equals("-E"));
            case "-a", "-e" -> server(w, command.equals("-e"));
            case "-D" -> new DeleteService(key(w));
            case "-d" -> new DeleteServer(key(w), value(w, "-r").orElseThrow(() -> new Unreadable("reason.no-server")));
            case "-C" -> new Clear();
            case "-L", "-l", "-Z", "-S", "-n", "--set", "--start-daemon", "--stop-daemon", "-h", "--help", "-v",
                 "--version" -> new Harmless(command);
            case "-R" -> throw new Unreadable("reason.restore");
            default -> throw new Unreadable("reason.no-command", command);
        };
    }

    private static ServiceOp service(List<String> w, boolean edit) throws Unreadable {
        ServiceKey key = key(w);
        Scheduler scheduler = null;
        Optional<String> named = value(w, "-s");
        if (named.isPresent()) {
            scheduler = scheduler(named.get());
        }
        List<SchedulerFlag> flags = new ArrayList<>();
        Optional<String> flagWords = value(w, "-b");
        if (flagWords.isPresent()) {
            for (String flag : flagWords.get().split(",")) {
                flags.add(flag(scheduler, flag));
            }
        }
        Long persistence = null;
        int p = w.indexOf("-p");
        if (p >= 0) {
            persistence = 300L;
            if (p + 1 < w.size() && w.get(p + 1).matches("\\d{1,10}")) {
                persistence = Long.parseLong(w.get(p + 1));
            }
        }
        String netmask = value(w, "-M").orElse(null);
        for (String word : w) {
            if (word.equals("-o") || word.equals("--ops") || word.equals("--pe")) {
                throw new Unreadable("reason.option", word);
            }
        }
        return new ServiceOp(edit, key, scheduler, List.copyOf(flags), persistence, netmask);
    }

    private static ServerOp server(List<String> w, boolean edit) throws Unreadable {
        ServiceKey key = key(w);
        String server = value(w, "-r").orElseThrow(() -> new Unreadable("reason.no-server"));
        Forwarding forwarding = null;
        if (w.contains("-g")) {
            forwarding = Forwarding.DR;
        } else if (w.contains("-m")) {
            forwarding = Forwarding.NAT;
        } else if (w.contains("-i")) {
            forwarding = Forwarding.TUN;
        }
        TunnelType tunnelType = null;
        Optional<String> tunType = value(w, "--tun-type");
        if (tunType.isPresent()) {
            tunnelType = switch (tunType.get()) {
                case "ipip" -> TunnelType.IPIP;
                case "gue" -> TunnelType.GUE;
                case "gre" -> TunnelType.GRE;
                default -> throw new Unreadable("reason.tun-type", tunType.get());
            };
        }
        return new ServerOp(edit, key, server, forwarding, number(w, "-w"), number(w, "-x"), number(w, "-y"),
                tunnelType, number(w, "--tun-port"));
    }

    private static ServiceKey key(List<String> w) throws Unreadable {
        for (int i = 1; i < w.size(); i++) {
            Optional<ServiceKey.Parsed> parsed = ServiceKey.fromArguments(w, i);
            if (parsed.isPresent()) {
                ServiceKey key = parsed.get().key();
                if (key.isFwmark()) {
                    return key;
                }
                Endpoint endpoint = Endpoint.parse(key.address());
                if (endpoint == null || endpoint.port() == null) {
                    throw new Unreadable("reason.address", key.address());
                }
                return new ServiceKey(key.protocol(), IpAddr.parse(endpoint.host()).withPort(endpoint.port()), false);
            }
        }
        throw new Unreadable("reason.no-service");
    }

    static Scheduler scheduler(String name) throws Unreadable {
        for (Scheduler scheduler : Scheduler.values()) {
            if (scheduler.toString().equals(name)) {
                return scheduler;
            }
        }
        throw new Unreadable("reason.scheduler", name);
    }

    private static SchedulerFlag flag(Scheduler scheduler, String flag) throws Unreadable {
        // ipvsadm's generic names: flag-1 is sh-fallback (mh-fallback), flag-2 sh-port (mh-port)
        String name = flag.equals("flag-1") ? scheduler + "-fallback" : flag.equals("flag-2") ? scheduler + "-port" : flag;
        for (SchedulerFlag known : SchedulerFlag.values()) {
            if (known.scheduler() == scheduler && known.toString().equals(name)) {
                return known;
            }
        }
        throw new Unreadable("reason.flag", flag, String.valueOf(scheduler));
    }

    private static Optional<String> value(List<String> w, String option) throws Unreadable {
        int at = w.indexOf(option);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= w.size()) {
            throw new Unreadable("reason.no-value", option);
        }
        return Optional.of(w.get(at + 1));
    }

    private static Integer number(List<String> w, String option) throws Unreadable {
        Optional<String> text = value(w, option);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.get().matches("\\d{1,9}")) {
            throw new Unreadable("reason.number", option, text.get());
        }
        return Integer.parseInt(text.get());
    }
}
