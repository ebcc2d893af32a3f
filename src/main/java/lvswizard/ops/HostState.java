package lvswizard.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Ipvsadm;

/**
 * What this host's kernel has now, as far as a role's needs go: every interface with its addresses,
 * the sysctls the role touches, the default routes, the loaded modules, the MARK rules present and
 * the IPVS rules. Read with plain commands (ip -j, cat, ls, iptables -C, ipvsadm -S), each in the log.
 *
 * @param addresses interface to its addresses with prefix ("lo" to ["127.0.0.1/8", "192.168.101.168/32"])
 * @param sysctls   /proc/sys path to its value; missing when the file does not exist
 * @param gateways  "4" and "6" to the default gateway, when there is one
 * @param modules   names under /sys/module (loaded, or built in)
 * @param marks     for each of the role's MARK rules, whether iptables -C finds it
 * @param ipvsRules ipvsadm -S -n, or null when it could not be read (no ipvsadm, not root, no IPVS)
 * @param ipvsProblem why ipvsRules is null: ipvsadm's first line of complaint
 * @param uid       who lvs-wizard runs as (id -u; empty when unknown)
 * @param ipvsadmMissing a director's ipvsadm could not be started (not installed)
 * @param loadable  the role's modules that are not loaded but modprobe could load (modprobe -n)
 */
