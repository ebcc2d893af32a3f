package lvswizard.wizard;

import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.HostFacts;
import lvswizard.model.Director;
import lvswizard.model.RealServer;

/** Fills the draft from what this host is, according to its role. */
public final class Detection {
    private Detection() {
    }

    /** The changed draft and a one-line summary of what was taken from the host. */
    public record Applied(Draft draft, String summary) {
    }

    public static Applied apply(Draft draft, HostFacts facts) {
        if (facts.interfaces().isEmpty()) {
            return new Applied(draft, "no interface with a global address");
        }
        HostFacts.Interface uplink = facts.interfaces().stream()
                .filter(i -> i.name().equals(facts.gatewayDevice())).findFirst().orElse(facts.interfaces().get(0));
        return switch (draft.role()) {
            case DIRECTOR -> director(draft, facts, uplink);
            case REAL_SERVER -> realServer(draft, facts, uplink);
            case ALL -> new Applied(draft, "nothing: choose Director or Real server first");
        };
    }

    private static Applied director(Draft draft, HostFacts facts, HostFacts.Interface uplink) {
        Director old = draft.cluster().director() == null ? new Director(null, null, null, null, null, null)
                : draft.cluster().director();
        HostFacts.Interface inner = facts.interfaces().stream().filter(i -> i != uplink).findFirst().orElse(uplink);
        Director director = new Director(old.name(), inner.name(), inner.addresses(), uplink.name(),
                facts.gateway() != null ? facts.gateway() : old.gateway(), old.ntpServer());
        return new Applied(draft.with(Edits.withDirector(draft.cluster(), director)),
                "DIP " + String.join(", ", inner.addresses()) + " on " + inner.name() + ", VIP interface "
                        + uplink.name() + (facts.gateway() == null ? "" : ", gateway " + facts.gateway()));
    }

    private static Applied realServer(Draft draft, HostFacts facts, HostFacts.Interface uplink) {
        List<RealServer> servers = new ArrayList<>(draft.cluster().realServers());
        String address = uplink.addresses().get(0);
        RealServer first = servers.isEmpty() ? new RealServer("rs1", null, null, null) : servers.get(0);
        RealServer updated = new RealServer(first.name(), address, uplink.name(),
                facts.gateway() != null ? facts.gateway() : first.gateway());
        var cluster = servers.isEmpty() ? Edits.addRealServer(draft.cluster(), new Edits.ServerRow(updated, null, 1))
                : Edits.updateRealServer(draft.cluster(), 0, Edits.rows(draft.cluster()).get(0).withServer(updated));
        return new Applied(draft.with(cluster), updated.name() + ": " + address + " on " + uplink.name()
                + (facts.gateway() == null ? "" : ", gateway " + facts.gateway()));
    }
}
