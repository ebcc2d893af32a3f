package lvswizard.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lvswizard.config.ConfigException;
import lvswizard.exec.Runner;
import lvswizard.render.Version;
import lvswizard.imports.ImportReport;
import lvswizard.imports.Importer;
import lvswizard.wizard.Draft;
import lvswizard.wizard.Fields;
import lvswizard.wizard.Messages;
import lvswizard.wizard.Opening;
import lvswizard.wizard.Recent;

/**
 * The first screen without --config: a new configuration, the file used last, another file, or the
 * how-to's example (which saves under a new name). Returns the draft to edit, or null to quit.
 */
final class StartChooser {
    private StartChooser() {
    }

    /** The answer: the draft to edit, or none (quit, or Ctrl-C: {@code interrupted}). */
    /** What to edit (null: nothing), whether Ctrl-C ended the choice, and whether the draft is an import, in no file yet. */
    record Choice(Draft draft, boolean interrupted, boolean imported) {
        Choice(Draft draft, boolean interrupted) {
            this(draft, interrupted, false);
        }
    }

    static Choice choose(WindowBasedTextGUI gui, Messages m, Recent recent, Runner runner) {
        Draft[] chosen = {null};
        boolean[] imported = {false};
        BasicWindow window = Dialogs.window(m, m.get("app.title", Version.current()), () -> { },
                focused -> m.get("help.start"));
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliver) {
                Character c = key.getCharacter();
                if (key.getKeyType() == KeyType.F10
                        || key.getKeyType() == KeyType.Character && !key.isCtrlDown() && c != null && c == 'q') {
                    deliver.set(false);
                    w.close();
                }
            }
        });
        Panel panel = (Panel) window.getComponent();
        panel.addComponent(new Label(m.get("start.question")));
        panel.addComponent(new Label(""));
        Optional<Path> last = recent.last();
        Button first = Form.button(m.get("start.new"), () -> {
            chosen[0] = Opening.newConfiguration(null);
            window.close();
        });
        panel.addComponent(first);
        Optional<Button> reopen = last.map(file -> Form.button(m.get("start.recent", Texts.fit(file.toString(), 50)),
                () -> open(gui, m, file, chosen, window)));
        reopen.ifPresent(panel::addComponent);
        panel.addComponent(Form.button(m.get("start.open"), () -> {
            String answer = Dialogs.askText(gui, m, m.get("start.open.title"), m.get("start.open.text"),
                    last.map(Path::toString).orElse(""), Fields.byId("outputDir").keys(), text -> problem(text, m));
            if (answer != null) {
                open(gui, m, Path.of(answer), chosen, window);
            }
        }));
        panel.addComponent(Form.button(m.get("start.import"), () -> imported[0] = importSetup(gui, m, runner, chosen, window)));
        panel.addComponent(Form.button(m.get("start.example"), () -> {
            try {
                chosen[0] = Opening.example();
                window.close();
            } catch (ConfigException e) {
                Dialogs.info(gui, m, m.get("error.title"), e.getMessage());
            }
        }));
        panel.addComponent(Form.button(m.get("start.quit"), window::close));
        panel.addComponent(new Label(""));
        panel.addComponent(new Label(m.get("start.hint")));
        window.setFocusedInteractable(reopen.orElse(first));
        gui.addWindowAndWait(window);
        boolean interrupted = InterruptibleGui.interrupted(gui);
        return new Choice(interrupted ? null : chosen[0], interrupted, !interrupted && imported[0]);
    }

    /** Why a file cannot be opened (one line), or null when it can. */
    private static String problem(String text, Messages m) {
        if (text.isBlank()) {
            return m.get("start.open.empty");
        }
        try {
            Opening.open(Path.of(text));
            return null;
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return m.get("invalid.path", text);
        }
    }

    /**
     * Import: asks for the sources until they can be read, shows what could not be read and what
     * the wizard will ask for, then edits the result as a new configuration (saving asks where).
     */
    /** Imports what the operator names and chooses it; whether it did. */
    private static boolean importSetup(WindowBasedTextGUI gui, Messages m, Runner runner, Draft[] chosen,
                                       BasicWindow window) {
        Importer.Result[] imported = {null};
        String answer = Dialogs.askText(gui, m, m.get("start.import.title"), m.get("start.import.text"), "",
                Fields.byId("outputDir").keys(), text -> {
                    List<String> sources = ImportReport.sources(text);
                    if (sources.isEmpty()) {
                        return m.get("start.import.empty");
                    }
                    try {
                        imported[0] = Importer.from(sources, null, runner);
                        return null;
                    } catch (Importer.ImportException | RuntimeException e) {
                        return e.getMessage();
                    }
                });
        if (answer == null || imported[0] == null) {
            return false;
        }
        Dialogs.info(gui, m, m.get("start.import.done"),
                String.join("\n", ImportReport.brief(imported[0], m.locale(), BRIEF_LINES)));
        chosen[0] = Opening.imported(imported[0].cluster());
        window.close();
        return true;
    }

    /** Lines not understood shown after an import; the rest is one line away (lvs-wizard import). */
    private static final int BRIEF_LINES = 6;

    private static void open(WindowBasedTextGUI gui, Messages m, Path file, Draft[] chosen, BasicWindow window) {
        try {
            chosen[0] = Opening.open(file);
            window.close();
        } catch (ConfigException e) {
            Dialogs.info(gui, m, m.get("error.title"), e.getMessage());
        }
    }
}
