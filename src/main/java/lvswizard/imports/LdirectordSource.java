package lvswizard.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lvswizard.imports.Assembly.BackendDraft;
import lvswizard.imports.Assembly.ServiceDraft;
import lvswizard.model.CheckKind;
import lvswizard.model.Forwarding;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.SorryServer;
import lvswizard.plan.IpAddr;
import lvswizard.plan.ServiceKey;

/**
 * ldirectord.cf (ldirectord(8)): global settings, then each {@code virtual=} with its indented
 * settings and {@code real=} lines. Its checks become the configuration's health check (what
 * keepalived runs in its place): connect is a TCP check, negotiate an HTTP(S) GET, external a
 * command; quiescent (ldirectord's default) quiesces a failed server instead of removing it.
 */
final class LdirectordSource {
    private static final Set<String> LEFT_OUT = Set.of("autoreload", "logfile", "emailalert", "emailalertfreq",
            "emailalertstatus", "callback", "supervised", "fork", "cleanstop", "maintenancedir", "readdquiescent",
            "virtualhost", "login", "passwd", "database", "secret", "callerid", "negotiatetimeout", "monitorfile",
            "smtp", "httpmethod");

    /** The settings in force for one virtual service: the globals, then its own. */
    private final Map<String, String> globals = new HashMap<>();
    private final Assembly into;
    private final String name;

    private LdirectordSource(String name, Assembly into) {
        this.name = name;
        this.into = into;
    }

    static boolean looksLike(String text) {
        return text.matches("(?s)(.*\\n)?\\s*virtual\\s*=.*") && !text.contains("virtual_server");
    }

    static void read(String name, String text, Assembly into) {
        new LdirectordSource(name, into).read(text);
    }

