package lvswizard.line;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.RealServer;
import lvswizard.model.Scheduler;
import lvswizard.model.VirtualService;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.Flavour;
import lvswizard.render.Version;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Answers;
import lvswizard.wizard.Edits;
import lvswizard.wizard.Generation;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Messages;

/**
 * The wizard for terminals where full screen does not work (serial consoles, TERM=dumb, piped
 * answers): the same questions in the same order, each answer checked by the same validator.
 */
public final class LineWizard {
    /** Asks one question; returns the answer, or the default on an empty line. Throws at end of input. */
    public interface Prompter {
        String ask(String question, String defaultValue, List<String> choices) throws EndOfInput;
    }

    /** The input ended before the wizard finished. */
    public static final class EndOfInput extends Exception {
        public EndOfInput() {
            super("end of input");
        }
    }

    private final Prompter prompter;
    private final PrintWriter out;
    private final Messages m;
    private Draft draft;

    public LineWizard(Prompter prompter, PrintWriter out, Messages messages, Draft draft) {
        this.prompter = prompter;
        this.out = out;
        this.m = messages;
        this.draft = draft;
    }

    /** 0 when the files were written, 1 when they could not be, 2 when the input ended early. */
    public int run() {
        out.println(m.get("line.intro", Version.current()));
        try {
            askStart();
            askServices();
            askDirector();
            askRealServers();
            return finish();
        } catch (EndOfInput e) {
            out.println(m.get("line.eof"));
            out.flush();
            return 2;
        }
    }

    private void askStart() throws EndOfInput {
        List<String> roles = List.of("director", "real-server", "all");
        String role = choose(m.get("role.label"), roles.get(draft.role().ordinal()), roles);
        draft = draft.with(HostRole.values()[roles.indexOf(role)]);
        List<String> methods = Arrays.stream(Forwarding.values()).map(Object::toString).toList();
        String method = choose(m.get("forwarding.label"), Edits.forwarding(draft.cluster()).toString(), methods);
        Forwarding forwarding = Forwarding.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        if (forwarding != Edits.forwarding(draft.cluster())) {
            draft = draft.with(Edits.withForwarding(draft.cluster(), forwarding));
        }
    }

    private void askServices() throws EndOfInput {
        for (int i = 0; i < draft.cluster().services().size(); i++) {
            askService(i);
        }
    }

    private void askService(int i) throws EndOfInput {
        String p = "services[" + i + "]";
        out.println("-- " + m.get("service.label") + " " + (i + 1));
        List<String> protocols = Arrays.stream(Protocol.values()).map(Object::toString).toList();
        VirtualService s = service(i);
        String protocol = choose(m.get("field.protocol"), s.protocol().toString(), protocols);
        update(i, v -> copy(v, Protocol.valueOf(protocol.toUpperCase(java.util.Locale.ROOT)), v.vip(), v.port(),
                v.fwmark(), v.markPorts(), v.scheduler(), v.persistence()));
        text(m.get("field.vip"), service(i).vip(), p + ".vip", t -> cluster(i, v -> copy(v, v.protocol(), t,
                v.port(), v.fwmark(), v.markPorts(), v.scheduler(), v.persistence())));
        text(m.get("field.port"), str(service(i).port()), p + ".port", t -> cluster(i, v -> copy(v, v.protocol(),
                v.vip(), integer(t), v.fwmark(), v.markPorts(), v.scheduler(), v.persistence())));
        text(m.get("field.fwmark"), str(service(i).fwmark()), p + ".fwmark", t -> cluster(i, v -> copy(v,
                v.protocol(), v.vip(), v.port(), number(t), v.markPorts(), v.scheduler(), v.persistence())));
        text(m.get("field.markPorts"), service(i).markPorts().stream().map(String::valueOf)
                .collect(Collectors.joining(",")), p + ".markPorts", t -> cluster(i, v -> copy(v, v.protocol(),
                v.vip(), v.port(), v.fwmark(), Answers.integers(t), v.scheduler(), v.persistence())));
        List<String> schedulers = Arrays.stream(Scheduler.values()).map(Object::toString).toList();
        for (String name : schedulers) {
            out.println("   " + name + " - " + m.get("sched." + name));
        }
        String scheduler = choose(m.get("field.scheduler"), service(i).scheduler().toString(), schedulers);
        update(i, v -> copy(v, v.protocol(), v.vip(), v.port(), v.fwmark(), v.markPorts(),
                Scheduler.valueOf(scheduler.toUpperCase(java.util.Locale.ROOT)), v.persistence()));
        Persistence persistence = service(i).persistence();
        text(m.get("field.persistence"), persistence == null ? "" : str(persistence.timeout()),
                p + ".persistence", t -> cluster(i, v -> copy(v, v.protocol(), v.vip(), v.port(), v.fwmark(),
                        v.markPorts(), v.scheduler(), t == null ? null : new Persistence(number(t),
                                v.persistence() == null ? null : v.persistence().netmask()))));
    }

