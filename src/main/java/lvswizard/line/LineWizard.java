package lvswizard.line;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lvswizard.config.ConfigException;
import lvswizard.exec.ExecRunner;
import lvswizard.exec.Runner;
import lvswizard.imports.ImportReport;
import lvswizard.imports.Importer;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.output.OutputDirectory;
import lvswizard.output.OutputException;
import lvswizard.render.Version;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.wizard.At;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Edits;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Generation;
import lvswizard.wizard.Invalid;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;
import lvswizard.wizard.Roster;
import lvswizard.wizard.Scope;
import lvswizard.wizard.Step;

/**
 * The wizard for terminals where full screen does not work (serial consoles, TERM=dumb, piped
 * answers): the same fields as the full-screen wizard, from the same declarations, in the same
 * order, each answer checked by the same validator. Services and real servers are lists: add, edit,
 * remove, done.
 */
public final class LineWizard {
    /** Asks one question; returns the answer, or the default on an empty line. Throws at end of input. */
    public interface Prompter {
        String ask(String question, String defaultValue, List<String> choices) throws EndOfInput;

        /**
         * Whether a person answers (who can read a refusal and answer again). Piped answers cannot:
         * after a refused one every later answer would land on the wrong question.
         */
        default boolean interactive() {
            return true;
        }

        /** The question as both prompters print it: the default in [brackets], then ": ". */
        static String prompt(String question, String defaultValue) {
            return question + (defaultValue == null || defaultValue.isEmpty() ? "" : " [" + defaultValue + "]") + ": ";
        }
    }

    /** The input ended before the wizard finished, or the operator pressed Ctrl-C. */
    public static class EndOfInput extends Exception {
        private final boolean interrupted;

        public EndOfInput() {
            this(false);
        }

        public EndOfInput(boolean interrupted) {
            super(interrupted ? "interrupted" : "end of input");
            this.interrupted = interrupted;
        }

        /** Ctrl-C at a prompt, not the end of the input. */
        public boolean interrupted() {
            return interrupted;
        }
    }

    /** How a session ended; the command line maps each to its exit code. */
    public enum Outcome {
        /** The configuration was saved and the files written. */
        WRITTEN,
        /** The operator stopped with validation errors left: nothing was written. */
        ERRORS_LEFT,
        /** The output directory could not be used (or the operator would not replace its files). */
        UNUSABLE_OUTPUT,
        /** The input ended, or a piped answer was refused: nothing was written. */
        INPUT_ENDED,
        /** Ctrl-C at a prompt: nothing was written. */
        INTERRUPTED
    }

    /**
     * No field takes a longer answer (a path is at most 4096 bytes), and reading a pasted binary
     * must not take minutes: a longer line is refused.
     */
    public static final int MAX_ANSWER = 4096;

    private static final String DONE = "done";

    private final Prompter prompter;
    private final PrintWriter out;
    private final Messages m;
    private final Recent recent;
    /** Reads this host's state when an import names it. */
    private final Runner runner;
    private Draft draft;
    /** The configuration file as this session opened it (null: none, or it did not exist yet). */
    private byte[] opened;
    /** The schedulers are explained once, before the first question about one. */
    private boolean schedulersShown;

    /** @param draft what to edit; null asks first (a new configuration, the file used last, another, the example) */
    public LineWizard(Prompter prompter, PrintWriter out, Messages messages, Draft draft, Recent recent) {
        this.prompter = prompter;
        this.out = out;
        this.m = messages;
        this.draft = draft;
        this.recent = recent;
        this.runner = new ExecRunner();
    }

    public LineWizard(Prompter prompter, PrintWriter out, Messages messages, Draft draft) {
        this(prompter, out, messages, draft, Recent.none());
    }

