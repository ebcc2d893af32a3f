package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.Runner;
import lvswizard.model.Cluster;
import lvswizard.render.TopologyDiagram;
import lvswizard.validation.Validator;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Step;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review at 80x24 with lines wider than its text (a long real server name): scrolled down, its last
 * line is on screen. Lanterna counted the horizontal scroll bar as a row of text and stopped one
 * line short, so the last service's last real server could never be read.
 */
@Timeout(60)
class ReviewScrollTest {
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void theLastLineOfReviewCanBeScrolledIntoView(Language language) throws Exception {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/1/name", "\"web-frontend-number-2\"");
        Examples.set(tree, "/services/0/backends/1/realServer", "\"web-frontend-number-2\"");
        Cluster cluster = Examples.cluster(tree);
        List<String> serviceLines = TopologyDiagram.serviceLines(Validator.check(cluster).plan(),
                Messages.of(language).locale());
        // its start: the line is wider than the box (it scrolls sideways too)
        String last = serviceLines.get(serviceLines.size() - 1).strip().substring(0, 40);
        Messages m = Messages.of(language);
        Draft draft = new Draft(cluster, HostRole.ALL, Path.of("unused.json"), Path.of("unused"), null);
        try (VirtualScreen ui = new VirtualScreen(draft, m, NO_COMMANDS, 80, 24).start()) {
            ui.waitFor(m.get("role.label"));
            ui.goTo(Step.REVIEW);
            ui.waitFor(m.get(Step.REVIEW.titleKey()) + "  ·");
            assertThat(ui.text()).as("the last line starts out of view").doesNotContain(last);
            ui.tabTo(focused -> focused instanceof TextBox, "Review's text");
            for (int i = 0; i < 40; i++) {
                ui.press(KeyType.ArrowDown);
                if (!(ui.focused() instanceof TextBox)) {
                    break;
                }
            }
            assertThat(ui.text()).as("scrolled to the end").contains(last);
            ui.ctrl('c');
        }
    }
}
