package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.validation.Finding;
import lvswizard.validation.Rule;
import lvswizard.validation.RuleCasesTest;
import lvswizard.validation.Validator;
import lvswizard.wizard.Draft;
import lvswizard.wizard.FieldSpec;
import lvswizard.wizard.Fields;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Roster;
import lvswizard.wizard.Scope;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding the validator can produce (each rule's trigger case) is shown next to a widget that
 * can change the value it is about, on a step the wizard can open: the step's form, the real server
 * dialog, or the list it is about. The format version alone has no widget: the wizard refuses to
 * open such a file (OpeningTest).
 */
@Timeout(120)
class NoDeadEndsTest {
    private static final Messages EN = Messages.of(Language.EN);
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    static Stream<RuleCasesTest.Case> cases() {
        return RuleCasesTest.cases().filter(c -> c.rule() != Rule.VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFindingIsShownBesideAWidgetThatEditsIt(RuleCasesTest.Case c) throws Exception {
        Cluster broken = c.broken();
        List<Finding> findings = Validator.validate(broken);
        Draft draft = new Draft(broken, HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
        try (VirtualScreen ui = new VirtualScreen(draft, EN, NO_COMMANDS, 100, 40).start()) {
            ui.waitFor("This host is");
            for (Finding finding : findings) {
                Optional<Fields.Located> located = Fields.locate(broken, finding.path());
                assertThat(located).as("a field for " + finding.toLine()).isPresent();
                Fields.Located where = located.get();
                String text = Fields.problem(finding, EN.locale());
                if (where.field().scope() == Scope.CHECK || where.field().scope() == Scope.FAILOVER) {
                    SettingsDialog dialog = ui.onGui(() -> where.field().scope() == Scope.FAILOVER
                            ? SettingsDialog.pair(EN, draft) : SettingsDialog.checks(EN, draft, where.at().service()));
                    Bound widget = dialog.fields().stream().filter(f -> f.is(where.field().id(), where.at()))
                            .findFirst().orElseThrow(() -> new AssertionError("no widget for " + finding.toLine()));
                    assertThat(oneLine(widget.error.getText())).as(finding.toLine()).contains(oneLine(text));
                } else if (where.field().scope() == Scope.REAL_SERVER || where.field().scope() == Scope.MEMBER) {
                    RealServerDialog dialog = ui.onGui(() -> RealServerDialog.open(ui.gui, EN, draft,
                            where.at().row()));
                    Bound widget = dialog.fields().stream().filter(f -> f.is(where.field().id(), where.at()))
                            .findFirst().orElseThrow(() -> new AssertionError("no widget for " + where.field().id()
                                    + " " + where.at() + " in the dialog of row " + where.at().row()));
                    assertThat(widget.widget.isEnabled() || where.field().id().equals("member.in"))
                            .as(finding.toLine()).isTrue();
                    if (Roster.host(broken, where.at().row()) == null) {
                        // a name that members use without a definition: its row in the table says so,
                        // and its dialog asks for what the definition needs
                        StepView table = ui.onGui(() -> {
                            ui.wizard.show(where);
                            return ui.wizard.view();
                        });
                        assertThat(table).isInstanceOf(RealServersView.class);
                        assertThat(ui.waitFor(EN.get("rs.undefined"))).as(finding.toLine()).isNotEmpty();
                        assertThat(dialog.messages()).contains("Address: real server address (RIP) is missing");
                    } else {
                        assertThat(oneLine(dialog.messages() + " " + widget.error.getText())).as(finding.toLine())
                                .contains(text);
                    }
                } else {
                    StepView view = ui.onGui(() -> {
                        ui.wizard.show(where);
                        return ui.wizard.view();
                    });
                    if (where.field().kind() == FieldSpec.Kind.LIST) {
                        assertThat(view.lists()).as(finding.toLine()).containsKey(where.field().id());
                        assertThat(view.lists().get(where.field().id()).getText()).isEqualTo(finding.message(
                                EN.locale()));
                    } else {
                        Bound widget = view.fields().stream().filter(f -> f.is(where.field().id(), where.at()))
                                .findFirst().orElseThrow(() -> new AssertionError("no widget for " + finding.toLine()));
                        if (finding.isError()) {
                            assertThat(widget.error.getText()).as(finding.toLine()).isNotEmpty();
                        }
                        String expected = oneLine(text).substring(0, Math.min(text.length(), 24));
                        long end = System.currentTimeMillis() + 5_000;
                        while (!oneLine(ui.text()).contains(expected) && System.currentTimeMillis() < end) {
                            Thread.sleep(20);
                        }
                        assertThat(oneLine(ui.text())).as(finding.toLine() + " on screen").contains(expected);
                    }
                }
            }
            ui.ctrl('c');
            ui.outcome();
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
