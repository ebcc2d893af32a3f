package lvswizard.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What "ip -j addr show" and "ip -j route show default" say about this host: its interfaces with
 * their global addresses, and the default route.
 *
 * @param interfaces    interfaces other than lo that hold at least one global address
 * @param gateway       the IPv4 default gateway, or null
 * @param gatewayDevice the interface of the default route, or null
 */
public record HostFacts(List<Interface> interfaces, String gateway, String gatewayDevice) {
    /** An interface and its addresses with prefix lengths (10.10.10.10/24). */
    public record Interface(String name, List<String> addresses) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HostFacts detect(Runner runner) throws IOException {
        Execution addresses = runner.run(Command.of("ip", "-j", "addr", "show"));
        Execution routes = runner.run(Command.of("ip", "-j", "-4", "route", "show", "default"));
        if (!addresses.succeeded() || !routes.succeeded()) {
            throw new IOException("ip -j failed (iproute2 4.13 or later is needed)");
        }
        return parse(addresses.stdout(), routes.stdout());
    }

    /** Pure: the two JSON documents in, the facts out. */
    public static HostFacts parse(String addrJson, String routeJson) throws IOException {
        List<Interface> interfaces = new ArrayList<>();
        for (JsonNode link : JSON.readTree(addrJson)) {
            String name = link.path("ifname").asText();
            if (name.isEmpty() || name.equals("lo")) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            for (JsonNode info : link.path("addr_info")) {
                if ("global".equals(info.path("scope").asText()) && info.has("local")) {
                    addresses.add(info.path("local").asText() + "/" + info.path("prefixlen").asInt());
                }
            }
            if (!addresses.isEmpty()) {
                interfaces.add(new Interface(name, addresses));
            }
        }
        String gateway = null;
        String device = null;
        for (JsonNode route : JSON.readTree(routeJson)) {
            if ("default".equals(route.path("dst").asText()) && route.has("gateway")) {
                gateway = route.path("gateway").asText();
                device = route.path("dev").asText(null);
                break;
            }
        }
        return new HostFacts(List.copyOf(interfaces), gateway, device);
    }
}