    public Outcome run() {
        out.println(m.get("line.intro", Version.current()));
        try {
            if (draft == null) {
                draft = askStart();
            }
            opened = contentOf(draft.configPath());
            Step step = Step.START;
            while (true) {
                switch (step) {
                    case START -> askFields(Step.START, At.NONE, Scope.DRAFT, Scope.CLUSTER);
                    case SERVICES -> askServices();
                    case DIRECTOR -> {
                        Cluster before = draft.cluster();
                        askFields(Step.DIRECTOR, At.NONE, Scope.DIRECTOR, Scope.FAILOVER);
                        draft = draft.with(Edits.followFloatingGateway(before, draft.cluster()));
                    }
                    case REAL_SERVERS -> askRealServers();
                    default -> {
                        Optional<Step> again = review();
                        if (again.isEmpty()) {
                            return finish();
                        }
                        step = again.get();
                        continue;
                    }
                }
                step = step.next();
            }
        } catch (Refused e) {
            out.println(e.reason);
            out.flush();
            return Outcome.INPUT_ENDED;
        } catch (EndOfInput e) {
            // the prompt that found the end of the input is still on its line
            out.println();
            out.println(m.get(e.interrupted() ? "line.interrupted" : "line.eof"));
            out.flush();
            return e.interrupted() ? Outcome.INTERRUPTED : Outcome.INPUT_ENDED;
        } catch (Blocked e) {
            out.println(m.get("generate.blocked"));
            out.flush();
            return Outcome.ERRORS_LEFT;
        }
    }

    public Draft draft() {
        return draft;
    }

    /** One answer; an answer longer than {@link #MAX_ANSWER} is refused like any unreadable one. */
    private String read(String question, String defaultValue, List<String> choices) throws EndOfInput {
        while (true) {
            String answer = prompter.ask(question, defaultValue, choices);
            if (answer == null || answer.length() <= MAX_ANSWER) {
                return answer;
            }
            refuse(question, answer, m.get("line.too.long", answer.length(), MAX_ANSWER));
        }
    }

    /** The operator chose to stop with errors left. */
    private static final class Blocked extends Exception {
        Blocked() {
            super(null, null, false, false);
        }
    }

    // ---- start ------------------------------------------------------------------------------

    private Draft askStart() throws EndOfInput {
        Optional<Path> last = recent.last();
        last.ifPresent(file -> out.println(m.get("line.recent", file)));
        List<String> choices = List.of("new", "open", "import", "example");
        String how = choose(m.get("line.start"), last.isPresent() ? "open" : "new", choices);
        if (how.equals("new")) {
            return Opening.newConfiguration(null);
        }
        if (how.equals("import")) {
            return importSetup();
        }
        if (how.equals("example")) {
            try {
                return Opening.example();
            } catch (ConfigException e) {
                out.println(e.getMessage());
                return Opening.newConfiguration(null);
            }
        }
        while (true) {
            String file = read(m.get("line.file"), last.map(Path::toString).orElse(""), List.of());
            try {
                return Opening.open(Path.of(file == null ? "" : file.trim()));
            } catch (ConfigException | RuntimeException e) {
                out.println(m.get("line.invalid", e.getMessage()));
            }
        }
    }

    /** Asks for the sources until they import; prints what could not be read and what will be asked. */
    private Draft importSetup() throws EndOfInput {
        while (true) {
            List<String> sources = ImportReport.sources(read(m.get("line.import"), "", List.of()));
            if (sources.isEmpty()) {
                out.println(m.get("line.invalid", m.get("start.import.empty")));
                continue;
            }
            try {
                Importer.Result result = Importer.from(sources, null, runner);
                ImportReport.brief(result, m.locale(), BRIEF_LINES).forEach(out::println);
                return Opening.imported(result.cluster());
            } catch (Importer.ImportException e) {
                out.println(m.get("line.invalid", e.getMessage()));
            }
        }
    }

    /** Lines not understood printed after an import; lvs-wizard import prints them all. */
    private static final int BRIEF_LINES = 10;

    // ---- fields -----------------------------------------------------------------------------

    private void askFields(Step step, At at, Scope... scopes) throws EndOfInput {
        out.println("-- " + m.get(step.titleKey()));
        for (Scope scope : scopes) {
            for (FieldSpec field : Fields.of(step, scope)) {
                if (field.kind() != FieldSpec.Kind.LIST && field.isRelevant(draft, at)) {
                    ask(field, at);
                }
            }
        }
    }

