package lvswizard.ansible;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Layout;
import lvswizard.plan.Plan;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;

/** inventory.yml's hosts: each director and real server under its name, at its address in the configuration. */
final class AnsibleInventory {
    private AnsibleInventory() {
    }

    /** A name a director and a real server share (one inventory host would stand for both), or null. */
    static String sharedName(Plan plan) {
        for (HostNeeds director : HostNeeds.directors(plan)) {
            if (plan.hosts().stream().anyMatch(h -> h.server().name().equals(director.name()))) {
                return director.name();
            }
        }
        return null;
    }

    /** The template's view: {@code common} plus the hosts of each group. */
    static Map<String, Object> view(Plan plan, Flavour flavour, IpvsOwner owner, Map<String, Object> common) {
        Map<String, Object> view = new HashMap<>(common);
        view.put("clusterYaml", Yaml.quote(plan.cluster().name()));
        List<Map<String, Object>> realServers = new ArrayList<>();
        for (Plan.Host host : plan.hosts()) {
            HostNeeds needs = HostNeeds.realServer(plan, host);
            realServers.add(host(needs, host.address().text(), plan, flavour, owner));
        }
        List<Map<String, Object>> directors = new ArrayList<>();
        for (HostNeeds needs : HostNeeds.directors(plan)) {
            // a director without a DIP of its own is reached by its name alone
            String address = needs.ownAddresses().isEmpty() ? null : needs.ownAddresses().get(0).address().text();
            Map<String, Object> director = host(needs, address, plan, flavour, owner);
            if (owner == IpvsOwner.KEEPALIVED) {
                director.put("keepalivedFile", Yaml.quote(KeepalivedExport.fileName(plan, needs.name())));
                director.put("keepalivedPid", Yaml.quote("/run/keepalived-" + Layout.unit(plan.cluster().name(),
                        needs.scriptName()) + ".pid"));
            }
            directors.add(director);
        }
        view.put("realServers", realServers);
        view.put("directors", directors);
        return view;
    }

    private static Map<String, Object> host(HostNeeds needs, String address, Plan plan, Flavour flavour, IpvsOwner owner) {
        Map<String, Object> host = new HashMap<>();
        host.put("name", Yaml.quote(needs.name()));
        host.put("address", address == null ? null : Yaml.quote(address));
        host.put("script", Yaml.quote(needs.scriptName()));
        host.put("unit", Yaml.quote(Layout.unit(plan.cluster().name(), needs.scriptName())));
        host.put("packages", DebianPackages.of(needs, flavour, owner).stream().map(Yaml::quote)
                .collect(Collectors.joining(", ")));
        return host;
    }
}
