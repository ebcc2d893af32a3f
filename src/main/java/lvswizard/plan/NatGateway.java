package lvswizard.plan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import lvswizard.model.Failover;

/**
 * A NAT real server's gateway: the director's address on its LAN, the only one NAT works with (the
 * replies must pass the director to be rewritten). The wizard's edits and the import both fill it in.
 */
public final class NatGateway {
    private NatGateway() {
    }

    /**
     * A pair's floating gateway (a DIP would leave with its director at a failover; nothing while
     * it does not read as an address), else the first of {@code dips}: the one whose subnet holds
     * {@code address}, or null.
     */
    public static IpAddr of(Failover failover, List<String> dips, IpAddr address) {
        if (address == null) {
            return null;
        }
        Stream<String> candidates = failover != null && failover.floatingGateway() != null
                ? Stream.of(failover.floatingGateway()) : dips.stream();
        return candidates.map(IpAddr::parse).filter(Objects::nonNull).filter(d -> d.subnetContains(address))
                .findFirst().orElse(null);
    }
}