    /**
     * Asks one field until the answer can be read and the validator has no error at this field that
     * the answer brought (keeping a value from a file is allowed, so that no error is a dead end; a
     * missing value is not: it must be given). "-" clears a text.
     */
    private void ask(FieldSpec field, At at) throws EndOfInput {
        String question = new Fields.Located(field, at).where(m);
        List<String> choices = field.kind() == FieldSpec.Kind.TEXT ? List.of() : field.choices(draft);
        explain(field, choices);
        while (true) {
            String current = field.get(draft, at);
            String answer = choices.isEmpty() ? read(question, current, choices)
                    : choose(question, current, choices);
            answer = answer == null ? current : answer.trim();
            if (answer.equals("-") && choices.isEmpty()) {
                answer = "";
            }
            if (answer.equals("?") && !(field.kind() == FieldSpec.Kind.TEXT && field.keys().matcher("?").matches())) {
                out.println("   " + m.get(field.helpKey()));
                continue;
            }
            Draft candidate;
            try {
                candidate = field.set(draft, at, answer);
            } catch (Invalid e) {
                refuse(question, answer, e.text(m));
                continue;
            }
            List<Finding> errors = errorsAt(candidate, field, at);
            if (errors.isEmpty() || answer.equals(current) && !answer.isEmpty()) {
                draft = candidate;
                return;
            }
            refuse(question, answer, errors.get(0).message(m.locale()));
            errors.stream().skip(1).forEach(f -> out.println(m.get("line.invalid", f.message(m.locale()))));
        }
    }

    /**
     * Says why an answer was not accepted; from a pipe that ends the session (the next answers were
     * meant for the next questions), from a person the question is asked again.
     */
    private void refuse(String question, String answer, String why) throws Refused {
        out.println(m.get("line.invalid", why));
        if (!prompter.interactive()) {
            throw new Refused(m.get("line.refused.piped", question, clip(answer)));
        }
    }

    private static String clip(String answer) {
        return answer.length() <= 80 ? answer : answer.substring(0, 80) + "...";
    }

    /** A piped answer was refused: nothing is written. */
    private static final class Refused extends EndOfInput {
        private final String reason;

        Refused(String reason) {
            this.reason = reason;
        }
    }

    /** The choices of a radio field with their sentences, and (once) the schedulers with what each is for. */
    private void explain(FieldSpec field, List<String> choices) {
        if (field.id().equals("service.scheduler")) {
            if (!schedulersShown) {
                choices.forEach(c -> out.println("   " + c + " - " + m.get("sched." + c)));
                schedulersShown = true;
            }
        } else if (field.kind() == FieldSpec.Kind.RADIO) {
            for (String choice : choices) {
                String key = field.id() + "." + choice;
                String text = m.get(key);
                if (!text.equals(key)) {
                    out.println("   " + (text.startsWith(choice) ? text : choice + ": " + text));
                }
            }
        }
    }

    private static List<Finding> errorsAt(Draft candidate, FieldSpec field, At at) {
        Cluster c = candidate.cluster();
        return Validator.validate(c).stream().filter(Finding::isError)
                .filter(f -> Fields.locate(c, f.path()).map(w -> w.field() == field && w.at().equals(at))
                        .orElse(false)).toList();
    }

    private String choose(String question, String current, List<String> choices) throws EndOfInput {
        while (true) {
            String answer = read(question + " (" + String.join("/", choices) + ")", current, choices);
            String normalised = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
            if (choices.contains(normalised)) {
                return normalised;
            }
            refuse(question, normalised, m.get("line.choices", String.join(", ", choices)));
        }
    }

    // ---- lists --------------------------------------------------------------------------------

    private void askServices() throws EndOfInput {
        out.println("-- " + m.get(Step.SERVICES.titleKey()));
        if (draft.cluster().services().isEmpty()) {
            addService();
        }
        while (true) {
            List<VirtualService> services = draft.cluster().services();
            for (int i = 0; i < services.size(); i++) {
                out.println("   " + (i + 1) + ": " + describe(services.get(i)));
            }
            int wrong = firstWithErrors(Step.SERVICES);
            String action = action(wrong < 0 ? DONE : "edit " + (wrong + 1), services.size());
            if (action.equals(DONE)) {
                return;
            }
            if (action.equals("add")) {
                addService();
            } else if (action.startsWith("edit ")) {
                editService(number(action));
            } else {
                int index = number(action);
                if (yes(m.get("remove.service", index + 1, describe(services.get(index))))) {
                    draft = draft.with(Edits.removeService(draft.cluster(), index));
                }
            }
        }
    }

    private void addService() throws EndOfInput {
        draft = draft.with(Edits.addService(draft.cluster(), draft.forwarding()));
        editService(draft.cluster().services().size() - 1);
    }