    private void askDirector() throws EndOfInput {
        out.println("-- " + m.get("step.director"));
        text(m.get("field.name"), director().name(), "director.name", t -> director(d -> new Director(t,
                d.dipInterface(), d.dips(), d.vipInterface(), d.gateway(), d.ntpServer())));
        text(m.get("field.dipInterface"), director().dipInterface(), "director.dipInterface", t -> director(d ->
                new Director(d.name(), t, d.dips(), d.vipInterface(), d.gateway(), d.ntpServer())));
        text(m.get("field.dips"), String.join(",", director().dips()), "director.dips", t -> director(d ->
                new Director(d.name(), d.dipInterface(), Answers.list(t), d.vipInterface(), d.gateway(), d.ntpServer())));
        text(m.get("field.vipInterface"), director().vipInterface(), "director.vipInterface", t -> director(d ->
                new Director(d.name(), d.dipInterface(), d.dips(), t, d.gateway(), d.ntpServer())));
        text(m.get("field.gateway"), director().gateway(), "director.gateway", t -> director(d ->
                new Director(d.name(), d.dipInterface(), d.dips(), d.vipInterface(), t, d.ntpServer())));
        text(m.get("field.ntpServer"), director().ntpServer(), "director.ntpServer", t -> director(d ->
                new Director(d.name(), d.dipInterface(), d.dips(), d.vipInterface(), d.gateway(), t)));
    }

    private void askRealServers() throws EndOfInput {
        for (int i = 0; i < draft.cluster().realServers().size(); i++) {
            int row = i;
            String p = "realServers[" + i + "]";
            out.println("-- " + m.get("rs.title") + " " + (i + 1));
            text(m.get("field.name"), server(i).name(), p + ".name", t -> serverRow(row, r -> r.withServer(
                    new RealServer(t, r.server().address(), r.server().iface(), r.server().gateway()))));
            text(m.get("field.address"), server(i).address(), p + ".address", t -> serverRow(row, r -> r.withServer(
                    new RealServer(r.server().name(), t, r.server().iface(), r.server().gateway()))));
            text(m.get("field.weight"), Integer.toString(Edits.rows(draft.cluster()).get(i).weight()),
                    "services[0].backends", t -> serverRow(row, r -> new Edits.ServerRow(r.server(), r.port(),
                            t == null ? 1 : Integer.parseInt(t))));
            text(m.get("field.interface"), server(i).iface(), p + ".interface", t -> serverRow(row, r -> r.withServer(
                    new RealServer(r.server().name(), r.server().address(), t, r.server().gateway()))));
            text(m.get("field.gateway"), server(i).gateway(), p + ".gateway", t -> serverRow(row, r -> r.withServer(
                    new RealServer(r.server().name(), r.server().address(), r.server().iface(), t))));
        }
    }

