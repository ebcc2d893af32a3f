package lvswizard.validation;

import java.util.function.Function;
import java.util.regex.Pattern;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.HealthCheck;
import lvswizard.model.Quorum;
import lvswizard.model.VirtualService;
import lvswizard.plan.IpAddr;
import lvswizard.text.Quote;

/**
 * The checks of a service's keepalived settings: its health check, sorry server and quorum. They
 * matter to the keepalived output only; the scripts ignore them.
 */
final class KeepalivedChecks {
    /**
     * A URL path keepalived can send as it is: from /, without space, quote or control character,
     * and without a . or .. segment (a server resolves those, and the lab serves the path as a file).
     */
    private static final Pattern URL_PATH = Pattern.compile("(?!.*/\\.\\.?(/|\\?|$))/[A-Za-z0-9._~!$&()*+,;=:@%/?-]*");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    /** A command keepalived splits at spaces and runs without a shell: a path, then plain words. */
    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z0-9._/+:=@%,-]*( [A-Za-z0-9._/+:=@%,-]+)*");

    private final Findings findings;

    KeepalivedChecks(Findings findings) {
        this.findings = findings;
    }

    /**
     * {@code sorry} is the sorry server's address as the validator parsed it (null when there is
     * none or it is not one); {@code addressOf} gives a real server's address by its name (or null).
     */
    void check(String path, VirtualService service, IpAddr vip, IpAddr sorry, Function<String, IpAddr> addressOf) {
        HealthCheck check = service.healthCheck();
        if (check != null) {
            checkHealth(path + ".healthCheck", check, service);
        }
        if (service.sorryServer() != null) {
            checkSorryServer(path + ".sorryServer", service, vip, sorry, addressOf);
        }
        if (service.quorum() != null) {
            checkQuorum(path + ".quorum", service.quorum(), service);
        }
    }

    private void checkHealth(String path, HealthCheck check, VirtualService service) {
        findings.range(path + ".interval", "what.check-interval", check.interval(), 1, 86_400);
        findings.range(path + ".timeout", "what.check-timeout", check.timeout(), 1, 3_600);
        findings.range(path + ".retries", "what.check-retries", check.retries(), 1, 100);
        findings.range(path + ".port", "what.port", check.port(), 1, 65535);
        if (check.kind() == CheckKind.NONE || check.kind() == CheckKind.COMMAND) {
            if (check.port() != null) {
                findings.add(Rule.HEALTH_CHECK, path + ".port", "health-check.port", check.kind());
            }
        } else if (check.port() == null && service.hasFwmark()) {
            findings.add(Rule.HEALTH_CHECK, path + ".port", "health-check.fwmark-port");
        }
        if (check.checksHttp()) {
            findings.range(path + ".status", "what.check-status", check.status(), 100, 599);
            if (!URL_PATH.matcher(check.path()).matches()) {
                findings.add(Rule.HEALTH_CHECK, path + ".path", "health-check.path", Quote.forMessage(check.path()));
            }
            if (check.digest() != null && !MD5.matcher(check.digest()).matches()) {
                findings.add(Rule.HEALTH_CHECK, path + ".digest", "health-check.digest",
                        Quote.forMessage(check.digest()));
            }
        } else {
            for (String http : new String[] {"path", "status", "digest"}) {
                Object value = http.equals("path") ? check.path() : http.equals("status") ? check.status()
                        : check.digest();
                if (value != null) {
                    findings.add(Rule.HEALTH_CHECK, path + "." + http, "health-check.http-only", http, check.kind());
                }
            }
        }
        if (check.kind() == CheckKind.COMMAND) {
            if (findings.required(path + ".command", check.command(), "what.check-command")
                    && !COMMAND.matcher(check.command()).matches()) {
                findings.add(Rule.HEALTH_CHECK, path + ".command", "health-check.command",
                        Quote.forMessage(check.command()));
            }
        } else if (check.command() != null) {
            findings.add(Rule.HEALTH_CHECK, path + ".command", "health-check.command-only", check.kind());
        }
        if (check.kind() != CheckKind.NONE && check.timeout() != null && check.interval() != null
                && check.timeout() >= check.interval()) {
            findings.add(Rule.CHECK_TIMING, path + ".timeout", "check-timing", check.timeout(), check.interval());
        }
    }

    private void checkSorryServer(String path, VirtualService service, IpAddr vip, IpAddr sorry,
                                  Function<String, IpAddr> addressOf) {
        findings.range(path + ".port", "what.port", service.sorryServer().port(), 1, 65535);
        if (sorry == null) {
            return;
        }
        if (vip != null && sorry.isIPv6() != vip.isIPv6()) {
            findings.add(Rule.SORRY_SERVER, path + ".address", "sorry-server.family", sorry.text(), vip.text());
        }
        for (Backend backend : service.backends()) {
            IpAddr member = addressOf.apply(backend.realServer());
            if (member != null && member.text().equals(sorry.text())) {
                findings.add(Rule.SORRY_SERVER, path + ".address", "sorry-server.member", sorry.text(),
                        backend.realServer());
            }
        }
    }

    private void checkQuorum(String path, Quorum quorum, VirtualService service) {
        if (!findings.required(path + ".minimum", quorum.minimum(), "what.quorum")) {
            return;
        }
        findings.range(path + ".minimum", "what.quorum", quorum.minimum(), 1, 65535L * 1024);
        findings.range(path + ".hysteresis", "what.hysteresis", quorum.hysteresis(), 0, 65535L * 1024);
        long weights = service.backends().stream().mapToLong(Backend::weight).sum();
        if (quorum.minimum() > weights) {
            findings.add(Rule.QUORUM, path + ".minimum", "quorum.above-weights", quorum.minimum(), weights);
        }
        if (quorum.hysteresis() >= quorum.minimum()) {
            findings.add(Rule.QUORUM, path + ".hysteresis", "quorum.hysteresis", quorum.hysteresis(),
                    quorum.minimum());
        }
    }
}