    private void editService(int index) throws EndOfInput {
        out.println("-- " + m.get("service.label") + " " + (index + 1));
        for (Scope scope : new Scope[] {Scope.SERVICE, Scope.CHECK}) {
            for (FieldSpec field : Fields.of(Step.SERVICES, scope)) {
                if (field.isRelevant(draft, At.service(index))) {
                    ask(field, At.service(index));
                }
            }
        }
    }

    private void askRealServers() throws EndOfInput {
        out.println("-- " + m.get(Step.REAL_SERVERS.titleKey()));
        while (true) {
            List<Roster.Row> rows = Roster.rows(draft.cluster());
            for (int i = 0; i < rows.size(); i++) {
                Roster.Row row = rows.get(i);
                String address = Fields.byId("server.address").get(draft, At.row(i));
                out.println("   " + (i + 1) + ": " + (row.name() == null ? "?" : row.name()) + " "
                        + (row.defined() ? address : m.get("rs.undefined")));
            }
            int wrong = firstWithErrors(Step.REAL_SERVERS);
            String fallback = rows.isEmpty() ? "add" : wrong < 0 ? DONE : "edit " + (wrong + 1);
            String action = action(fallback, rows.size());
            if (action.equals(DONE)) {
                return;
            }
            if (action.equals("add")) {
                draft = draft.with(Edits.addRealServer(draft.cluster(), Edits.newServer(draft), draft.forwarding()));
                editServer(draft.cluster().realServers().size() - 1);
            } else if (action.startsWith("edit ")) {
                int row = number(action);
                draft = draft.with(Edits.define(draft.cluster(), row));
                editServer(Roster.rowOf(draft.cluster(), rows.get(row).name()));
            } else {
                int row = number(action);
                String name = rows.get(row).name();
                if (yes(m.get("remove.server", row + 1, name == null ? "?" : name))) {
                    draft = draft.with(Edits.removeRow(draft.cluster(), row));
                }
            }
        }
    }

    /** One real server's own fields, then its membership of each service and the member's fields. */
    private void editServer(int row) throws EndOfInput {
        out.println("-- " + m.get("rs.title") + " " + (row + 1));
        for (FieldSpec field : Fields.of(Step.REAL_SERVERS, Scope.REAL_SERVER)) {
            ask(field, At.row(row));
        }
        for (int s = 0; s < draft.cluster().services().size(); s++) {
            out.println("   " + m.get("service.label") + " " + (s + 1) + ": "
                    + describe(draft.cluster().services().get(s)));
            for (FieldSpec field : Fields.of(Step.REAL_SERVERS, Scope.MEMBER)) {
                if (field.isRelevant(draft, At.member(s, row))) {
                    ask(field, At.member(s, row));
                }
            }
        }
    }

    /** "add", "edit N", "remove N" or "done", N counted from 1; returned with N counted from 0. */
    private String action(String fallback, int size) throws EndOfInput {
        List<String> verbs = List.of("add", "edit", "remove", DONE);
        while (true) {
            String answer = read(m.get("line.list"), fallback, verbs);
            String text = answer == null ? fallback : answer.trim().toLowerCase(Locale.ROOT);
            String[] parts = text.split("\\s+");
            if (parts.length == 1 && (parts[0].equals("add") || parts[0].equals(DONE))) {
                return parts[0];
            }
            if (parts.length == 2 && (parts[0].equals("edit") || parts[0].equals("remove"))
                    && parts[1].matches("[0-9]{1,6}") && Integer.parseInt(parts[1]) >= 1
                    && Integer.parseInt(parts[1]) <= size) {
                return parts[0] + " " + (Integer.parseInt(parts[1]) - 1);
            }
            refuse(m.get("line.list"), text, m.get("line.list.choices", size));
        }
    }

    private static int number(String action) {
        return Integer.parseInt(action.substring(action.indexOf(' ') + 1));
    }

    private boolean yes(String question) throws EndOfInput {
        return choose(question, "no", List.of("yes", "no")).equals("yes");
    }

