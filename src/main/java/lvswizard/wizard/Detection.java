package lvswizard.wizard;

import java.util.ArrayList;
import java.util.List;
import lvswizard.exec.HostFacts;
import lvswizard.model.RealServer;

/**
 * What this host's interfaces, addresses and default route would change in the draft, according to
 * its role: proposed field by field, so that the operator sees each change before it is made.
 */
public final class Detection {
    private Detection() {
    }

    /** One proposed change: a field, its value now and the value found on this host. */
    public record Change(Fields.Located field, String from, String to) {
    }

    /** The changes for this host's role; empty when nothing would change (or the role is neither). */
    public static List<Change> propose(Draft draft, HostFacts facts) {
        if (facts.interfaces().isEmpty()) {
            return List.of();
        }
        HostFacts.Interface uplink = facts.interfaces().stream()
                .filter(i -> i.name().equals(facts.gatewayDevice())).findFirst().orElse(facts.interfaces().get(0));
        List<Change> changes = new ArrayList<>();
        switch (draft.role()) {
            case DIRECTOR -> {
                HostFacts.Interface inner = facts.interfaces().stream().filter(i -> i != uplink).findFirst()
                        .orElse(uplink);
                propose(changes, draft, "director.dipInterface", At.NONE, inner.name());
                propose(changes, draft, "director.dips", At.NONE, String.join(", ", inner.addresses()));
                propose(changes, draft, "director.vipInterface", At.NONE, uplink.name());
                propose(changes, draft, "director.gateway", At.NONE, facts.gateway());
            }
            case REAL_SERVER -> {
                At first = At.row(0);
                propose(changes, draft, "server.address", first, uplink.addresses().get(0));
                propose(changes, draft, "server.interface", first, uplink.name());
                propose(changes, draft, "server.gateway", first, facts.gateway());
            }
            case ALL -> {
                // no host of the cluster is this one: nothing to take from it
            }
        }
        return changes;
    }

    /**
     * The draft with the changes made. A real server's values go to the first real server; when
     * there is none yet, one is added (named rs1) to hold them.
     */
    public static Draft apply(Draft draft, List<Change> changes) throws Invalid {
        Draft result = draft;
        if (!changes.isEmpty() && changes.get(0).field().field().scope() == Scope.REAL_SERVER
                && Roster.rows(result.cluster()).isEmpty()) {
            result = result.with(Edits.addRealServer(result.cluster(), new RealServer("rs1", null, null, null),
                    result.forwarding()));
        }
        for (Change change : changes) {
            result = change.field().field().set(result, change.field().at(), change.to());
        }
        return result;
    }

    private static void propose(List<Change> changes, Draft draft, String id, At at, String value) {
        if (value == null) {
            return;
        }
        FieldSpec field = Fields.byId(id);
        String now = Roster.rows(draft.cluster()).isEmpty() && field.scope() == Scope.REAL_SERVER ? ""
                : field.get(draft, at);
        if (!now.equals(value)) {
            changes.add(new Change(new Fields.Located(field, at), now, value));
        }
    }
}
