package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.RadioBoxList;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.exec.FakeRunner;
import lvswizard.exec.Runner;
import lvswizard.model.RealServer;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Format;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Generation;
import lvswizard.wizard.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dialogs keep the legend's promises: Esc closes, F1 helps, the safe answer has the focus, nothing half-done stays. */
@Timeout(60)
class WizardDialogsTest {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    private static VirtualScreen seed(Path dir, Runner runner, HostRole role) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), role, dir.resolve("saved.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        return new VirtualScreen(draft, EN, runner, 100, 30).start();
    }

    /** The wizard on the NAT pair example in a terminal of that size, its pair's dialog open. */
    private static VirtualScreen haNatPairDialog(Path dir, int columns, int rows) throws Exception {
        Draft draft = new Draft(Examples.load("ha-nat"), HostRole.ALL, dir.resolve("ha-nat.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, columns, rows).start();
        ui.waitFor("This host is");
        ui.goTo(Step.DIRECTOR);
        ui.click("Second director (on)...");
        ui.waitFor("Second director (keepalived VRRP pair)");
        return ui;
    }

    private static void toRealServers(VirtualScreen ui) throws InterruptedException {
        ui.waitFor("This host is");
        for (int i = 0; i < 3; i++) {
            ui.ctrl('n');
        }
        ui.waitFor("10.10.10.12/24");
    }

    @Test
    void anEmptyAddIsRefusedUntilFilledAndEscLeavesTheClusterAsItWas(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            toRealServers(ui);
            var before = ui.wizard.draft().cluster();
            ui.tabToButton("Add");
            ui.press(KeyType.Enter);
            ui.waitFor("Real server 3");
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitForAll("Fix the errors above first", "real server address (RIP) is missing");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().isEmpty(), "the address");
            ui.type("192.168.50.300/24");
            ui.waitForFlat("\"192.168.50.300/24\" is not an IPv4 or IPv6 address");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("Real server 3");
            assertThat(ui.wizard.draft().cluster()).as("nothing of the cancelled server stays").isEqualTo(before);
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void aServersMembershipIsEditedPerServiceAndTheTableShowsIt(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            toRealServers(ui);
            ui.press(KeyType.Enter);
            ui.waitFor("Real server 1");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("2"), "rs1's weight in service 1");
            ui.type("5");
            assertThat(((TextBox) ui.focused()).getText()).as("typed over, not appended: 5, not 25").isEqualTo("5");
            ui.press(KeyType.ReverseTab);
            ui.press(KeyType.Tab);
            ui.press(KeyType.ArrowLeft);
            ui.type("7");
            assertThat(((TextBox) ui.focused()).getText()).as("an arrow first edits in place").isEqualTo("75");
            ui.ctrl('u');
            assertThat(((TextBox) ui.focused()).getText()).as("Ctrl-U clears").isEmpty();
            ui.type("5");
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitUntilGone("Real server 1");
            assertThat(ui.wizard.draft().cluster().services().get(0).backends().get(0).weight()).isEqualTo(5);
            assertThat(ui.wizard.draft().cluster().services().get(0).backends().get(0).forwarding().toString())
                    .isEqualTo("dr");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void theTitleMarksChangesNotSavedYet(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("saved.json"), ConfigFile.toJson(Examples.load("seed-dr")));
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, file, dir.resolve("out"), Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 100, 30).start()) {
            assertThat(ui.waitFor("Start  ·  " + file)).doesNotContain("[modified]");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("seed-dr"), "the cluster name");
            ui.type("x");
            ui.waitFor("Start  ·  [modified] " + file);
            var typedIn = ui.focused();
            ui.ctrl('s');
            ui.waitForFlat("Configuration saved to " + file);
            assertThat(ui.waitFor("Start  ·  " + file)).doesNotContain("[modified]");
            assertThat(ui.focused()).as("Ctrl-S keeps the focus on the field").isSameAs(typedIn);
            ui.ctrl('c');
            ui.outcome();
        }
    }

    /** A blocking error under a field is one line; F1 on the field adds the rule's reason (Review's "Why"). */
    @Test
    void f1OnAFieldWithAnErrorSaysWhyItMatters(@TempDir Path dir) throws Exception {
        var dipAsGateway = Examples.set(Examples.tree("seed-dr"), "/realServers/0/gateway", "\"10.10.10.10\"");
        Draft draft = new Draft(Examples.cluster(dipAsGateway), HostRole.ALL, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 100, 30).start()) {
            toRealServers(ui);
            ui.press(KeyType.Enter);
            ui.waitFor("Real server 1");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("10.10.10.10"), "the gateway");
            ui.press(KeyType.F1);
            ui.waitForFlat("Why: the real server answers from the VIP; through the DIP the replies reach the director");
            ui.press(KeyType.Escape);
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("rs1"), "the name");
            ui.press(KeyType.F1);
            assertThat(ui.waitFor("A short name")).as("a field without a finding has no reason").doesNotContain("Why:");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void f1AndQuestionMarkHelpInADialogAndEscClosesEveryDialog(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            toRealServers(ui);
            ui.press(KeyType.Enter);
            ui.waitFor("Real server 1");
            ui.press(KeyType.F1);
            ui.waitForAll("Help", "Real server 1 → Name", "A short name");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("A short name");
            ui.tabTo(i -> i instanceof com.googlecode.lanterna.gui2.CheckBox, "the membership box");
            ui.type("?");
            ui.waitFor("Whether this real server answers for this service");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("Whether this real server answers");
            ui.waitFor("Real server 1");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("Real server 1");
            ui.press(KeyType.F1);
            ui.waitFor("Real servers: the hosts that answer");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("Real servers: the hosts that answer");
            ui.tabToButton("Remove");
            ui.press(KeyType.Enter);
            ui.waitFor("Remove real server 1 (rs1)");
            assertThat(((Button) ui.focused()).getLabel()).as("the safe answer has the focus").isEqualTo("No");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("Remove real server 1");
            assertThat(ui.wizard.draft().cluster().realServers()).hasSize(2);
            ui.ctrl('c');
            assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.INTERRUPTED);
        }
    }

    @Test
    void theStartScreenQuitsOnQAndF10AndCtrlCLikeEveryScreen() throws Exception {
        for (KeyType key : new KeyType[] {KeyType.F10, KeyType.Escape}) {
            try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> StartChooser.choose(gui, EN,
                    lvswizard.wizard.Recent.none(), NO_COMMANDS))) {
                ui.waitFor("New configuration");
                ui.press(key);
                assertThat(ui.result()).isEqualTo(new StartChooser.Choice(null, false));
            }
        }
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> StartChooser.choose(gui, EN,
                lvswizard.wizard.Recent.none(), NO_COMMANDS))) {
            ui.waitFor("New configuration");
            ui.type("q");
            assertThat(ui.result()).isEqualTo(new StartChooser.Choice(null, false));
        }
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> StartChooser.choose(gui, EN,
                lvswizard.wizard.Recent.none(), NO_COMMANDS))) {
            ui.waitFor("New configuration");
            ui.ctrl('c');
            assertThat(ui.result()).isEqualTo(new StartChooser.Choice(null, true));
        }
    }

    /** Import from the start screen: a file that is none is refused under the field, the how-to's scripts open. */
    @Test
    void theStartScreenImportsTheHowTosScripts() throws Exception {
        String director = Path.of("src/test/resources/imports/seed-director.sh").toAbsolutePath().toString();
        String realServer = Path.of("src/test/resources/imports/seed-realserver.sh").toAbsolutePath().toString();
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> StartChooser.choose(gui, EN,
                lvswizard.wizard.Recent.none(), NO_COMMANDS))) {
            ui.waitFor("New configuration");
            ui.tabToButton("Import an existing setup...");
            ui.press(KeyType.Enter);
            ui.waitFor("ldirectord.cf, ipvsadm.rules");
            ui.type("/nonexistent/keepalived.conf");
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitFor("/nonexistent/keepalived.conf: no such file");
            ui.tabTo(i -> i instanceof com.googlecode.lanterna.gui2.TextBox, "the sources");
            for (int i = 0; i < "/nonexistent/keepalived.conf".length(); i++) {
                ui.press(KeyType.Backspace);
            }
            ui.type(director + " " + realServer);
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitForAll("Imported", "The wizard asks for what no source says: director.dipInterface",
                    "Imported: services 1, real servers 2");
            ui.press(KeyType.Enter);
            StartChooser.Choice choice = (StartChooser.Choice) ui.result();
            assertThat(choice.draft().configPath()).as("saving asks where").isNull();
            assertThat(choice.draft().cluster().services().get(0).vip()).isEqualTo("192.168.101.168/24");
        }
    }

    @Test
    void theHelpWindowFitsAnEightyColumnScreen(@TempDir Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, dir.resolve("saved.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 80, 24).start()) {
            ui.waitFor("This host is");
            ui.press(KeyType.F1);
            String screen = ui.waitFor("─Help─");
            assertThat(screen.lines().filter(l -> l.contains("│")).toList()).as(screen).allSatisfy(line ->
                    assertThat(line.trim()).startsWith("│").endsWith("│"));
            assertThat(screen).as("the key lines wrap inside the window").contains(
                    "Tab    Tab and Shift-Tab move between fields and buttons; the step", "list on the left opens any step.");
            ui.type("?");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("─Help─");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void detectShowsWhatItWouldChangeAndChangesOnlyWhenAsked(@TempDir Path dir) throws Exception {
        String addr = "[{\"ifname\":\"lo\",\"addr_info\":[{\"local\":\"127.0.0.1\",\"prefixlen\":8,\"scope\":\"host\"}]},"
                + "{\"ifname\":\"ens3\",\"addr_info\":[{\"local\":\"10.10.10.10\",\"prefixlen\":24,\"scope\":\"global\"}]},"
                + "{\"ifname\":\"ens4\",\"addr_info\":[{\"local\":\"192.168.101.2\",\"prefixlen\":24,\"scope\":\"global\"}]}]";
        String route = "[{\"dst\":\"default\",\"gateway\":\"192.168.101.254\",\"dev\":\"ens4\"}]";
        FakeRunner host = new FakeRunner().answer("ip -j addr show", 0, addr)
                .answer("ip -j -4 route show default", 0, route);
        try (VirtualScreen ui = seed(dir, host, HostRole.DIRECTOR)) {
            ui.waitFor("This host is");
            ui.tabToButton("Detect from this host");
            ui.press(KeyType.Enter);
            ui.waitForAll("would be filled in from this host", "Director → DIP interface: eth0 -> ens3",
                    "Director → VIP interface: eth1 -> ens4");
            assertThat(((Button) ui.focused()).getLabel()).isEqualTo("No");
            ui.press(KeyType.Enter);
            ui.waitUntilGone("would be filled in");
            assertThat(ui.wizard.draft().cluster().director().dipInterface()).isEqualTo("eth0");
            ui.tabToButton("Detect from this host");
            ui.press(KeyType.Enter);
            ui.waitFor("would be filled in");
            ui.tabToButton("Yes");
            ui.press(KeyType.Enter);
            ui.waitFor("Took 2 values from this host.");
            assertThat(ui.wizard.draft().cluster().director().dipInterface()).isEqualTo("ens3");
            assertThat(ui.wizard.draft().cluster().director().vipInterface()).isEqualTo("ens4");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void finishWithNothingWrittenAsksAndThenSaysWhatWasWrittenAndWhatToDoNext(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            ui.waitFor("This host is");
            for (int i = 0; i < 6; i++) {
                ui.ctrl('n');
            }
            ui.waitFor("Output directory");
            ui.tabToButton("Finish");
            ui.press(KeyType.Enter);
            ui.waitFor("Nothing has been written yet");
            assertThat(((Button) ui.focused()).getLabel()).isEqualTo("Cancel");
            ui.tabToButton("Write and finish");
            ui.press(KeyType.Enter);
            assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.FINISHED);
        }
        assertThat(dir.resolve("out/director.sh")).exists();
        assertThat(dir.resolve("out/copy-to-hosts.sh")).exists();
        assertThat(dir.resolve("saved.json")).exists();
    }

    /** A choice list opens with its cursor on the checked choice: Up from "all" reaches "real server". */
    @Test
    void aChoiceListsCursorStartsOnTheCheckedChoice(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            ui.waitFor("This host is");
            ui.tabTo(i -> i instanceof RadioBoxList<?> list && list.getItemCount() == 3
                    && list.getItemAt(0).toString().equals(EN.get("role.director")), "the role");
            RadioBoxList<?> roles = (RadioBoxList<?>) ui.focused();
            assertThat(roles.getSelectedIndex()).isEqualTo(roles.getCheckedItemIndex()).isEqualTo(2);
            ui.press(KeyType.ArrowUp);
            ui.press(KeyType.Enter);
            assertThat(ui.onGui(() -> ui.wizard.draft().role())).isEqualTo(HostRole.REAL_SERVER);
            ui.ctrl('c');
            ui.outcome();
        }
    }

    /** Files of another configuration in the output directory: the question in the wizard's words, and No writes nothing. */
    @Test
    void replacingAnotherConfigurationsFilesIsAskedInChineseAndNoWritesNothing(@TempDir Path dir) throws Exception {
        Messages zh = Messages.of(Language.ZH);
        Generation.writeExport(Format.SCRIPTS, Examples.plan("nat-portmap"), Flavour.IPROUTE2, dir.resolve("out"), false);
        String before = Files.readString(dir.resolve("out/director.sh"));
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, dir.resolve("saved.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(draft, zh, NO_COMMANDS, 100, 30).start()) {
            ui.waitFor(zh.get("role.label"));
            ui.goTo(Step.GENERATE);
            ui.tabToButton(zh.get("button.write"));
            ui.press(KeyType.Enter);
            String question = ui.waitForFlat("另外");
            assertThat(VirtualScreen.flat(question)).contains("director.sh 及另外 3 个文件已存在",
                    "内容与 lvs-wizard 将要写入的不同", "替换还会删除", "换一个输出目录").doesNotContain("--force", "--out");
            ui.tabToButton(zh.get("button.no"));
            ui.press(KeyType.Enter);
            ui.waitForFlat("没有写入任何文件");
            ui.ctrl('c');
            ui.outcome();
        }
        assertThat(dir.resolve("out/director.sh")).hasContent(before);
    }

    /** The Services step's health-check button says whether the service has one, as the pair's says it is on. */
    @Test
    void theHealthCheckButtonSaysWhetherTheServiceHasOne(@TempDir Path dir) throws Exception {
        for (String example : List.of("seed-dr", "ha-dr")) {
            Draft draft = new Draft(Examples.load(example), HostRole.ALL, dir.resolve(example + ".json"),
                    dir.resolve("out"), Flavour.IPROUTE2);
            try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 100, 30).start()) {
                ui.waitFor("This host is");
                ui.ctrl('n');
                String screen = ui.waitFor("Health check");
                if (example.equals("ha-dr")) {
                    assertThat(screen).as(example).contains("Health check (on)...");
                    ui.ctrl('c');
                    ui.outcome();
                    continue;
                }
                assertThat(screen).as(example).contains("Health check...").doesNotContain("(on)");
                // the dialog keeps its size while the check changes: OK and Cancel stay where they were
                ui.tabToButton("Health check...");
                ui.press(KeyType.Enter);
                ui.waitFor("Health check of service 1");
                var opened = ui.onGui(() -> ui.gui.getActiveWindow().getSize());
                ui.press(KeyType.Enter);
                ui.press(KeyType.ArrowDown);
                ui.press(KeyType.Enter);
                ui.waitFor("Port");
                assertThat(ui.onGui(() -> ui.gui.getActiveWindow().getSize())).isEqualTo(opened);
                ui.press(KeyType.Escape);
                ui.ctrl('c');
                ui.outcome();
            }
        }
    }

    /** A new floating gateway typed in the pair's dialog: on OK the NAT real servers route through it, whole. */
    @Test
    void natRealServersTakeTheFloatingGatewayTypedInThePairsDialog(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = haNatPairDialog(dir, 100, 30)) {
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("10.10.20.1/24"), "the floating gateway");
            ui.type("10.10.20.254/24");
            ui.click("OK");
            ui.waitUntilGone("Second director (keepalived VRRP pair)");
            var servers = ui.onGui(() -> ui.wizard.draft().cluster().realServers());
            assertThat(servers).extracting(RealServer::gateway).containsOnly("10.10.20.254");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    /** An import is in no file yet: quitting asks before it is lost, though nothing was edited. */
    @Test
    void quittingAnImportAsksFirst(@TempDir Path dir) throws Exception {
        Draft imported = Opening.imported(Examples.load("seed-dr"));
        try (VirtualScreen ui = new VirtualScreen(100, 30, gui -> {
            WizardTui wizard = new WizardTui(gui, imported, EN, NO_COMMANDS);
            wizard.startsUnsaved();
            return wizard.run();
        })) {
            ui.waitFor("This host is");
            ui.press(KeyType.F10);
            ui.waitFor(EN.get("button.quit.nosave"));
            ui.click(EN.get("button.quit.nosave"));
            assertThat(ui.result()).isEqualTo(WizardTui.Outcome.QUIT);
        }
    }

    /** At 80x24 the pair's dialog with many errors stays above the key bar: the errors that have no room keep a red label. */
    @Test
    void thePairsDialogFitsAt80x24WhateverItsErrors(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = haNatPairDialog(dir, 80, 24)) {
            // the pair off and on again: its DIPs, VRRP id and floating gateway to fill in again
            ui.press(KeyType.Enter);
            ui.press(KeyType.Enter);
            ui.tabTo(i -> i instanceof FieldBox box && box.getText().isEmpty(), "an empty field");
            ui.type("123456789");
            var size = ui.onGui(() -> ui.gui.getActiveWindow().getSize());
            assertThat(size.getRows()).as("the dialog's rows, borders included").isLessThanOrEqualTo(22);
            assertThat(ui.text().lines().toList().get(23)).as("the key bar").startsWith("Tab move");
            ui.press(KeyType.Escape);
            ui.ctrl('c');
            ui.outcome();
        }
    }

    /** Each format the Generate step offers writes exactly what that export makes of the plan. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void theGenerateStepWritesEveryFormatOfTheRegistry(Format format, @TempDir Path dir) throws Exception {
        try (VirtualScreen ui = seed(dir, NO_COMMANDS, HostRole.ALL)) {
            ui.waitFor("This host is");
            for (int i = 0; i < 6; i++) {
                ui.ctrl('n');
            }
            ui.waitFor(EN.get("format.lab"));
            ui.tabTo(i -> i instanceof RadioBoxList<?> list
                    && list.getItemAt(0).toString().startsWith("scripts"), "the format");
            for (int i = 0; i < format.ordinal(); i++) {
                ui.press(KeyType.ArrowDown);
            }
            ui.press(KeyType.Enter);
            ui.tabToButton("Write files");
            ui.press(KeyType.Enter);
            ui.waitForFlat(switch (format) {
                case LAB -> "Try it as root: bash " + dir.resolve("out/lab.sh") + " up, then test and down.";
                case ANSIBLE -> "Next, from " + dir.resolve("out") + ": ansible-playbook -i inventory.yml site.yml";
                default -> "written " + dir.resolve("out/director.sh");
            });
            ui.ctrl('c');
            ui.outcome();
        }
        for (RenderedFile file : format.export().files(Examples.plan("seed-dr"), Export.Options.of(Flavour.IPROUTE2))) {
            assertThat(dir.resolve("out").resolve(file.name())).as(format + ": " + file.name())
                    .hasContent(file.content());
        }
    }

    @Test
    void aNewConfigurationAsksForAFileNameAndNeverOverwritesAShippedExample(@TempDir Path dir) throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Path shipped = Files.copy(Examples.file("seed-dr"), examples.resolve("seed-dr.json"));
        Draft opened = Opening.open(shipped);
        assertThat(opened.configPath()).as("a shipped example has no file to save to").isNull();
        try (VirtualScreen ui = new VirtualScreen(opened, EN, NO_COMMANDS, 100, 30).start()) {
            ui.waitForAll("This host is", "not saved yet");
            ui.ctrl('s');
            ui.waitFor("Save the configuration as");
            TextBox name = (TextBox) ui.focused();
            assertThat(name.getText()).isEqualTo("seed-dr.json");
            for (int i = 0; i < 20; i++) {
                ui.press(KeyType.Backspace);
            }
            ui.type(shipped.toString());
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitForFlat("is a shipped example; save under another name");
            ui.tabTo(i -> i instanceof TextBox, "the file name");
            for (int i = 0; i < 200; i++) {
                ui.press(KeyType.Backspace);
            }
            ui.type(dir.resolve("mine.json").toString());
            // Enter in the field saves (as OK does above)
            ui.press(KeyType.Enter);
            ui.waitForFlat("Configuration saved to " + dir.resolve("mine.json"));
            ui.ctrl('c');
            ui.outcome();
        }
        assertThat(Files.readString(shipped)).isEqualTo(Files.readString(Examples.file("seed-dr")));
        assertThat(ConfigFile.read(dir.resolve("mine.json"))).isEqualTo(Examples.load("seed-dr"));
    }
}
