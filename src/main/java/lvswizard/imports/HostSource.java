package lvswizard.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.imports.Importer.ImportException;
import lvswizard.plan.IpAddr;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.ServiceKey;

/**
 * This host's running state: the IPVS table ({@code ipvsadm -S -n}, and the thresholds that -S
 * leaves out), the addresses (which interface holds each VIP, which one is on the real servers'
 * subnet: the DIP), the default route, and the MARK rules of iptables' mangle table.
 */
final class HostSource {
    static final String NAME = "host";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostSource() {
    }

    static void read(Runner runner, Assembly into) throws ImportException {
        Execution save = runner.run(Command.of(Ipvsadm.save()));
        if (!save.succeeded()) {
            throw new ImportException("host: ipvsadm -S -n failed (" + firstLine(save) + "); run as root on the"
                    + " director, with ipvsadm installed");
        }
        RulesSource.read(NAME + " (ipvsadm -S -n)", save.stdout(), into);
        thresholds(runner, into);
        marks(runner, into, "iptables");
        marks(runner, into, "ip6tables");
        into.sawFirewall = true;
        addresses(runner, into);
        gateway(runner, into);
        into.at(NAME, 0);
    }

    private static void thresholds(Runner runner, Assembly into) {
        Execution listing = runner.run(Command.of("ipvsadm", "-L", "-n", "--thresholds"));
        if (!listing.succeeded()) {
            return;
        }
        ServiceKey service = null;
        for (String line : listing.stdout().split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length >= 2 && !line.startsWith(" ")) {
                service = ServiceKey.fromListing(w[0] + " " + w[1] + (w.length > 2 && w[2].equals("IPv6") ? " IPv6"
                        : "")).orElse(service);
            } else if (w.length >= 4 && w[0].equals("->") && service != null && w[2].matches("\\d+")) {
                Endpoint server = Endpoint.parse(w[1]);
                if (server != null) {
                    into.thresholds(service, server, Integer.parseInt(w[2]), Integer.parseInt(w[3]));
                }
            }
        }
    }

    private static void marks(Runner runner, Assembly into, String tool) {
        Execution rules = runner.run(Command.of(tool, "-t", "mangle", "-S", "PREROUTING"));
        if (!rules.succeeded()) {
            into.at(NAME, 0);
            into.note(Note.Kind.IGNORED, "ignored.no-firewall", tool + " -t mangle -S PREROUTING");
            return;
        }
        String source = NAME + " (" + tool + " -t mangle -S PREROUTING)";
        String[] lines = rules.stdout().split("\n");
        for (int i = 0; i < lines.length; i++) {
            List<String> words = Arrays.asList(lines[i].strip().split("\\s+"));
            if (words.contains("MARK") && (words.contains("--set-xmark") || words.contains("--set-mark"))) {
                into.at(source, i + 1);
                try {
                    into.mark(ScriptSource.markRule(words));
                    into.took(lines[i].strip());
                } catch (NumberFormatException e) {
                    into.note(Note.Kind.UNREADABLE, "unreadable.mark", lines[i].strip());
                }
            }
        }
    }

    /** Each VIP's interface (or label) and prefix; the interface on the real servers' subnet is the DIP's. */
    private static void addresses(Runner runner, Assembly into) throws ImportException {
        Execution run = runner.run(Command.of("ip", "-j", "addr", "show"));
        into.at(NAME + " (ip -j addr show)", 0);
        if (!run.succeeded()) {
            throw new ImportException("host: ip -j addr show failed (" + firstLine(run) + ")");
        }
        try {
            for (JsonNode link : JSON.readTree(run.stdout())) {
                String device = link.path("ifname").asText();
                for (JsonNode info : link.path("addr_info")) {
                    if (!info.has("local")) {
                        continue;
                    }
                    IpAddr address = IpAddr.parse(info.path("local").asText() + "/" + info.path("prefixlen").asInt());
                    if (address == null) {
                        continue;
                    }
                    String label = info.path("label").asText(device);
                    if (into.isVip(address.hostOnly().text())) {
                        if (!device.equals("lo")) {
                            into.vip(address.cidr(), label.isEmpty() ? device : label);
                            into.took(address.cidr() + " dev " + device + (label.equals(device) ? "" : " label " + label));
                        }
                    } else if (!device.equals("lo") && "global".equals(info.path("scope").asText())
                            && servesRealServers(address, into)) {
                        if (into.dipInterface == null || into.dipInterface.equals(device)) {
                            into.dipInterface = device;
                            into.dips.add(address.cidr());
                            into.took(address.cidr() + " dev " + device + " (DIP)");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException("host: ip -j addr show printed no JSON: " + e.getMessage());
        }
    }

    private static boolean servesRealServers(IpAddr address, Assembly into) {
        return into.hostAddresses().stream().map(IpAddr::parse)
                .anyMatch(rip -> rip != null && rip.isIPv6() == address.isIPv6() && address.subnetContains(rip));
    }

    private static void gateway(Runner runner, Assembly into) {
        Execution run = runner.run(Command.of("ip", "-j", "-4", "route", "show", "default"));
        into.at(NAME + " (ip -j -4 route show default)", 0);
        if (!run.succeeded()) {
            return;
        }
        try {
            for (JsonNode route : JSON.readTree(run.stdout().isBlank() ? "[]" : run.stdout())) {
                Optional<String> gateway = Optional.ofNullable(route.path("gateway").asText(null));
                if (gateway.isPresent()) {
                    into.directorGateway = gateway.get();
                    into.took("default via " + gateway.get());
                    return;
                }
            }
        } catch (IOException e) {
            into.note(Note.Kind.UNREADABLE, "unreadable.route", e.getMessage());
        }
    }

    private static String firstLine(Execution run) {
        String text = run.stderr().isBlank() ? run.ended().english() : run.stderr();
        return text.strip().lines().findFirst().orElse("");
    }
}