    /** The first service (or real server row) with an error, by its position; -1 when none. */
    private int firstWithErrors(Step step) {
        Cluster c = draft.cluster();
        return Validator.validate(c).stream().filter(Finding::isError)
                .map(f -> Fields.locate(c, f.path()).orElse(null))
                .filter(w -> w != null && w.field().step() == step)
                .mapToInt(w -> step == Step.SERVICES ? w.at().service() : w.at().row())
                .filter(i -> i >= 0).min().orElse(-1);
    }

    private static String describe(VirtualService s) {
        String what = s.hasFwmark() ? "fwmark " + s.fwmark() : s.protocol() + " " + (s.vip() == null ? "?" : s.vip())
                + ":" + (s.port() == null ? "?" : s.port());
        return s.name() == null ? what : what + " (" + s.name() + ")";
    }

    // ---- the end ------------------------------------------------------------------------------

    /** Every finding; with errors, which step to go back to (or stop). Empty: go on to write. */
    private Optional<Step> review() throws EndOfInput, Blocked {
        List<Finding> findings = Validator.validate(draft.cluster());
        if (!findings.isEmpty()) {
            out.println(m.get("line.findings"));
            for (Finding f : findings) {
                out.println("  " + Fields.line(draft.cluster(), f, m));
            }
        }
        if (!Validator.hasErrors(findings)) {
            return Optional.empty();
        }
        List<String> steps = List.of("start", "services", "director", "real-servers", "quit");
        String back = choose(m.get("line.back"), "quit", steps);
        if (back.equals("quit")) {
            throw new Blocked();
        }
        return Optional.of(Step.values()[steps.indexOf(back)]);
    }

    /**
     * Saves the configuration first (the operator has just named the file, and nothing they did is
     * lost whatever happens to the files), then writes the files; when the output directory holds
     * other files that the operator does not want replaced, it asks for another directory.
     */
    private Outcome finish() throws EndOfInput {
        askFields(Step.GENERATE, At.NONE, Scope.DRAFT);
        draft = draft.withConfigPath(askConfigPath());
        try {
            Generation.saveConfig(draft);
        } catch (OutputException | RuntimeException e) {
            out.println(m.get("save.failed", e.getMessage()));
            return Outcome.UNUSABLE_OUTPUT;
        }
        // where the configuration went: in the report of the files, or in the line that none were written
        recent.remember(draft.configPath());
        while (true) {
            List<OutputDirectory.Written> written;
            try {
                written = Generation.writeFiles(draft, conflict -> {
                    out.println(Generation.conflictText(conflict, m));
                    return yes(m.get("generate.replace", draft.outputDir()));
                });
            } catch (OutputException | RuntimeException e) {
                // unusable as it is (not a directory, another user's, no room): another directory may do
                out.println(m.get("write.failed", e.getMessage()));
                written = null;
            }
            if (written != null) {
                Generation.report(draft, written, m).forEach(out::println);
                out.println();
                out.println(Generation.summary(draft, written, m));
                out.println(m.get("line.done"));
                out.flush();
                return Outcome.WRITTEN;
            }
            String other = read(m.get("line.other.out"), "", List.of());
            if (other == null || other.isBlank()) {
                out.println(m.get("line.not.written", draft.configPath()));
                out.flush();
                return Outcome.UNUSABLE_OUTPUT;
            }
            draft = draft.withOutput(Path.of(other.trim()), draft.flavour());
        }
    }

    /**
     * Whether {@code file} is the one this session opened, as it was then: saving over it needs no
     * question. A file created or changed by someone else since is asked about like any other.
     */
    private boolean isOpenedUnchanged(Path file) {
        return opened != null && file.equals(draft.configPath()) && Arrays.equals(opened, contentOf(file));
    }

    private static byte[] contentOf(Path file) {
        try {
            return file == null || !Files.isRegularFile(file) ? null : Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the configuration is saved: never over a shipped example; over another file only when confirmed. */
    private Path askConfigPath() throws EndOfInput {
        String fallback = draft.configPath() != null ? draft.configPath().toString() : draft.cluster().name() + ".json";
        while (true) {
            String answer = read(m.get("line.config"), fallback, List.of());
            String text = answer == null ? fallback : answer.trim();
            String problem = Opening.saveProblem(text, m);
            if (problem != null) {
                out.println(m.get("line.invalid", problem));
                continue;
            }
            Path file = Path.of(text);
            if (!Files.exists(file) || isOpenedUnchanged(file) || yes(m.get("save.as.replace", file))) {
                return file;
            }
        }
    }
}
