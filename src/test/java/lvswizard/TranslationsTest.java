package lvswizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lvswizard.exec.Command;
import lvswizard.exec.CommandLog;
import lvswizard.exec.Execution;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import lvswizard.exec.Runner;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.Fixtures;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.MonitorReport;
import lvswizard.model.Cluster;
import lvswizard.ops.Changes;
import lvswizard.ops.ConfiguredServers;
import lvswizard.ops.Doctor;
import lvswizard.ops.HostState;
import lvswizard.ops.IpvsReader;
import lvswizard.ops.OpsException;
import lvswizard.ops.Preflight;
import lvswizard.ops.KeepalivedHost;
import lvswizard.ops.PairState;
import lvswizard.ops.TrustedBundle;
import lvswizard.ops.PairStateTest;
import lvswizard.ops.Role;
import lvswizard.ops.RoleRun;
import lvswizard.ops.SharedRecords;
import lvswizard.ops.WeightEditor;
import lvswizard.imports.Importer;
import lvswizard.imports.Lint;
import lvswizard.imports.HostSourceTest;
import lvswizard.imports.ImportReport;
import lvswizard.imports.SourceFinding;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Ipvsadm;
import lvswizard.plan.Plan;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.Templates;
import lvswizard.render.TopologyDiagram;
import lvswizard.text.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the operator reads about this host is in both languages: (a) every bundle's English
 * and Chinese have the same keys and placeholders, and (b) what doctor, preflight, the change list,
 * a run, the monitor and the topology show for every example, on pretend hosts in every state
 * worth a word, contains no English prose in Chinese. Prose is a run of two or more English
 * words (acronyms too); commands, paths, addresses and names are arguments of the messages (or, in the monitor
 * and topology lines, the configuration's and ipvsadm's own words) and are taken out first.
 */
class TranslationsTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** An English word: letters only (VIP too), maybe in brackets or followed by punctuation; not -w or eth0. */
    private static final Pattern WORD = Pattern.compile("[(\\[\"]?[A-Za-z]+(?:'[a-z]+)?[,.;:)\\]\"]?");
    /** How many English words in a row are prose: two ("add the VIP" is caught, "DR VIP" has DR as an argument). */
    private static final int PROSE_WORDS = 2;
    /** ipvsadm's own column names, which the monitor shows as ipvsadm does. */
    private static final List<String> IPVSADM_COLUMNS = List.of("CONNS", "INPKTS", "OUTPKTS", "INBYTES", "OUTBYTES",
            "CPS", "INPPS", "OUTPPS", "INBPS", "OUTBPS");
    /** Values that are the same in both languages: ipvsadm's and the kernel's own words. */
    private static final Set<String> SAME_IN_BOTH = Set.of("lvswizard/validation/findings_en.properties:what.fwmark");
    /** The bundles of the layers below the windows: the scenarios must reach each of their keys. */
    private static final List<String> HOST_BUNDLES = List.of("lvswizard.ops.texts", "lvswizard.render.texts",
            "lvswizard.plan.texts",
            "lvswizard.ipvs.texts", "lvswizard.exec.texts", "lvswizard.imports.texts");
    /** Keys no scenario reaches, and why. */
    private static final Map<String, String> UNREACHED = Map.of(
            "lvswizard.ops.texts:run.snapshot-not-set-aside", "needs a rename that fails after a successful undo",
            "lvswizard.ops.texts:snapshot.untrusted", "its detail is TrustedDirectory's line, English as run's --out"
                    + " refusal; RunCommandTest shows it",
            "lvswizard.ops.texts:lab.untrusted", "its detail is TrustedDirectory's line; LabCommandTest shows it",
            "lvswizard.plan.texts:address.invalid", "a finding's reason: FindingTextsTest reaches it",
            "lvswizard.plan.texts:address.prefix-range", "a finding's reason: FindingTextsTest reaches it",
            "lvswizard.plan.texts:address.netmask", "a finding's reason: FindingTextsTest reaches it",
            "lvswizard.plan.texts:address.brackets", "a finding's reason: FindingTextsTest reaches it",
            "lvswizard.plan.texts:address.white-space", "a finding's reason: FindingTextsTest reaches it",
            "lvswizard.plan.texts:address.required", "a finding's reason: FindingTextsTest reaches it");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T23:25:56Z"), ZoneOffset.UTC);

    /** One text the operator reads, in Chinese, with the literal words in it (names, commands, ipvsadm's). */
    private record Shown(String where, String text, Set<String> literals) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final Set<String> keysUsed = new TreeSet<>();

    // ---- (a) the bundles ----------------------------------------------------------------------

    @Test
    void everyBundleHasTheSameKeysAndPlaceholdersInBothLanguages() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            english = files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).sorted().toList();
        }
        assertThat(english).extracting(f -> RESOURCES.relativize(f).toString()).contains(
                "lvswizard/messages_en.properties", "lvswizard/validation/findings_en.properties",
                "lvswizard/ops/texts_en.properties", "lvswizard/render/texts_en.properties",
                "lvswizard/plan/texts_en.properties",
                "lvswizard/ipvs/texts_en.properties", "lvswizard/exec/texts_en.properties",
                "lvswizard/imports/texts_en.properties");
        List<String> problems = new ArrayList<>();
        for (Path enFile : english) {
            Path zhFile = enFile.resolveSibling(enFile.getFileName().toString().replace("_en.", "_zh."));
            String name = RESOURCES.relativize(enFile).toString();
            if (!Files.exists(zhFile)) {
                problems.add(name + ": no Chinese file " + zhFile.getFileName());
                continue;
            }
            Properties en = load(enFile);
            Properties zh = load(zhFile);
            for (String key : union(en.stringPropertyNames(), zh.stringPropertyNames())) {
                String e = en.getProperty(key);
                String z = zh.getProperty(key);
                if (e == null || z == null) {
                    problems.add(name + ": " + key + " only in " + (e == null ? "zh" : "en"));
                    continue;
                }
                if (!placeholders(e).equals(placeholders(z))) {
                    problems.add(name + ": " + key + " has placeholders " + placeholders(e) + " in en, "
                            + placeholders(z) + " in zh");
                }
                if (z.isBlank() || hasProse(e) && !z.matches("(?s).*\\p{IsHan}.*") && !SAME_IN_BOTH.contains(name + ":" + key)) {
                    problems.add(name + ": " + key + " is not translated: \"" + z + "\"");
                }
                for (String pattern : List.of(e, z)) {
                    if (pattern.replace("''", "").contains("'")) {
                        problems.add(name + ": " + key + ": a single ' disappears in MessageFormat (write ''): " + pattern);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- (b) what the operator reads about this host, in Chinese ---------------------------------

    @Test
    void doctorPreflightChangesRunsMonitorAndTopologyAreChineseThroughout(@TempDir Path dir) throws Exception {
        collectEverything(dir);
        assertThat(shown).hasSizeGreaterThan(500);
        List<String> problems = new ArrayList<>();
        Set<String> kept = wordsKeptInChinese();
        for (Shown s : shown) {
            List<String> prose = englishProse(s.text(), s.literals());
            if (!prose.isEmpty()) {
                problems.add(s.where() + ": English " + prose + " in: " + s.text());
            }
            List<String> strays = strayWords(s.text(), s.literals(), kept);
            if (!strays.isEmpty()) {
                problems.add(s.where() + ": English word " + strays + " in: " + s.text());
            }
        }
        for (String used : keysUsed) {
            String[] bundleAndKey = used.split(":", 2);
            for (String language : List.of("en", "zh")) {
                if (!bundle(bundleAndKey[0], language).containsKey(bundleAndKey[1])) {
                    problems.add(used + ": no " + language + " text");
                }
            }
        }
        Set<String> reached = new TreeSet<>(keysUsed);
        for (String bundle : HOST_BUNDLES) {
            Properties zh = bundle(bundle, "zh");
            for (String key : zh.stringPropertyNames()) {
                Pattern pattern = asRegex(zh.getProperty(key));
                if (shown.stream().anyMatch(s -> pattern.matcher(s.text()).find())) {
                    reached.add(bundle + ":" + key); // composed into a line (doctor's verdicts, the monitor's words)
                }
            }
            for (String key : zh.stringPropertyNames()) {
                if (!reached.contains(bundle + ":" + key) && !UNREACHED.containsKey(bundle + ":" + key)) {
                    problems.add(bundle + ":" + key + ": no scenario shows it; add one (or say why in UNREACHED)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theProseCheckFindsTheEnglishItIsMeantToCatch(@TempDir Path dir) throws Exception {
        Plan seed = Examples.plan("seed-dr");
        HostNeeds director = HostNeeds.director(seed);
        FakeHost host = host(director, seed, Variant.WRONG);
        HostState state = HostState.read(host, director);
        assertThat(Doctor.check(director, state, seed)).anySatisfy(c -> assertThat(englishProse(c.toLine(), Set.of()))
                .as(c.toLine()).isNotEmpty());
        assertThat(Preflight.check(host, director, state, seed)).allSatisfy(p -> assertThat(englishProse(p.toLine(),
                literals(p.line()))).as(p.toLine()).isNotEmpty());
        assertThat(Changes.ofStart(director, state, seed)).allSatisfy(c -> assertThat(englishProse(c.english(),
                literals(c))).as(c.english()).isNotEmpty());
        assertThat(MonitorReport.lines(table(host, "list"), null, MonitorReport.View.CONNECTIONS, Map.of()))
                .anySatisfy(l -> assertThat(englishProse(l, Set.of())).isNotEmpty());
        assertThat(TopologyDiagram.lines(seed, 1)).anySatisfy(l -> assertThat(englishProse(l, Set.of())).isNotEmpty());
        assertThat(englishProse("这是 ip route replace default via 的说明", Set.of())).isNotEmpty();
        assertThat(englishProse("运行 ip route replace default via 10.0.0.1", Set.of("ip route replace default via 10.0.0.1")))
                .as("a command given as an argument is not prose").isEmpty();
        assertThat(englishProse("DR VIP 192.168.101.168 在 lo 上；用 ipvsadm -E / -e", Set.of("DR"))).isEmpty();
        assertThat(englishProse("在 eth1 上 add the VIP", Set.of())).containsExactly("add the VIP");
    }

    @Test
    void aServicesLabelReadsTheSameInEnglishAsInTheScripts() {
        for (String example : Examples.names()) {
            Examples.plan(example).services().forEach(s -> assertThat(s.text().english()).isEqualTo(s.label()));
        }
    }

    @Test
    void chineseLinesStillLineUp() throws Exception {
        FakeHost host = new FakeHost();
        List<String> report = MonitorReport.lines(table(host, "list"), null, MonitorReport.View.CONNECTIONS, Map.of(),
                ZH);
        String header = report.get(1);
        String server = report.get(2);
        assertThat(header).startsWith("  真实服务器").contains("转发", "权重", "非活动", "占比/权重");
        assertThat(lvswizard.text.TextWidth.of(header.substring(0, header.indexOf("转发"))))
                .as("the forwarding column starts where the servers' does").isEqualTo(server.indexOf("Masq"));
        List<String> diagram = TopologyDiagram.lines(Examples.plan("seed-dr"), 40, ZH);
        assertThat(diagram).contains("客户端", "(路由器 192.168.101.254)");
        List<String> box = diagram.stream().filter(l -> l.startsWith("|") || l.startsWith("+-")).toList();
        assertThat(box).extracting(lvswizard.text.TextWidth::of).as("the box is square in cells").containsOnly(
                lvswizard.text.TextWidth.of(box.get(0)));
    }

    // ---- the scenarios ---------------------------------------------------------------------------

    /** How a pretend host stands against a role's needs. */
    private enum Variant {
        /** everything as the role needs it, and started */
        GOOD,
        /** the interfaces and own addresses there; every other thing wrong or in another role's way */
        WRONG,
        /** nothing at all: no interface, not root, no ipvsadm, a kernel without the modules */
        BARE,
        /** as GOOD, but not root */
        USER,
        /** as GOOD, but the kernel has no IPVS */
        NO_IPVS,
        /** as GOOD, but the kernel lacks the schedulers (and tunnel drivers) */
        NO_SCHEDULER,
        /** as GOOD, but ip_vs not loaded yet and ipvsadm fails */
        UNLOADED,
        /** as GOOD, but ipvsadm fails for a reason of its own */
        IPVSADM_FAILS
    }

    private void collectEverything(Path dir) throws Exception {
        for (String check : List.of("{\"kind\":\"tcp\"}", "{\"kind\":\"none\"}",
                "{\"kind\":\"command\",\"command\":\"/usr/local/bin/check-app --port 8080\"}")) {
            Plan plan = Examples.plan(Examples.cluster(Examples.set(Examples.tree("nat-portmap"),
                    "/services/0/healthCheck", check)));
            Set<String> literals = planLiterals(plan);
            TopologyDiagram.serviceLines(plan, ZH).forEach(l -> line("services with check " + check, l, literals));
        }
        for (String example : Examples.names()) {
            Cluster cluster = Examples.load(example);
            Plan plan = Examples.plan(cluster);
            for (int max : new int[] {40, 1}) {
                Set<String> literals = planLiterals(plan);
                TopologyDiagram.lines(plan, max, ZH).forEach(l -> line("topology " + example, l, literals));
                TopologyDiagram.serviceLines(plan, ZH).forEach(l -> line("services " + example, l, literals));
            }
            for (HostNeeds needs : HostNeeds.all(plan)) {
                for (Variant variant : Variant.values()) {
                    String where = example + " " + needs.scriptName() + " " + variant;
                    FakeHost host = host(needs, plan, variant);
                    HostState state = HostState.read(host, needs);
                    for (Doctor.Check check : Doctor.check(needs, state, plan)) {
                        show(where + " doctor", check.what());
                        show(where + " doctor", check.found());
                        if (check.fix() != null) {
                            show(where + " doctor", check.fix());
                        }
                        Set<String> literals = union(union(literals(check.what()), literals(check.found())),
                                check.fix() == null ? Set.of() : literals(check.fix()));
                        line(where + " doctor line", check.toLine(ZH), literals);
                    }
                    Preflight.check(host, needs, state, plan).forEach(p -> show(where + " preflight", p.line()));
                    Changes.ofStart(needs, state, plan).forEach(c -> show(where + " changes", c));
                    runs(dir.resolve(example).resolve(needs.scriptName() + "-" + variant), host, plan, needs, where);
                }
            }
            monitor(cluster, example);
        }
        failures(dir.resolve("failures"));
        keepalived(dir.resolve("keepalived"));
        imports();
    }

    /** Import and lint of every source in the corpus, and of this host: each line of the report in Chinese. */
    private void imports() throws Exception {
        Path corpus = Path.of("src/test/resources/imports");
        List<List<String>> sets = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> sets.add(List.of(f.toString())));
        }
        sets.add(List.of(corpus.resolve("seed-director.sh").toString(), corpus.resolve("realserver-careless.sh").toString()));
        sets.add(List.of(corpus.resolve("keepalived-pair-a.conf").toString(),
                corpus.resolve("keepalived-pair-b.conf").toString()));
        sets.add(List.of(Importer.HOST));
        sets.add(List.of(Importer.HOST, "route"));
        for (List<String> sources : sets) {
            boolean host = sources.get(0).equals(Importer.HOST);
            Importer.Result result = Importer.from(sources.subList(0, host ? 1 : sources.size()), null,
                    host ? HostSourceTest.director(sources.size() == 1 ? HostSourceTest.MANGLE : null,
                            sources.size() == 1 ? null : "not json") : new lvswizard.exec.FakeRunner());
            String where = "import " + sources;
            Set<String> literals = new LinkedHashSet<>(result.missing());
            result.notes().forEach(n -> {
                show(where, n.text());
                literals.addAll(literals(n.text()));
                literals.add(n.source());
                line(where, n.toLine(ZH), union(literals(n.text()), Set.of(n.source())));
            });
            for (SourceFinding finding : result.findings()) {
                show(where + " lint", finding.text());
                literals.addAll(literals(finding.text()));
                literals.add(finding.where());
                line(where + " lint", finding.toLine(ZH), union(literals(finding.text()), Set.of(finding.where())));
            }
            Lint.Report report = Lint.of(result, ZH);
            report.lines().forEach(l -> line(where + " lint line", l, literals));
            line(where + " lint summary", report.summary(String.join(", ", sources), ZH), Set.copyOf(sources));
            show(where, Importer.summary(result, "imported.json", 0));
            ImportReport.brief(result, ZH, 1).forEach(l -> line(where + " brief", l, literals));
        }
    }

    /** A director in keepalived mode on hosts as they come: every run, the doctor, the monitor's health. */
    private void keepalived(Path dir) throws Exception {
        Plan plan = Examples.plan("nat-portmap");
        HostNeeds director = HostNeeds.director(plan);
        String conf = KeepalivedExport.conf(plan, Templates.packaged());
        String table = String.join("\n", Ipvsadm.restoreLines(plan)) + "\n";
        int n = 0;
        for (String situation : List.of("fresh", "ours-running", "not-installed", "refused", "foreign-file",
                "foreign-running", "other-running", "never-loads")) {
            Path out = Files.createDirectories(dir.resolve(situation));
            Files.writeString(out.resolve(director.scriptName()), "#!/bin/bash\n");
            if (!situation.equals("fresh")) {
                Files.writeString(out.resolve(KeepalivedExport.FILE_NAME), conf);
            }
            FakeHost host = host(director, plan, Variant.GOOD);
            host.files.clear();
            host.ipvsRules = "";
            host.keepalivedVersion = situation.equals("not-installed") ? null : "2.2.7";
            host.keepalivedRules = situation.equals("never-loads") ? "" : table;
            switch (situation) {
                case "ours-running" -> {
                    host.fileContents.put(IpvsOwner.KEEPALIVED_CONF, conf);
                    host.keepalivedRuns(700, "keepalived", "--dont-fork");
                }
                case "refused" -> host.keepalivedRefuses = "(Line 9) Unknown keyword 'lvs_schedd'";
                case "foreign-file" -> host.fileContents.put(IpvsOwner.KEEPALIVED_CONF, "! Configuration File\n");
                case "foreign-running" -> {
                    host.fileContents.put(IpvsOwner.KEEPALIVED_CONF, "! Configuration File\n");
                    host.keepalivedRuns(700, "keepalived", "--dont-fork");
                }
                case "other-running" -> host.keepalivedRuns(977, "keepalived", "-f", "/etc/keepalived/site.conf");
                default -> { }
            }
            String where = "keepalived " + situation;
            RoleRun run = roleRun(host, plan, director, out, where, true).owned(IpvsOwner.KEEPALIVED);
            attempt(where, () -> run.start(true));
            attempt(where, () -> run.start(false));
            attempt(where, () -> run.status(false));
            attempt(where, () -> run.stop(false));
            attempt(where, () -> run.status(false));
            attempt(where, () -> run.undo(false));
            HostState state = HostState.read(host, director);
            KeepalivedHost keepalived = KeepalivedHost.read(host);
            state = new HostState(state.addresses(), state.sysctls(), state.gateways(), state.modules(), state.marks(),
                    n++ % 3 == 2 ? "" : n % 3 == 1 ? table.replace("-a -t 192.168.101.168:80 -r 10.10.20.11:8080 -m -w 1\n", "")
                            : "-A -t 192.168.101.168:80 -s wlc\n-a -t 192.168.101.168:80 -r 10.10.20.100:8080 -m -w 1\n",
                    null, state.uid(), false, state.loadable(), state.peersHeard(), state.forwardPolicies());
            for (String expected : List.of(conf, conf + "# edited\n")) {
                doctor(where, Doctor.checkKeepalived(director, state, plan, keepalived, expected));
            }
            // and with this cluster's keepalived running its file: the table is its checks' verdicts
            host.fileContents.put(IpvsOwner.KEEPALIVED_CONF, conf);
            host.keepalivedRuns(700, "keepalived");
            doctor(where + " healthy", Doctor.checkKeepalived(director, state, plan, KeepalivedHost.read(host), conf));
        }
        // one real server: the change list's singular
        ObjectNode single = Examples.tree("nat-portmap");
        ((ArrayNode) single.at("/services/0/backends")).remove(2);
        ((ArrayNode) single.at("/services/0/backends")).remove(1);
        Examples.set(single, "/services/0/quorum", "null");
        Plan one = Examples.plan(Examples.cluster(single));
        HostNeeds oneDirector = HostNeeds.director(one);
        Path oneOut = Files.createDirectories(dir.resolve("one"));
        Files.writeString(oneOut.resolve(oneDirector.scriptName()), "#!/bin/bash\n");
        FakeHost oneHost = host(oneDirector, one, Variant.GOOD);
        oneHost.keepalivedVersion = "2.2.7";
        attempt("keepalived one", () -> roleRun(oneHost, one, oneDirector, oneOut, "keepalived one", false)
                .owned(IpvsOwner.KEEPALIVED).start(true));
        // a keepalived that does not go: stop says so and changes nothing further (waits 5 s)
        FakeHost stubborn = host(oneDirector, one, Variant.GOOD);
        stubborn.keepalivedVersion = "2.2.7";
        stubborn.fileContents.put(IpvsOwner.KEEPALIVED_CONF, KeepalivedExport.conf(one, Templates.packaged()));
        stubborn.keepalivedRuns(700, "keepalived");
        Runner ignoresTerm = (c, l) -> c.argv().contains("-TERM") ? FakeRunner.exit(c, 0, "", "") : stubborn.run(c, l);
        attempt("keepalived stubborn", () -> new RoleRun(ignoresTerm, one, oneDirector, oneOut,
                console("keepalived stubborn", true), Duration.ofSeconds(5), CLOCK).owned(IpvsOwner.KEEPALIVED)
                .stop(false));
        // no check: the change list's plain service lines
        Plan seed = Examples.plan("seed-dr");
        HostNeeds seedDirector = HostNeeds.director(seed);
        FakeHost seedHost = host(seedDirector, seed, Variant.GOOD);
        seedHost.keepalivedVersion = "2.2.7";
        attempt("keepalived unchecked", () -> roleRun(seedHost, seed, seedDirector, oneOut, "keepalived unchecked",
                false).owned(IpvsOwner.KEEPALIVED).start(true));

        Plan fwmark = Examples.plan("fwmark-https");
        HostNeeds fwmarkDirector = HostNeeds.director(fwmark);
        FakeHost host = host(fwmarkDirector, fwmark, Variant.GOOD);
        host.keepalivedVersion = "2.2.7";
        host.fileContents.put(IpvsOwner.KEEPALIVED_CONF, KeepalivedExport.conf(fwmark, Templates.packaged()));
        host.keepalivedRuns(700, "keepalived");
        HostState state = HostState.read(host, fwmarkDirector);
        state = new HostState(state.addresses(), state.sysctls(), state.gateways(), state.modules(), state.marks(),
                "-A -f 1 -s wlc -p 600\n-a -f 1 -r 10.10.10.11:0 -g -w 0\n-a -f 1 -r 10.10.10.12:0 -g -w 1\n", null,
                state.uid(), false, state.loadable(), state.peersHeard(), state.forwardPolicies());
        doctor("keepalived quiesced", Doctor.checkKeepalived(fwmarkDirector, state, fwmark, KeepalivedHost.read(host),
                KeepalivedExport.conf(fwmark, Templates.packaged())));

        // a pair: which side this director is on, and a split
        Plan pair = PairStateTest.TWO_VIPS;
        HostNeeds second = HostNeeds.backupDirector(pair);
        List<Boolean> peerHeard = java.util.Arrays.asList(true, false, null);
        int side = 0;
        for (List<String> vips : List.of(List.of("192.168.101.168/24", "192.168.101.169/24"),
                List.<String>of(), List.of("192.168.101.169/24"))) {
            Map<String, List<String>> addresses = Map.of("eth0", List.of("10.10.10.9/24"), "eth1", vips);
            show("pair " + vips, PairState.of(pair, second, addresses).text());
            Map<String, Boolean> heard = new java.util.HashMap<>();
            heard.put("10.10.10.10", peerHeard.get(side++));
            HostState pairState = new HostState(addresses, Map.of(), Map.of(), Set.of(), Map.of(), "", null, "0",
                    false, Set.of(), heard, Map.of());
            doctor("pair " + vips, Doctor.checkKeepalived(second, pairState, pair, KeepalivedHost.read(host),
                    KeepalivedExport.confFor(pair, second.name(), Templates.packaged())));
        }
        show("pair elsewhere", PairState.elsewhere());
        // the pair's director in keepalived mode: start and status say its side and whether the peer answers
        Plan haDr = Examples.plan("ha-dr");
        HostNeeds first = HostNeeds.director(haDr);
        Path pairOut = Files.createDirectories(dir.resolve("pair-run"));
        Files.writeString(pairOut.resolve("director.sh"), "#!/bin/bash\n");
        Files.writeString(pairOut.resolve(KeepalivedExport.fileName(haDr, first.name())),
                KeepalivedExport.confFor(haDr, first.name(), Templates.packaged()));
        FakeHost pairHost = FakeHost.seedDirector();
        pairHost.modules.addAll(List.of("ip_vs", "ip_vs_wlc"));
        pairHost.keepalivedVersion = "2.2.7";
        pairHost.keepalivedRules = String.join("\n", Ipvsadm.restoreLines(haDr)) + "\n";
        pairHost.vrrpAddresses.put("eth1", List.of("192.168.101.168/24"));
        pairHost.answersPing.add("10.10.10.9");
        RoleRun pairRun = roleRun(pairHost, haDr, first, pairOut, "pair run", true).owned(IpvsOwner.KEEPALIVED);
        attempt("pair run", () -> pairRun.start(false));
        pairHost.answersPing = null;
        attempt("pair run", () -> pairRun.status(false));
        show("pair monitor", PairState.now(pairHost, haDr));
        Plan natPlan = Examples.plan("nat-portmap");
        HostNeeds natForwarder = HostNeeds.director(natPlan);
        FakeHost closed = new FakeHost().address("eth0", "10.10.20.1/24").address("eth1");
        closed.forwardPolicy = "DROP";
        doctor("forward drop", Doctor.check(natForwarder, HostState.read(closed, natForwarder), natPlan));
        Path notABundle = Files.createDirectories(dir.resolve("not-a-bundle"));
        Files.writeString(notABundle.resolve("lab.sh"), "#!/bin/sh\n");
        show("lab bundle", TrustedBundle.problem(notABundle, 1000));

        Configured configured = new Configured(Map.of("10.10.10.11:80", "rs1", "10.10.10.14:80", "rs4"),
                Map.of("TCP 192.168.101.168:80", List.of("10.10.10.11:80", "10.10.10.14:80"),
                        "UDP 192.168.101.168:53", List.of("10.10.10.11:53")),
                Map.of("UDP 192.168.101.168:53", "10.10.10.12:53"));
        IpvsTable listed = table(new FakeHost(), "list");
        Set<String> literals = new LinkedHashSet<>(List.of("rs1", "rs4"));
        literals.addAll(IPVSADM_COLUMNS);
        literals.addAll(List.of("B", "KB", "MB", "GB", "TB"));
        listed.services().forEach(s -> {
            literals.add(s.key());
            literals.add(s.scheduler());
            literals.addAll(List.of(s.flags().split(",")));
            s.servers().forEach(r -> literals.add(r.forward()));
        });
        MonitorReport.rows(listed, null, MonitorReport.View.CONNECTIONS, configured, ZH)
                .forEach(row -> line("monitor keepalived", row.text(), literals));
    }

    private void doctor(String where, List<Doctor.Check> checks) {
        for (Doctor.Check check : checks) {
            show(where + " doctor", check.what());
            show(where + " doctor", check.found());
            if (check.fix() != null) {
                show(where + " doctor", check.fix());
            }
            Set<String> literals = union(union(literals(check.what()), literals(check.found())),
                    check.fix() == null ? Set.of() : literals(check.fix()));
            line(where + " doctor line", check.toLine(ZH), literals);
        }
    }

    /** Every run a role can make on the host: dry runs, a declined and a confirmed start, undo. */
    private void runs(Path out, FakeHost host, Plan plan, HostNeeds needs, String where) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(needs.scriptName()), "#!/bin/bash\n");
        RoleRun declined = roleRun(host, plan, needs, out, where + " run", false);
        RoleRun confirmed = roleRun(host, plan, needs, out, where + " run", true);
        attempt(where, () -> declined.start(true));
        attempt(where, () -> declined.status(true));
        attempt(where, () -> declined.stop(true));
        attempt(where, () -> declined.start(false));
        attempt(where, () -> confirmed.start(false));
        attempt(where, () -> confirmed.undo(true));
        attempt(where, () -> confirmed.undo(false));
        attempt(where, () -> confirmed.undo(true)); // no snapshot any more
    }

    /** What goes wrong rather than what the host is like: missing files, failing commands, bad roles. */
    private void failures(Path dir) throws Exception {
        Plan seed = Examples.plan("seed-dr");
        HostNeeds director = HostNeeds.director(seed);
        FakeHost fresh = host(director, seed, Variant.WRONG);
        fresh.ipvsRules = "";
        fresh.addresses.put("lo", new ArrayList<>(List.of("127.0.0.1/8")));
        Files.createDirectories(dir);
        attempt("missing script", () -> roleRun(fresh, seed, director, dir.resolve("empty"), "missing", true)
                .status(false));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("director.sh"), "#!/bin/bash\n");
        Files.writeString(out.resolve("snapshots"), "a file where the directory should be\n");
        attempt("unsavable snapshot", () -> roleRun(fresh, seed, director, out, "snapshot", true).start(false));
        Path garbage = Files.createDirectories(dir.resolve("garbage/snapshots"));
        Files.writeString(garbage.resolve("director.json"), "{ not json");
        Files.writeString(garbage.resolveSibling("director.sh"), "#!/bin/bash\n");
        attempt("not a snapshot", () -> roleRun(fresh, seed, director, garbage.getParent(), "garbage", true)
                .undo(true));

        FakeHost slow = host(director, seed, Variant.GOOD);
        slow.scripts = c -> new Execution(c, -1, "", "", Duration.ofSeconds(120), Execution.Ending.TIMED_OUT);
        Path slowOut = Files.createDirectories(dir.resolve("slow"));
        Files.writeString(slowOut.resolve("director.sh"), "#!/bin/bash\n");
        attempt("timeout", () -> roleRun(slow, seed, director, slowOut, "timeout", true).status(false));
        var ipv6Nat = Examples.tree("ipv6-dr");
        for (int i = 0; i < ipv6Nat.at("/services/0/backends").size(); i++) {
            Examples.set(ipv6Nat, "/services/0/backends/" + i + "/forwarding", "\"nat\"");
            Examples.set(ipv6Nat, "/realServers/" + i + "/gateway", "\"2001:db8:10::10\"");
        }
        // a valid NAT cluster: its clients are not on the real servers' subnet
        Examples.set(ipv6Nat, "/services/0/vip", "\"2001:db8:20::100/64\"");
        HostNeeds.director(Examples.plan(Examples.cluster(ipv6Nat))).sysctls().forEach(s -> show("IPv6 NAT", s.label()));
        var oneNicNat = Examples.tree("nat-portmap");
        Examples.set(oneNicNat, "/director/vipInterface", "\"eth0\"");
        HostNeeds.director(Examples.plan(Examples.cluster(oneNicNat))).sysctls().forEach(s -> show("one-NIC NAT",
                s.label()));
        Path undoing = Files.createDirectories(dir.resolve("undoing"));
        Files.writeString(undoing.resolve("director.sh"), "#!/bin/bash\n");
        FakeHost good = host(director, seed, Variant.GOOD);
        good.files.clear();
        good.ipvsRules = "";
        attempt("start", () -> roleRun(good, seed, director, undoing, "start", true).start(false));
        attempt("undo dry run", () -> roleRun(good, seed, director, undoing, "undo", true).undo(true));
        Runner failingSave = (c, l) -> c.display().equals("ipvsadm -S -n") ? FakeRunner.exit(c, 1, "", "Permission denied")
                : good.run(c, l);
        attempt("undo stopped", () -> new RoleRun(failingSave, seed, director, undoing, console("undo", true),
                Duration.ofSeconds(5), CLOCK).undo(false));
        // a host in two clusters: undo leaves the ARP fix the other cluster's script still holds
        HostNeeds rs1 = HostNeeds.realServer(seed, seed.hosts().get(0));
        FakeHost shared = FakeHost.seedRealServer();
        Path sharedOut = Files.createDirectories(dir.resolve("shared-out"));
        Files.writeString(sharedOut.resolve(rs1.scriptName()), "#!/bin/bash\n");
        Path held = Files.createDirectories(dir.resolve("shared/net-7/net.ipv4.conf.all.arp_ignore"));
        Files.writeString(held.resolve("owner.other.realserver-web1"), "");
        SharedRecords records = new SharedRecords(dir.resolve("shared"), "7");
        attempt("shared start", () -> roleRun(shared, seed, rs1, sharedOut, "shared", true).reading(records)
                .start(false));
        attempt("shared undo", () -> roleRun(shared, seed, rs1, sharedOut, "shared", true).reading(records)
                .undo(false));
        // snapshots that are not what start saved: refused before anything runs
        Path hostile = Files.createDirectories(dir.resolve("hostile"));
        Files.writeString(hostile.resolve("director.sh"), "#!/bin/bash\n");
        Path snapshot = Files.createDirectories(hostile.resolve("snapshots")).resolve("director.json");
        for (String text : List.of(
                "{\"role\":\"director.sh\",\"taken\":\"t\",\"sysctls\":{\"/proc/sys/kernel/core_pattern\":\"1\"}}",
                "{\"role\":\"realserver-rs1.sh\",\"taken\":\"t\",\"sysctls\":{}}",
                "{\"role\":\"director.sh\",\"taken\":\"t\",\"sysctls\":{},\"ipvsRules\":\"--start-daemon master\"}")) {
            Files.writeString(snapshot, text);
            attempt("hostile snapshot", () -> roleRun(good, seed, director, hostile, "hostile", true).undo(false));
        }
        HostNeeds natDirector = HostNeeds.director(Examples.plan("nat-portmap"));
        Path badValue = Files.createDirectories(dir.resolve("bad-value"));
        Files.writeString(badValue.resolve("director.sh"), "#!/bin/bash\n");
        Files.writeString(Files.createDirectories(badValue.resolve("snapshots")).resolve("director.json"),
                "{\"role\":\"director.sh\",\"taken\":\"t\",\"sysctls\":{\"/proc/sys/net/ipv4/ip_forward\":\"1; x\"}}");
        attempt("snapshot bad value", () -> roleRun(good, Examples.plan("nat-portmap"), natDirector, badValue,
                "bad value", true).undo(false));

        Function<FakeRunner, FakeRunner> quiet = r -> r.otherwise(c -> FakeRunner.exit(c, 1, "", "no"));
        attempt("ip fails", () -> HostState.read(quiet.apply(new FakeRunner().answer("ip -j addr show", 1, "",
                "Object \"addr\" is unknown")), director));
        attempt("ip garbage", () -> HostState.read(quiet.apply(new FakeRunner().answer("ip -j addr show", 0,
                "not json")), director));
        attempt("ip route garbage", () -> HostState.read(quiet.apply(new FakeRunner().answer("ip -j addr show", 0,
                "[]").answer("ip -j -4 route show default", 0, "{{")), director));
        attempt("ls fails", () -> HostState.read(quiet.apply(new FakeRunner().answer("ip -j addr show", 0, "[]")
                .answer("ip -j -4 route show default", 0, "[]").answer("ls /sys/module", 2, "",
                        "ls: cannot access '/sys/module'")), director));
        attempt("no ipvsadm", () -> new IpvsReader(new FakeRunner().missing("ipvsadm")).read());
        attempt("not root", () -> new IpvsReader(new FakeRunner().answer("ipvsadm", 2, "",
                "Can't initialize ipvs: Permission denied (you must be root)")).read());
        attempt("no ipvs", () -> new IpvsReader(new FakeRunner().answer("ipvsadm", 2, "",
                "Can't initialize ipvs: Protocol not available")).read());
        attempt("ipvsadm odd", () -> new IpvsReader(new FakeRunner().answer("ipvsadm", 3, "", "odd")).read());

        FakeHost director2 = host(director, seed, Variant.GOOD);
        attempt("weight gone", () -> new WeightEditor(director2).setWeight("TCP 192.168.101.168:80", "10.9.9.9:80", 0));
        attempt("weight kind", () -> new WeightEditor(director2).setWeight("XYZ 1", "10.9.9.9:80", 0));
        director2.uid = "1000";
        attempt("weight user", () -> new WeightEditor(director2).setWeight("TCP 192.168.101.168:80", "10.10.10.11:80",
                0));
        FakeHost twoServers = new FakeHost().address("eth0", "10.10.10.11/24", "10.10.10.12/24");
        for (String role : List.of("realserver:rs9", "realserver", "boss", "director:lb9")) {
            attempt("role " + role, () -> Role.resolve(role, seed, new FakeHost()));
        }
        attempt("role realserver, two", () -> Role.resolve("realserver", seed, twoServers));

        for (Execution.Ending ending : Execution.Ending.values()) {
            show("ended " + ending, new Execution(Command.of("true"), 3, "", "Cannot run program \"true\"",
                    Duration.ZERO, ending).ended());
        }
        CommandLog log = new CommandLog(dir.resolve("snapshots-file/commands.log"));
        Files.writeString(dir.resolve("snapshots-file"), "a file where the directory should be\n");
        log.around(fresh).run(Command.of("id", "-u"));
        show("command log", log.fileWarning());
        Path linked = Files.createSymbolicLink(dir.resolve("linked.log"), dir.resolve("elsewhere"));
        CommandLog toLink = new CommandLog(linked);
        toLink.around(fresh).run(Command.of("id", "-u"));
        show("command log link", toLink.fileWarning());
    }

    /** The monitor on the example's director, from ipvsadm listings, in every view, with and without a baseline. */
    private void monitor(Cluster cluster, String example) throws IOException {
        Map<String, String> names = ConfiguredServers.names(cluster);
        for (String listing : List.of("list", "empty", "one-service")) {
            FakeHost host = new FakeHost();
            IpvsTable table = table(host, listing);
            Set<String> literals = new LinkedHashSet<>(names.values());
            literals.addAll(IPVSADM_COLUMNS);
            literals.addAll(List.of("B", "KB", "MB", "GB", "TB")); // the byte counts' units, as ipvsadm's
            table.services().forEach(s -> {
                literals.add(s.key());
                literals.add(s.scheduler());
                literals.addAll(List.of(s.flags().split(",")));
                s.servers().forEach(r -> literals.add(r.forward()));
            });
            for (MonitorReport.View view : MonitorReport.View.values()) {
                for (IpvsTable baseline : new IpvsTable[] {null, table}) {
                    MonitorReport.lines(table, baseline, view, names, ZH)
                            .forEach(l -> line("monitor " + example + " " + listing + " " + view, l, literals));
                }
                line("monitor view", MonitorReport.viewName(view, ZH), Set.of());
            }
        }
    }

    private static IpvsTable table(FakeHost host, String listing) throws IOException {
        host.outputs.put("ipvsadm -L -n", Fixtures.listing(listing));
        host.outputs.put("ipvsadm -L -n --stats --exact", Fixtures.listing(listing.equals("list") ? "stats-exact"
                : "empty-stats"));
        host.outputs.put("ipvsadm -L -n --rate --exact", Fixtures.listing(listing.equals("list") ? "rate-exact"
                : "empty-stats"));
        try {
            return new IpvsReader(host).read();
        } catch (OpsException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A pretend host standing against the role's needs as the variant says. */
    private static FakeHost host(HostNeeds needs, Plan plan, Variant variant) {
        FakeHost host = new FakeHost().address("lo", "127.0.0.1/8");
        if (variant == Variant.BARE) {
            host.uid = "1000";
            host.ipvsadmInstalled = false;
            host.notInKernel.addAll(needs.modules());
            host.gateway4 = "192.0.2.1";
            return host;
        }
        needs.devices().forEach(dev -> host.addresses.putIfAbsent(dev, new ArrayList<>()));
        needs.ownAddresses().forEach(own -> host.address(own.dev(), own.address().cidr()));
        if (variant == Variant.WRONG) {
            for (HostNeeds.Addr vip : needs.vips()) {
                host.address(needs.isDirector() ? "lo" : needs.ownAddresses().get(0).dev(), vip.address().cidr());
            }
            needs.sysctls().forEach(s -> host.sysctls.put(s.path(), "7"));
            host.gateway4 = "192.0.2.1";
            List<String> rules = new ArrayList<>(Ipvsadm.restoreLines(plan));
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).startsWith("-a ")) {
                    members.add(i);
                }
            }
            if (!members.isEmpty()) {
                String last = rules.get(members.get(members.size() - 1));
                rules.add(last.replaceFirst(" -r \\S+", " -r 203.0.113.9:80")); // present but not configured
                rules.set(members.get(members.size() - 1), last.replaceFirst(" -w \\d+", " -w 99")); // differs
                if (members.size() > 1) {
                    rules.remove((int) members.get(0)); // missing
                }
            }
            host.ipvsRules = String.join("\n", rules) + "\n";
            return host;
        }
        needs.vips().forEach(vip -> host.address(vip.dev(), vip.address().cidr()));
        needs.sysctls().forEach(s -> host.sysctls.put(s.path(), s.value()));
        host.modules.addAll(needs.modules());
        if (needs.gateway() != null && !needs.gateway().via().isIPv6()) {
            host.gateway4 = needs.gateway().via().text();
        }
        needs.marks().forEach(mark -> host.marks.add(String.join(" ", mark.spec())));
        host.ipvsRules = String.join("\n", Ipvsadm.restoreLines(plan)) + "\n";
        host.files.add(needs.stateDir() + "/started");
        switch (variant) {
            case USER -> host.uid = "1000";
            case NO_IPVS -> {
                host.modules.removeIf(m -> m.startsWith("ip_vs"));
                host.notInKernel.addAll(needs.modules());
                host.notInKernel.add("ip_vs");
            }
            case NO_SCHEDULER -> {
                host.modules.removeIf(m -> !m.equals("ip_vs"));
                host.notInKernel.addAll(needs.modules().stream().filter(m -> !m.equals("ip_vs")).toList());
            }
            case UNLOADED -> {
                host.modules.remove("ip_vs");
                host.ipvsadmFails = "Can't initialize ipvs: Protocol not available";
            }
            case IPVSADM_FAILS -> host.ipvsadmFails = "Memory allocation problem";
            default -> {
            }
        }
        return host;
    }

    private RoleRun roleRun(Runner runner, Plan plan, HostNeeds needs, Path out, String where, boolean yes) {
        return new RoleRun(runner, plan, needs, out, console(where, yes), Duration.ofSeconds(120), CLOCK);
    }

    private RoleRun.Console console(String where, boolean yes) {
        return new RoleRun.Console() {
            @Override
            public void say(Message text) {
                show(where, text);
            }

            @Override
            public void output(String line) {
                // the script's own words: shown as they are
            }

            @Override
            public boolean confirm(List<Message> changes) {
                changes.forEach(c -> show(where + " confirm", c));
                return yes;
            }
        };
    }

    private interface Attempt {
        Object run() throws Exception;
    }

    /** Runs it; what it refuses with is shown too. */
    private void attempt(String where, Attempt attempt) {
        try {
            attempt.run();
        } catch (OpsException e) {
            show(where + " refused", e.text());
        } catch (Exception e) {
            throw new AssertionError(where + ": " + e, e);
        }
    }

    private void show(String where, Message message) {
        keys(message, keysUsed);
        shown.add(new Shown(where, message.format(ZH), literals(message)));
    }

    private void line(String where, String text, Set<String> literals) {
        shown.add(new Shown(where, text, literals));
    }

    // ---- the check -------------------------------------------------------------------------------

    /** Runs of English words ({@value #PROSE_WORDS} or more) left once the literal words are taken out. */
    static List<String> englishProse(String text, Collection<String> literals) {
        String rest = withoutLiterals(text, literals);
        List<String> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String token : (rest + " \u3007").split("\\s+")) {
            if (WORD.matcher(token).matches()) {
                run.add(token);
                continue;
            }
            if (run.size() >= PROSE_WORDS) {
                runs.add(String.join(" ", run));
            }
            run.clear();
        }
        return runs;
    }

    /**
     * English words a Chinese text has that are neither an argument nor a word the Chinese wording
     * itself keeps (modprobe, sudo, root, start...): a single word that escaped translation.
     */
    static List<String> strayWords(String text, Collection<String> literals, Set<String> kept) {
        List<String> strays = new ArrayList<>();
        for (String token : withoutLiterals(text, literals).split("\\s+")) {
            if (WORD.matcher(token).matches()) {
                String word = token.replaceAll("[^A-Za-z']", "");
                if (!kept.contains(word)) {
                    strays.add(word);
                }
            }
        }
        return strays;
    }

    /** The English words the Chinese patterns of every bundle use on purpose. */
    private static Set<String> wordsKeptInChinese() throws IOException {
        Set<String> kept = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path zh : files.filter(f -> f.getFileName().toString().endsWith("_zh.properties")).toList()) {
                for (Object value : load(zh).values()) {
                    Matcher words = Pattern.compile("[A-Za-z]+").matcher(PLACEHOLDER.matcher(value.toString())
                            .replaceAll(" "));
                    while (words.find()) {
                        kept.add(words.group());
                    }
                }
            }
        }
        return kept;
    }

    private static String withoutLiterals(String text, Collection<String> literals) {
        String rest = text;
        List<String> longestFirst = literals.stream().filter(l -> !l.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String literal : longestFirst) {
            rest = rest.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(literal) + "(?![A-Za-z0-9])",
                    Matcher.quoteReplacement(" \u3007 "));
        }
        return rest;
    }

    private static boolean hasProse(String pattern) {
        return Pattern.compile("\\b[a-z]{3,}\\b").matcher(PLACEHOLDER.matcher(pattern).replaceAll(" ")).find();
    }

    /** The literal arguments of a message and of every message inside it. */
    private static Set<String> literals(Message message) {
        Set<String> literals = new LinkedHashSet<>();
        for (Object arg : message.args()) {
            if (arg instanceof Message nested) {
                literals.addAll(literals(nested));
            } else {
                literals.add(arg.toString());
            }
        }
        return literals;
    }

    private static void keys(Message message, Set<String> keys) {
        keys.add(message.bundle().baseName() + ":" + message.key());
        message.args().stream().filter(a -> a instanceof Message).forEach(a -> keys((Message) a, keys));
    }

    /** The configuration's own words in the topology: names, interfaces, schedulers, protocols. */
    private static Set<String> planLiterals(Plan plan) {
        Set<String> literals = new LinkedHashSet<>(List.of(plan.cluster().director().name(),
                plan.cluster().director().vipInterface(), plan.cluster().director().dipInterface()));
        plan.hosts().forEach(h -> literals.addAll(List.of(h.server().name(), h.server().iface())));
        plan.services().forEach(s -> s.members().forEach(m -> literals.add(m.backend().forwarding().name())));
        plan.services().forEach(s -> {
            literals.add(s.spec().scheduler().toString());
            literals.add(s.spec().protocol().toString());
            if (s.spec().name() != null) {
                literals.add(s.spec().name());
            }
            if (s.spec().healthCheck() != null) {
                // the check's protocol and method as keepalived and HTTP spell them, and its command
                literals.addAll(List.of(s.spec().healthCheck().kind().toString().toUpperCase(Locale.ROOT), "GET"));
                if (s.spec().healthCheck().command() != null) {
                    literals.addAll(List.of(s.spec().healthCheck().command().split(" ")));
                }
            }
        });
        return literals;
    }

    /** A Chinese pattern as a regex that finds its text in a line: the words as they are, any text for {n}. */
    private static Pattern asRegex(String pattern) {
        String text = pattern.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append(".*?");
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(text.substring(at))).toString());
    }

    private static final Map<String, Properties> BUNDLES = new HashMap<>();

    private static Properties bundle(String baseName, String language) {
        return BUNDLES.computeIfAbsent(baseName + "_" + language, name -> {
            try {
                return load(RESOURCES.resolve(name.replace('.', '/') + ".properties"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