    private int finish() throws EndOfInput {
        List<Finding> findings = Validator.validate(draft.cluster());
        if (!findings.isEmpty()) {
            out.println(m.get("line.findings"));
            findings.forEach(f -> out.println("  " + f.toLine(m.locale())));
        }
        if (Validator.hasErrors(findings)) {
            out.println(m.get("generate.blocked"));
            return 1;
        }
        String dir = prompter.ask(m.get("generate.out"), draft.outputDir().toString(), List.of());
        String flavour = choose(m.get("generate.flavour"), draft.flavour().toString(),
                List.of(Flavour.IPROUTE2.toString(), Flavour.NET_TOOLS.toString()));
        String config = prompter.ask(m.get("line.config"), draft.configPath().toString(), List.of());
        draft = new Draft(draft.cluster(), draft.role(), Path.of(config), Path.of(dir), Flavour.parse(flavour));
        try {
            List<OutputDirectory.Written> written = Generation.write(draft, conflict -> {
                boolean replace = choose(m.get("generate.replace", draft.outputDir()), "no", List.of("yes", "no"))
                        .equals("yes");
                if (!replace) {
                    out.println(conflict.getMessage());
                }
                return replace;
            });
            if (written == null) {
                return 1;
            }
            Generation.report(draft, written, m).forEach(out::println);
            out.println(m.get("line.done"));
            out.flush();
            return 0;
        } catch (OutputException e) {
            out.println(m.get("save.failed", e.getMessage()));
            return 1;
        }
    }

    public Draft draft() {
        return draft;
    }

    // ---- asking -----------------------------------------------------------------------------

    private String choose(String question, String current, List<String> choices) throws EndOfInput {
        while (true) {
            String answer = prompter.ask(question + " (" + String.join("/", choices) + ")", current, choices);
            String normalised = answer == null ? "" : answer.trim().toLowerCase(java.util.Locale.ROOT);
            if (choices.contains(normalised)) {
                return normalised;
            }
            out.println(m.get("line.choices", String.join(", ", choices)));
        }
    }

    /**
     * Asks for a text value until the validator has no error at {@code path} for it; "-" clears
     * the value. The change is applied by {@code apply} to the cluster.
     */
    private void text(String question, String current, String path, Function<String, Cluster> apply)
            throws EndOfInput {
        while (true) {
            String answer = prompter.ask(question, current == null ? "" : current, List.of());
            String value = answer == null || answer.isBlank() ? current : answer.trim();
            if ("-".equals(value) || value != null && value.isBlank()) {
                value = null;
            }
            Cluster candidate;
            try {
                candidate = apply.apply(value);
            } catch (NumberFormatException e) {
                out.println(m.get("line.invalid", "\"" + value + "\" is not a number"));
                continue;
            }
            List<Finding> errors = Validator.validate(candidate).stream()
                    .filter(f -> f.isError() && (f.path().equals(path) || f.path().startsWith(path + ".")
                            || f.path().startsWith(path + "["))).toList();
            if (errors.isEmpty()) {
                draft = draft.with(candidate);
                return;
            }
            errors.forEach(f -> out.println(m.get("line.invalid", f.path() + ": " + f.message(m.locale()))));
            current = value;
        }
    }

    // ---- draft helpers ----------------------------------------------------------------------

    private VirtualService service(int i) {
        return draft.cluster().services().get(i);
    }

    private Director director() {
        Director d = draft.cluster().director();
        return d == null ? new Director(null, null, null, null, null, null) : d;
    }

    private RealServer server(int i) {
        return draft.cluster().realServers().get(i);
    }

    private void update(int i, Function<VirtualService, VirtualService> change) {
        draft = draft.with(cluster(i, change));
    }

    private Cluster cluster(int i, Function<VirtualService, VirtualService> change) {
        return Edits.withService(draft.cluster(), i, change.apply(service(i)));
    }

    private Cluster director(Function<Director, Director> change) {
        return Edits.withDirector(draft.cluster(), change.apply(director()));
    }

    private Cluster serverRow(int row, Function<Edits.ServerRow, Edits.ServerRow> change) {
        return Edits.updateRealServer(draft.cluster(), row, change.apply(Edits.rows(draft.cluster()).get(row)));
    }

    private static VirtualService copy(VirtualService v, Protocol protocol, String vip, Integer port, Long fwmark,
                                       List<Integer> markPorts, Scheduler scheduler, Persistence persistence) {
        return new VirtualService(v.name(), protocol, vip, port, fwmark, markPorts, scheduler, v.schedulerFlags(),
                persistence, v.backends());
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static Long number(String text) {
        return text == null ? null : Long.valueOf(text);
    }

}
