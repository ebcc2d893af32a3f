package lvswizard.lab;

import java.util.List;
import java.util.Locale;
import lvswizard.model.CheckKind;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.plan.Plan;
import lvswizard.plan.ServiceKey;

/**
 * What a lab run by keepalived reports of each service: every real server as IPVS has it now (up,
 * quiesced at weight 0, or removed), which is how keepalived acts on its checks, and how long to
 * wait for the first verdicts. Pure: the plan in, the list out.
 *
 * @param label    the service as ipvsadm lists it
 * @param check    the check in a few words, or "no health check"
 * @param selector ipvsadm's arguments that name the service (-t VIP:PORT, -f MARK)
 * @param members  each real server: its name, its address as ipvsadm lists it, its configured weight
 */
public record LabHealth(String label, String check, List<String> selector, List<Member> members) {
    /** A real server of the service. */
    public record Member(String name, String address, int weight) {
    }

    public static List<LabHealth> of(Plan plan) {
        return plan.services().stream().map(LabHealth::of).toList();
    }

    private static LabHealth of(Plan.Service service) {
        ServiceKey key = ServiceKey.of(service);
        List<Member> members = service.members().stream().map(m -> new Member(m.host().server().name(),
                m.host().address().withPort(service.spec().hasFwmark() ? 0 : m.port()), m.backend().weight())).toList();
        String note = labNote(service);
        return new LabHealth(key.listing(), describe(service.spec().healthCheck()) + (note.isEmpty() ? "" : "; " + note),
                key.arguments(), members);
    }

    /** "http GET /health every 5s, down after 3 (removed)". */
    static String describe(HealthCheck check) {
        if (check == null || check.kind() == CheckKind.NONE) {
            return "no health check";
        }
        String what = switch (check.kind()) {
            case TCP -> "tcp connect" + (check.port() == null ? "" : " to port " + check.port());
            case HTTP, HTTPS -> check.kind().toString().toLowerCase(Locale.ROOT) + " GET " + check.path();
            case COMMAND -> "command " + check.command();
            case NONE -> "";
        };
        return what + " every " + check.interval() + "s, down after " + check.retries() + " failed ("
                + (check.onFailure() == OnFailure.QUIESCE ? "weight 0" : "removed") + ")";
    }

    /** Why the lab's web servers cannot pass this check, or "". */
    static String labNote(Plan.Service service) {
        HealthCheck check = service.spec().healthCheck();
        if (check == null) {
            return "";
        }
        return switch (check.kind()) {
            case HTTPS -> "the lab's web servers speak plain HTTP: it fails in the lab";
            case HTTP -> check.digest() != null ? "the lab's web servers answer their name, not the digest's body: it"
                    + " fails in the lab" : check.status() != 200 ? "the lab's web servers answer 200, not "
                    + check.status() + ": it fails in the lab" : "";
            case COMMAND -> "it runs in the director's namespace: the command must exist on this host";
            case TCP -> check.port() == null || listened(service, check.port()) ? ""
                    : "nothing listens on port " + check.port() + " in the lab: it fails there";
            case NONE -> "";
        };
    }

    /** Whether the lab's web servers of this service answer on {@code port}. */
    private static boolean listened(Plan.Service service, int port) {
        return service.spec().hasFwmark() ? service.spec().markPorts().contains(port)
                : service.members().stream().anyMatch(m -> m.port() == port);
    }

    /**
     * The files the lab's web servers answer an HTTP check with: each check's path without its
     * query (the validator allows no . or .. segment in it), so that a healthy server passes.
     */
    public static List<String> checkPaths(Plan plan) {
        return plan.services().stream().map(s -> s.spec().healthCheck())
                .filter(c -> c != null && c.checksHttp())
                .map(c -> c.path().contains("?") ? c.path().substring(0, c.path().indexOf('?')) : c.path())
                .filter(path -> !path.equals("/")).distinct().toList();
    }

    /**
     * Seconds to wait for keepalived's first verdicts: the slowest check's time to mark a server
     * down (interval x retries) plus one interval and a margin for keepalived's start.
     */
    public static int settleSeconds(Plan plan) {
        return plan.services().stream().map(s -> s.spec().healthCheck())
                .filter(c -> c != null && c.kind() != CheckKind.NONE)
                .mapToInt(c -> c.interval() * c.retries() + c.interval() + c.timeout())
                .max().orElse(0) + 10;
    }
}