public record HostState(Map<String, List<String>> addresses, Map<String, String> sysctls, Map<String, String> gateways,
                        Set<String> modules, Map<HostNeeds.MarkRule, Boolean> marks, String ipvsRules,
                        String ipvsProblem, String uid, boolean ipvsadmMissing, Set<String> loadable,
                        Map<String, Boolean> peersHeard, Map<String, String> forwardPolicies) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static HostState read(Runner runner, HostNeeds needs) throws OpsException {
        Map<String, List<String>> addresses = addresses(runner);
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (HostNeeds.Setting setting : needs.sysctls()) {
            Execution read = runner.run(Command.of("cat", setting.path()));
            if (read.succeeded()) {
                sysctls.put(setting.path(), read.stdout().strip());
            }
        }
        Map<String, String> gateways = new HashMap<>();
        gateway(run(runner, Command.of("ip", "-j", "-4", "route", "show", "default"), true)).ifPresent(g ->
                gateways.put("4", g));
        Execution six = runner.run(Command.of("ip", "-j", "-6", "route", "show", "default"));
        if (six.succeeded()) {
            gateway(six.stdout()).ifPresent(g -> gateways.put("6", g));
        }
        Set<String> modules = new TreeSet<>(run(runner, Command.of("ls", "/sys/module"), true).lines().toList());
        Map<HostNeeds.MarkRule, Boolean> marks = new LinkedHashMap<>();
        for (HostNeeds.MarkRule mark : needs.marks()) {
            List<String> argv = new ArrayList<>(List.of(mark.tool(), "-t", "mangle", "-C", "PREROUTING"));
            argv.addAll(mark.spec());
            marks.put(mark, runner.run(Command.of(argv)).succeeded());
        }
        Set<String> loadable = new TreeSet<>();
        for (String module : needs.modules()) {
            if (!modules.contains(module) && runner.run(Command.of("modprobe", "-n", "-q", module)).succeeded()) {
                loadable.add(module);
            }
        }
        Execution id = runner.run(Command.of("id", "-u"));
        String uid = id.succeeded() ? id.stdout().strip() : "";
        String rules = null;
        String problem = null;
        boolean ipvsadmMissing = false;
        if (needs.isDirector()) {
            Execution saved = runner.run(Command.of(Ipvsadm.save()));
            if (saved.succeeded()) {
                rules = saved.stdout();
            } else {
                ipvsadmMissing = saved.ending() == Execution.Ending.NOT_STARTED;
                problem = ipvsadmMissing ? "ipvsadm not found" : IpvsReader.firstLine(saved.stderr());
            }
        }
        Map<String, Boolean> peers = new LinkedHashMap<>();
        needs.peers().forEach(peer -> peers.put(peer.address().text(), heard(runner, peer)));
        Map<String, String> policies = new LinkedHashMap<>();
        for (String tool : forwardingTools(needs)) {
            Execution chain = runner.run(Command.of(tool, "-S", "FORWARD"));
            if (chain.succeeded()) {
                chain.stdout().lines().filter(l -> l.startsWith("-P FORWARD ")).findFirst()
                        .ifPresent(l -> policies.put(tool, l.substring("-P FORWARD ".length()).strip()));
            }
        }
        return new HostState(addresses, sysctls, gateways, modules, marks, rules, problem, uid, ipvsadmMissing,
                loadable, peers, policies);
    }

    /** The firewall tools whose FORWARD chain the role's traffic crosses: a director that forwards (NAT). */
    static List<String> forwardingTools(HostNeeds needs) {
        List<String> tools = new ArrayList<>();
        if (needs.sysctls().stream().anyMatch(s -> s.path().equals("/proc/sys/net/ipv4/ip_forward"))) {
            tools.add("iptables");
        }
        if (needs.sysctls().stream().anyMatch(s -> s.path().equals("/proc/sys/net/ipv6/conf/all/forwarding"))) {
            tools.add("ip6tables");
        }
        return tools;
    }

    /**
     * The other director of a pair answers one ping at its DIP, sent out of the DIP interface where
     * VRRP talks (a backup is silent in VRRP: its DIP is what tells it is there); null when ping
     * could not run.
     */
    static Boolean heard(Runner runner, HostNeeds.Addr peer) {
        Execution ping = runner.run(ping(peer));
        if (ping.ending() != Execution.Ending.EXITED || ping.exitCode() > 1) {
            return null;
        }
        return ping.exitCode() == 0;
    }

    static Command ping(HostNeeds.Addr peer) {
        return Command.of("ping", "-n", "-q", "-c", "1", "-W", "1", "-I", peer.dev(), peer.address().text());
    }

    /** Whether the pair's other director answered at its DIP, or null when nobody could tell. */
    public Boolean peerHeard(HostNeeds.Addr peer) {
        return peersHeard.get(peer.address().text());
    }

    public boolean root() {
        return uid.equals("0");
    }

    /** The module is loaded (or built in), or modprobe could load it. */
    public boolean available(String module) {
        return modules.contains(module) || loadable.contains(module);
    }

    private static String run(Runner runner, Command command, boolean required) throws OpsException {
        Execution run = runner.run(command);
        if (!run.succeeded() && required) {
            throw new OpsException(Texts.of(command.argv().get(0).equals("ip") ? "host.command-failed-ip"
                    : "host.command-failed", command.display(), run.ended(), IpvsReader.firstLine(run.stderr())));
        }
        return run.stdout();
    }

    /** Every interface of this host with its addresses. */
    public static Map<String, List<String>> addresses(Runner runner) throws OpsException {
        return addresses(run(runner, Command.of("ip", "-j", "addr", "show"), true));
    }

    /** Pure: `ip -j addr show` to interface name and its addresses (every scope, lo included). */
    static Map<String, List<String>> addresses(String json) throws OpsException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        try {
            for (JsonNode link : JSON.readTree(json)) {
                List<String> list = new ArrayList<>();
                for (JsonNode info : link.path("addr_info")) {
                    if (info.has("local")) {
                        list.add(info.path("local").asText() + "/" + info.path("prefixlen").asInt());
                    }
                }
                map.put(link.path("ifname").asText(), list);
            }
        } catch (IOException e) {
            throw new OpsException(Texts.of("host.unreadable-output", "ip -j addr show", e.getMessage()));
        }
        return map;
    }

    private static java.util.Optional<String> gateway(String json) throws OpsException {
        try {
            for (JsonNode route : JSON.readTree(json.isBlank() ? "[]" : json)) {
                if (route.has("gateway")) {
                    return java.util.Optional.of(route.path("gateway").asText());
                }
            }
        } catch (IOException e) {
            throw new OpsException(Texts.of("host.unreadable-output", "ip -j route", e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /** The interfaces holding this address (any prefix). */
    public List<String> devicesWith(String address) {
        List<String> devices = new ArrayList<>();
        addresses.forEach((dev, list) -> {
            if (list.stream().anyMatch(a -> a.substring(0, a.indexOf('/')).equals(address))) {
                devices.add(dev);
            }
        });
        return devices;
    }
}