    private void read(String text) {
        String[] lines = text.split("\n", -1);
        ServiceDraft service = null;
        Map<String, String> own = new HashMap<>();
        int virtualLine = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "virtual=END";
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            into.at(name, i + 1);
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                into.note(Note.Kind.UNREADABLE, "unreadable.keyword", trimmed);
                continue;
            }
            String key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            // ldirectord.cf allows a comment after a value
            String value = unquote(trimmed.substring(eq + 1).replaceFirst("\\s+#.*$", "").strip());
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (key.equals("virtual")) {
                if (service != null) {
                    into.at(name, virtualLine);
                    finish(service, own);
                    into.at(name, i + 1);
                }
                own = new HashMap<>();
                service = i < lines.length ? virtual(value) : null;
                virtualLine = i + 1;
            } else if (indented && service != null) {
                if (key.equals("real")) {
                    real(service, value);
                } else if (key.equals("fallback")) {
                    fallback(service, value);
                } else {
                    own.put(key, value);
                    known(key, trimmed);
                }
            } else {
                globals.put(key, value);
                known(key, trimmed);
            }
        }
        into.at(name, 0);
    }

    private void known(String key, String text) {
        if (LEFT_OUT.contains(key)) {
            into.note(Note.Kind.IGNORED, "ignored.ldirectord-only", key);
        } else if (Set.of("checktype", "checktimeout", "checkinterval", "failurecount", "quiescent", "service",
                "request", "receive", "scheduler", "protocol", "persistent", "netmask", "checkport",
                "checkcommand").contains(key)) {
            into.took(text);
        } else {
            into.note(Note.Kind.UNREADABLE, "unreadable.keyword", text);
        }
    }

    private ServiceDraft virtual(String value) {
        ServiceKey key;
        if (value.matches("\\d{1,10}")) {
            key = new ServiceKey(null, value, false);
        } else {
            Endpoint endpoint = Endpoint.parse(value);
            if (endpoint == null || endpoint.port() == null) {
                into.note(Note.Kind.UNREADABLE, "unreadable.keyword", "virtual=" + value);
                return null;
            }
            key = new ServiceKey(Protocol.TCP, IpAddr.parse(endpoint.host()).withPort(endpoint.port()), false);
        }
        into.took("virtual=" + value);
        return into.service(key);
    }

    /** real=RIP:PORT gate|masq|ipip [WEIGHT] ["request", "receive"]. */
    private void real(ServiceDraft service, String value) {
        String[] words = value.split("\\s+");
        Endpoint endpoint = Endpoint.parse(words[0]);
        if (endpoint == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.keyword", "real=" + value);
            return;
        }
        BackendDraft backend = service.member(endpoint.host(), endpoint.port());
        into.host(endpoint.host());
        backend.forwarding = words.length > 1 ? forwarding(words[1]) : Forwarding.DR;
        backend.weight = words.length > 2 && words[2].matches("\\d{1,5}") ? Integer.parseInt(words[2]) : 1;
        into.took("real=" + value);
        if (words.length > 3) {
            // a request and answer of this real server's own: the configuration checks all alike
            into.note(Note.Kind.IGNORED, "ignored.real-request", value);
        }
    }

    private void fallback(ServiceDraft service, String value) {
        Endpoint endpoint = Endpoint.parse(value.split("\\s+")[0]);
        if (endpoint == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.keyword", "fallback=" + value);
            return;
        }
        Integer servicePort = Endpoint.port(service.key);
        service.sorryServer = new SorryServer(endpoint.host(),
                endpoint.port() == null || endpoint.port().equals(servicePort) ? null : endpoint.port());
        into.took("fallback=" + value);
    }

    private static Forwarding forwarding(String word) {
        return switch (word) {
            case "masq" -> Forwarding.NAT;
            case "ipip" -> Forwarding.TUN;
            default -> Forwarding.DR;
        };
    }

    /** The service's settings, its own over the globals. */
    private void finish(ServiceDraft service, Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(globals);
        settings.putAll(own);
        if (settings.containsKey("scheduler")) {
            try {
                service.scheduler = IpvsadmArgs.scheduler(settings.get("scheduler"));
            } catch (IpvsadmArgs.Unreadable e) {
                into.note(Note.Kind.UNREADABLE, Texts.of("unreadable.because", "scheduler=" + settings.get("scheduler"),
                        e.reason()));
            }
        }
        String protocol = settings.getOrDefault("protocol", "tcp");
        if (!service.key.isFwmark() && protocol.equals("udp")) {
            ServiceDraft draft = service;
            into.services().remove(draft.key);
            ServiceDraft udp = into.service(new ServiceKey(Protocol.UDP, draft.key.address(), false));
            udp.backends.putAll(draft.backends);
            udp.scheduler = draft.scheduler;
            udp.sorryServer = draft.sorryServer;
            service = udp;
        }
        if (settings.containsKey("persistent")) {
            String netmask = settings.get("netmask");
            String timeout = settings.get("persistent");
            if (timeout.matches("\\d{1,9}")) {
                service.persistence = new Persistence(Long.parseLong(timeout),
                        netmask == null || netmask.equals("255.255.255.255") ? null : netmask);
            } else {
                into.note(Note.Kind.UNREADABLE, "unreadable.value", "persistent=" + timeout);
            }
        }
        service.healthCheck = check(settings, service);
    }

    private HealthCheck check(Map<String, String> settings, ServiceDraft service) {
        String checkPortText = settings.get("checkport");
        Integer checkPort = checkPortText != null && checkPortText.matches("\\d{1,5}") ? Integer.valueOf(checkPortText)
                : null;
        if (checkPortText != null && checkPort == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.value", "checkport=" + checkPortText);
        }
        String type = settings.getOrDefault("checktype", "negotiate");
        // ldirectord takes the service from the port when none is named
        Integer port = Endpoint.port(service.key);
        String kind = settings.getOrDefault("service", port == null ? "none" : port == 443 ? "https"
                : port == 80 ? "http" : "port " + port);
        CheckKind checkKind = switch (type) {
            case "connect" -> CheckKind.TCP;
            case "external", "external-perl" -> CheckKind.COMMAND;
            case "off", "on" -> CheckKind.NONE;
            default -> kind.equals("https") ? CheckKind.HTTPS : kind.equals("http") ? CheckKind.HTTP : null;
        };
        if (checkKind == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.checker", "checktype=" + type + " service=" + kind);
            return null;
        }
        if (checkKind == CheckKind.NONE) {
            return null;
        }
        if (settings.containsKey("receive")) {
            into.note(Note.Kind.IGNORED, "ignored.receive", settings.get("receive"));
        }
        String request = settings.getOrDefault("request", "/");
        String path = request.startsWith("/") ? request : "/" + request;
        boolean http = checkKind == CheckKind.HTTP || checkKind == CheckKind.HTTPS;
        boolean quiescent = !settings.getOrDefault("quiescent", "yes").equals("no");
        return new HealthCheck(checkKind, checkPort, http ? path : null, http ? 200 : null, null,
                checkKind == CheckKind.COMMAND ? settings.get("checkcommand") : null,
                number(settings.get("checkinterval"), 10), number(settings.get("checktimeout"), 5),
                number(settings.get("failurecount"), 1), quiescent ? OnFailure.QUIESCE : OnFailure.REMOVE);
    }

    private static int number(String text, int fallback) {
        return text != null && text.matches("\\d{1,9}") ? Integer.parseInt(text) : fallback;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
