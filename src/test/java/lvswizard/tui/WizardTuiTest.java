package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.exec.Runner;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-screen wizard, driven by key strokes on Lanterna's virtual terminal. */
@org.junit.jupiter.api.Timeout(60)
class WizardTuiTest {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    private static VirtualScreen open(Path dir, Messages messages) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        return new VirtualScreen(draft, messages, NO_COMMANDS, 100, 32).start();
    }

    private static void next(VirtualScreen ui) throws InterruptedException {
        ui.tabToButton("Next");
        ui.press(KeyType.Enter);
    }

    @Test
    void walksFromStartToGeneratedFilesIdenticalToGenerate(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, EN)) {
            ui.waitFor("This host is");
            next(ui);
            ui.waitForAll("Scheduler", "weighted least connections (default)");
            next(ui);
            ui.waitFor("DIP interface");
            next(ui);
            ui.waitFor("10.10.10.11/24");
            next(ui);
            ui.waitForAll("== Findings ==", "warning[dr-two-nics]", "rs1     10.10.10.11/24");
            next(ui);
            ui.waitForAll("File (of 9):  director.sh", "#!/bin/bash");
            next(ui);
            ui.waitFor("Output directory");
            ui.tabToButton("Write files");
            ui.press(KeyType.Enter);
            String done = ui.waitForAll("Written to", "copy-to-hosts.sh");
            assertThat(done).doesNotContain("Exception");
            ui.tabToButton("Finish");
            ui.press(KeyType.Enter);
            assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.FINISHED);
        }
        List<RenderedFile> expected = new Renderer(Templates.packaged())
                .render(Examples.plan(ConfigFile.read(dir.resolve("saved.json"))), Flavour.IPROUTE2);
        for (RenderedFile file : expected) {
            assertThat(Files.readString(dir.resolve("out").resolve(file.name()))).as(file.name())
                    .isEqualTo(file.content());
        }
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("the generated files, and besides them only the hidden manifest").isEqualTo(expected.size());
        }
    }

    @Test
    void anInvalidVipBlocksNextWithItsMessage(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, EN)) {
            ui.waitFor("This host is");
            next(ui);
            ui.waitFor("Scheduler");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("192.168.101.168/24"), "the VIP field");
            for (int i = 0; i < 20; i++) {
                ui.press(KeyType.Backspace);
            }
            ui.type("192.168.101.300");
            ui.waitForAll("Next is blocked until these are fixed:",
                    " - Service 1 → VIP: \"192.168.101.300\" is not an IPv4 or IPv6 address", "(services[0].vip)",
                    "(Next)");
            ui.tabTo(i -> i instanceof Button b && b.getLabel().equals("Back"), "Back");
            ui.press(KeyType.Tab);
            assertThat(ui.focused()).as("the disabled Next cannot take the focus")
                    .isNotInstanceOf(Button.class);
            ui.press(KeyType.F10);
            ui.waitFor("unsaved changes");
            assertThat(ui.focused()).as("the safe answer has the focus").isInstanceOfSatisfying(Button.class,
                    b -> assertThat(b.getLabel()).isEqualTo("Cancel"));
            ui.press(KeyType.Enter);
            ui.waitUntilGone("unsaved changes");
            ui.press(KeyType.F10);
            ui.waitFor("unsaved changes");
            ui.press(KeyType.Escape);
            ui.waitUntilGone("unsaved changes");
            ui.press(KeyType.F10);
            ui.waitFor("unsaved changes");
            ui.tabToButton("Quit without saving");
            ui.press(KeyType.Enter);
            assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.QUIT);
            assertThat(ui.wizard.farewell()).as("what the terminal says afterwards")
                    .isEqualTo("lvs-wizard: changes discarded; nothing was saved.");
        }
    }

    @Test
    void anInvalidVipIsExplainedInChinese(@TempDir Path dir) throws Exception {
        Messages zh = Messages.of(Language.ZH);
        try (VirtualScreen ui = open(dir, zh)) {
            ui.waitFor("本机是");
            ui.tabToButton(zh.get("button.next"));
            ui.press(KeyType.Enter);
            ui.waitFor(zh.get("field.scheduler"));
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("192.168.101.168/24"), "the VIP field");
            for (int i = 0; i < 20; i++) {
                ui.press(KeyType.Backspace);
            }
            ui.type("192.168.101.300");
            String screen = ui.waitForAll(zh.get("blocked"),
                    "服务 1 → VIP: \"192.168.101.300\" 不是 IPv4 或 IPv6 地址");
            assertThat(screen).as("the field's error and the blocked-Next list in Chinese")
                    .doesNotContain("is not an IPv4 or IPv6 address");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void lettersThatCannotBePartOfAPortAreFiltered(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, EN)) {
            ui.waitFor("This host is");
            next(ui);
            ui.waitFor("Scheduler");
            ui.tabTo(i -> i instanceof TextBox box && box.getText().equals("80"), "the port field");
            ui.type("x;");
            assertThat(((TextBox) ui.focused()).getText()).isEqualTo("80");
            ui.ctrl('c');
            assertThat(ui.outcome()).isEqualTo(WizardTui.Outcome.INTERRUPTED);
        }
    }

    @Test
    void ctrlSSavesTheConfigurationAndEscGoesBack(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, EN)) {
            ui.waitFor("This host is");
            next(ui);
            ui.waitFor("Scheduler");
            ui.ctrl('s');
            ui.waitFor("Configuration saved to");
            assertThat(ConfigFile.read(dir.resolve("saved.json"))).isEqualTo(Examples.load("seed-dr"));
            ui.press(KeyType.Escape);
            ui.waitFor("This host is");
            ui.press(KeyType.F10);
            ui.waitUntilGone("This host is");
            assertThat(ui.outcome()).as("saved: no question").isEqualTo(WizardTui.Outcome.QUIT);
        }
    }

    @Test
    void theRealServerTableAddsAServer(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, EN)) {
            ui.waitFor("This host is");
            next(ui);
            next(ui);
            next(ui);
            ui.waitFor("10.10.10.12/24");
            ui.tabToButton("Add");
            ui.press(KeyType.Enter);
            ui.waitFor("Real server 3");
            assertThat(((TextBox) ui.focused()).getText()).as("a free name is offered").isEqualTo("rs3");
            ui.press(KeyType.Tab);
            ui.type("10.10.10.13/24");
            ui.tabToButton("OK");
            ui.press(KeyType.Enter);
            ui.waitForAll("10.10.10.13/24", "rs3");
            assertThat(ui.wizard.draft().cluster().services().get(0).backends()).hasSize(3);
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void chineseRendersWithButtonsIntact(@TempDir Path dir) throws Exception {
        try (VirtualScreen ui = open(dir, Messages.of(Language.ZH))) {
            ui.waitForAll("本机是", "下一步", "上一步", "转发方式", "步骤");
            ui.ctrl('c');
            ui.outcome();
        }
    }

    @Test
    void aTooSmallTerminalGetsAMessage(@TempDir Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), null, dir.resolve("c.json"), dir.resolve("o"), null);
        try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 70, 20).start()) {
            ui.waitFor("The terminal is 70x20; lvs-wizard needs at least 80x24");
            assertThat(ui.waitFor("run with --line.")).as("the whole message, wrapped to the width")
                    .contains("The terminal is 70x20;");
            ui.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(40, 20));
            ui.waitFor("The terminal is 40x20;");
            // a capture can land mid-frame: wait for each part rather than assert on one capture
            ui.waitFor("80x24");
            assertThat(ui.waitFor("run with --line.")).contains("The terminal is 40x20;");
            ui.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(100, 30));
            ui.waitFor("This host is");
            ui.ctrl('c');
            ui.outcome();
        }
    }
}
