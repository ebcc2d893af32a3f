package lvswizard.imports;

import java.util.ArrayList;
import java.util.List;
import lvswizard.imports.KeepalivedTree.Node;

/**
 * A vrrp_instance block: what it says of the director (its interface, the VIPs and their device,
 * the failover settings); {@link Pair} makes the cluster's failover of one file's or two files'.
 */
final class KeepalivedInstance extends KeepalivedReader {
    /** What one file's VRRP instances say. */
    record Vrrp(String file, int line, String state, String iface, Integer routerId, Integer priority, Integer advert,
                boolean nopreempt, String unicastSource, List<String> peers, String authPass,
                List<String[]> addresses, boolean strict, String syncInterface, Integer syncId) {
    }

    KeepalivedInstance(Assembly into) {
        super(into);
    }

    /** The instance, with the global settings of its file (vrrp_strict, the sync daemon). */
    Vrrp read(Node node, boolean strict, String syncInterface, Integer syncId) {
        String state = null;
        String iface = null;
        Integer routerId = null;
        Integer priority = null;
        Integer advert = null;
        boolean nopreempt = false;
        String unicastSource = null;
        List<String> peers = new ArrayList<>();
        String authPass = null;
        List<String[]> addresses = new ArrayList<>();
        into.took("vrrp_instance " + String.join(" ", node.words()));
        for (Node child : children(node)) {
            at(child);
            switch (child.keyword()) {
                case "state" -> state = took(child, child.word(0));
                case "interface" -> iface = took(child, child.word(0));
                case "virtual_router_id" -> routerId = took(child, number(child.word(0)));
                case "priority" -> priority = took(child, number(child.word(0)));
                case "advert_int" -> advert = took(child, number(child.word(0)));
                case "nopreempt" -> {
                    nopreempt = true;
                    into.took("nopreempt");
                }
                case "unicast_src_ip" -> unicastSource = took(child, child.word(0));
                case "unicast_peer" -> children(child).forEach(peer -> {
                    at(peer);
                    peers.add(took(peer, peer.keyword()));
                });
                case "authentication" -> {
                    for (Node auth : children(child)) {
                        at(auth);
                        if (auth.keyword().equals("auth_pass")) {
                            authPass = took(auth, auth.word(0));
                        } else {
                            into.took(text(auth));
                        }
                    }
                }
                case "virtual_ipaddress" -> children(child).forEach(address -> {
                    at(address);
                    int dev = address.words().indexOf("dev");
                    int label = address.words().indexOf("label");
                    addresses.add(new String[] {address.keyword(),
                            dev >= 0 && dev + 1 < address.words().size() ? address.words().get(dev + 1) : null,
                            label >= 0 && label + 1 < address.words().size() ? address.words().get(label + 1) : null});
                    into.took(text(address));
                });
                case "virtual_routes" -> children(child).forEach(route -> {
                    at(route);
                    int via = route.words().indexOf("via");
                    if (route.keyword().equals("default") && via >= 0 && via + 1 < route.words().size()) {
                        into.directorGateway = route.words().get(via + 1);
                        into.took(text(route));
                    } else {
                        into.note(Note.Kind.IGNORED, "ignored.not-lvs", text(route));
                    }
                });
                default -> leftOut(child);
            }
        }
        return new Vrrp(node.file(), node.line(), state, iface, routerId, priority, advert, nopreempt, unicastSource,
                List.copyOf(peers), authPass, addresses, strict, syncInterface, syncId);
    }
}
