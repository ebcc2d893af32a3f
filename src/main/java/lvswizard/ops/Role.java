package lvswizard.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import lvswizard.exec.Runner;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;

/** Which host of the configuration this one is: "director", "realserver:NAME", or "realserver" (found by address). */
public final class Role {
    private Role() {
    }

    /**
     * The needs of the named role.
     *
     * @param runner reads this host's addresses, to find a real server by its RIP when no name is given
     */
    public static HostNeeds resolve(String role, Plan plan, Runner runner) throws OpsException {
        String text = role.strip().toLowerCase(Locale.ROOT);
        if (text.equals("director")) {
            return HostNeeds.director(plan);
        }
        if (text.startsWith("director:")) {
            // a pair's directors by name: the first, or the second (director-NAME.sh, keepalived-NAME.conf)
            String name = role.strip().substring("director:".length());
            List<HostNeeds> directors = HostNeeds.directors(plan);
            return directors.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new OpsException(Texts.of("role.no-such-director", role, name,
                            String.join(", ", directors.stream().map(HostNeeds::name).toList()))));
        }
        List<String> names = plan.hosts().stream().map(h -> h.server().name()).toList();
        if (text.startsWith("realserver:")) {
            String name = role.strip().substring("realserver:".length());
            return plan.hosts().stream().filter(h -> h.server().name().equals(name)).findFirst()
                    .map(h -> HostNeeds.realServer(plan, h))
                    .orElseThrow(() -> new OpsException(Texts.of("role.no-such-real-server", role, name,
                            String.join(", ", names))));
        }
        if (text.equals("realserver")) {
            Map<String, List<String>> addresses = HostState.addresses(runner);
            List<Plan.Host> here = plan.hosts().stream().filter(h -> addresses.values().stream()
                    .anyMatch(list -> list.stream().anyMatch(a -> a.split("/")[0].equals(h.address().text()))))
                    .toList();
            if (here.size() == 1) {
                return HostNeeds.realServer(plan, here.get(0));
            }
            throw new OpsException(here.isEmpty() ? Texts.of("role.none-here", String.join(", ", names))
                    : Texts.of("role.several-here", here.size(), String.join(", ", names)));
        }
        throw new OpsException(Texts.of("role.unknown", role));
    }
}
