package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalTextUtils;
import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import lvswizard.render.Flavour;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Format;
import lvswizard.wizard.Fields;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Step;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At 80x24, on every step and in both languages, with errors present: every label is on screen
 * whole, the step's longest message is readable in full (wrapped, in the middle panel), and the keys
 * legend fits the width.
 */
@Timeout(120)
class Layout80x24Test {
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };
    /** Where the middle panel's text starts and ends at 80 columns (inside both borders). */
    private static final int MIDDLE_FROM = 17;
    private static final int MIDDLE_TO = 79;
    /** Three English words in a row: prose that should have been translated (values are single words). */
    private static final String ENGLISH_PROSE = "\\b[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}\\b";

    /** The seed with an error on each step: cluster name, VIP, gateway, a real server's address. */
    private static Cluster broken() {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/name", "\"my cluster\"");
        Examples.set(tree, "/services/0/vip", "\"192.168.101.300\"");
        Examples.set(tree, "/director/gateway", "\"10.99.0.1\"");
        Examples.set(tree, "/realServers/1/address", "\"10.10.10.12\"");
        return Examples.cluster(tree);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void everyStepReadsWholeAt80x24WithErrors(Language language) throws Exception {
        Messages m = Messages.of(language);
        Cluster cluster = broken();
        Draft draft = new Draft(cluster, HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
        try (VirtualScreen ui = new VirtualScreen(draft, m, NO_COMMANDS, 80, 24).start()) {
            ui.waitFor(m.get("role.label"));
            for (Step step : Step.values()) {
                StepView view = ui.goTo(step);
                ui.waitFor(m.get(step.titleKey()) + "  ·");
                String screen = ui.text();
                for (Bound field : view.fields()) {
                    assertThat(screen).as(step + ": the label of " + field.spec.id() + "\n" + screen)
                            .contains(m.get(field.spec.labelKey()));
                }
                assertThat(screen.lines().allMatch(line -> TerminalTextUtils.getColumnWidth(line) <= 80)).isTrue();
                if (step == Step.GENERATE) {
                    // each choice whole: "scripts: the director's and real servers' init scripts a" was cut
                    for (Format format : Format.values()) {
                        assertThat(screen).as("the choice " + format + "\n" + screen).contains(m.get("format." + format));
                    }
                    for (Flavour flavour : Flavour.values()) {
                        assertThat(screen).as("the choice " + flavour + "\n" + screen).contains(m.get("flavour." + flavour));
                    }
                }
                if (step == Step.PREVIEW) {
                    assertThat(screen).as("the hint whole\n" + screen).contains(m.get("preview.hint"));
                }
                assertThat(screen).as("the legend").contains(KeyMap.legend(KeyMap.WIZARD, m));
                if (language == Language.ZH && step != Step.PREVIEW) {
                    // the preview shows the generated files, which are English like every script
                    assertThat(ui.columns(MIDDLE_FROM, MIDDLE_TO)).as(step + ": prose in Chinese\n" + screen)
                            .doesNotContainPattern(ENGLISH_PROSE);
                } else if (language == Language.EN && step == Step.START) {
                    assertThat(ui.columns(MIDDLE_FROM, MIDDLE_TO)).as("the prose check finds English prose")
                            .containsPattern(ENGLISH_PROSE);
                }
                String longest = longestMessage(cluster, step, m);
                if (longest != null) {
                    assertThat(VirtualScreen.flat(ui.columns(MIDDLE_FROM, MIDDLE_TO))).as(step + " shows " + longest + "\n" + screen)
                            .contains(VirtualScreen.flat(longest));
                }
            }
            RealServerDialog dialog = ui.onGui(() -> RealServerDialog.open(ui.gui, m, draft, 1));
            ui.onGui(() -> {
                ui.gui.addWindow(dialogWindow(dialog));
                return null;
            });
            String screen = ui.waitFor(m.get("rs.title.n", 2));
            for (Bound field : dialog.fields()) {
                assertThat(screen).as("dialog: the label of " + field.spec.id() + "\n" + screen)
                        .contains(m.get(field.spec.labelKey()));
            }
            assertThat(VirtualScreen.flat(screen)).as("the dialog says what is wrong\n" + screen).contains(VirtualScreen.flat(
                    Fields.describe(cluster, Validator.validate(cluster).stream()
                            .filter(f -> f.path().equals("realServers[1].address")).findFirst().orElseThrow(), m)
                            .replaceAll(" \\(realServers.*", "")));
            ui.ctrl('c');
        }
    }

    private static com.googlecode.lanterna.gui2.Window dialogWindow(RealServerDialog dialog) {
        return dialog.window();
    }

    /** What the step's longest finding says (under its field, or in the message lines when it has none there). */
    private static String longestMessage(Cluster cluster, Step step, Messages m) {
        List<Finding> findings = Validator.validate(cluster);
        return findings.stream().filter(f -> Fields.locate(cluster, f.path()).map(w -> w.field().step() == step)
                        .orElse(false)).map(f -> Fields.problem(f, m.locale()))
                .max((a, b) -> Integer.compare(TerminalTextUtils.getColumnWidth(a), TerminalTextUtils.getColumnWidth(b)))
                .orElse(null);
    }
}
