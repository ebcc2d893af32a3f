package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.exec.Runner;
import lvswizard.render.Flavour;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Step;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Review's text and, after Write, Generate's list of written files take the rows the step has free:
 * at 80x24 Generate showed three lines above six empty rows, Review kept three empty. The fields
 * above stay on screen, and Back below.
 */
class FreeRowsTest {
    private static final Runner NO_COMMANDS = (command, listener) -> {
        throw new AssertionError("no commands in this test: " + command.display());
    };

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"80,24,EN,6", "80,24,ZH,6", "120,40,EN,20"})
    void theWrittenFilesFillTheFreeRows(int columns, int rows, Language language, int listed, @TempDir Path dir)
            throws Exception {
        Messages m = Messages.of(language);
        try (VirtualScreen ui = seedAt(Step.GENERATE, m, columns, rows, dir)) {
            ui.tabToButton(m.get("button.write"));
            ui.press(KeyType.Enter);
            String screen = ui.waitForAll(m.get("generate.written", dir.resolve("out")).substring(0, 10),
                    m.get("button.back"), m.get("generate.out"));
            List<String> lines = screen.lines().toList();
            int first = indexOf(lines, m.get("generate.written", dir.resolve("out")).substring(0, 10));
            int scrollBar = indexOf(lines, "◄");
            assertThat(scrollBar - first).as("rows of the list\n" + screen).isGreaterThanOrEqualTo(listed);
            assertThat(rowsBelow(lines, m.get("button.back"))).as("empty rows below Back\n" + screen).isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"80,24,EN", "80,24,ZH", "100,30,EN"})
    void reviewsTextFillsTheFreeRows(int columns, int rows, Language language, @TempDir Path dir) throws Exception {
        Messages m = Messages.of(language);
        try (VirtualScreen ui = seedAt(Step.REVIEW, m, columns, rows, dir)) {
            String screen = ui.waitForAll(m.get("review.open"), m.get("button.back"));
            assertThat(rowsBelow(screen.lines().toList(), m.get("button.back"))).as("empty rows below Back\n" + screen)
                    .isLessThanOrEqualTo(1);
        }
    }

    /** The wizard on the how-to's example, at {@code step}, in a terminal of that size. */
    private static VirtualScreen seedAt(Step step, Messages m, int columns, int rows, Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.ALL, dir.resolve("seed.json"), dir.resolve("out"),
                Flavour.IPROUTE2);
        VirtualScreen ui = new VirtualScreen(draft, m, NO_COMMANDS, columns, rows).start();
        ui.waitFor(m.get("role.label"));
        ui.goTo(step);
        ui.waitFor(m.get(step.titleKey()) + "  ·");
        return ui;
    }

    /** The rows between the last line with {@code text} and the window's bottom border. */
    private static int rowsBelow(List<String> lines, String text) {
        int from = lines.size() - 1;
        while (from >= 0 && !lines.get(from).contains(text)) {
            from--;
        }
        assertThat(from).as(text + " on screen").isNotNegative();
        int border = from;
        while (border < lines.size() && !lines.get(border).contains("└")) {
            border++;
        }
        return border - from - 1;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in\n" + String.join("\n", lines));
    }
}
