package lvswizard.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lvswizard.exec.CommandLog;
import lvswizard.exec.Runner;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.MonitorReport;
import lvswizard.plan.Plan;
import lvswizard.ops.IpvsReader;
import lvswizard.ops.OpsException;
import lvswizard.ops.PairState;
import lvswizard.ops.WeightEditor;
import lvswizard.text.TextWidth;
import lvswizard.wizard.Messages;

/**
 * The live view of the IPVS table: re-read every interval on a background thread, drawn on the GUI
 * thread. Only the visible lines are drawn, so 10,000 real servers scroll as fast as ten. Keys: arrows
 * and PgUp/PgDn select a real server, s / r / c switch the numbers, w sets the selected server's
 * weight to 0 and e restores it (each after a confirmation, each in the command log), q or Esc
 * closes the view.
 */
public final class MonitorWindow extends BasicWindow {
    private final WindowBasedTextGUI gui;
    private final Messages m;
    private final Runner runner;
    private final IpvsReader reader;
    private final WeightEditor editor;
    private final CommandLog log;
    private final Configured configured;
    private final Map<String, Integer> configuredWeights;
    private final Map<String, Integer> weightsBeforeQuiesce = new HashMap<>();
    private final Duration interval;
    private final Pane pane = new Pane();
    private ScheduledExecutorService timer;
    // written on the GUI thread, read by the poll thread to build the next rows there
    private volatile MonitorReport.View view;
    // the first table read; set once, by the poll thread
    private volatile IpvsTable baseline;
    private IpvsTable table = IpvsTable.EMPTY;
    private List<MonitorReport.Line> rows = List.of();
    private int selected = -1;
    private int top;
    private String status = "";
    /** A pair of directors: its plan, to show this director's VRRP side on each refresh; else null. */
    private final Plan pair;
    // written by the poll thread, read when painting: "" without a pair
    private volatile String vrrp = "";

    /**
     * @param configuredWeights weights from the configuration by "service key -> server", what e restores
     */
    public MonitorWindow(WindowBasedTextGUI gui, Messages m, Runner runner, CommandLog log, Configured configured,
                         Map<String, Integer> configuredWeights, MonitorReport.View view, Duration interval,
                         Plan pair) {
        this.gui = gui;
        this.m = m;
        this.log = log;
        this.runner = runner;
        this.reader = new IpvsReader(runner);
        this.editor = new WeightEditor(log.around(runner));
        this.configured = configured;
        this.configuredWeights = configuredWeights;
        this.view = view;
        this.interval = interval;
        this.pair = pair;
        setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        setComponent(pane);
    }

    /** Shows the view until q/Esc; true when it ended with Ctrl-C (the GUI takes that key, in any window). */
    public boolean showAndWait() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lvs-wizard-monitor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            gui.addWindowAndWait(this);
        } finally {
            // interrupts a listing under way: the runner kills that child with whatever it started
            timer.shutdownNow();
        }
        return InterruptibleGui.interrupted(gui);
    }

    /**
     * Reads the table and builds its rows here, off the GUI thread (with 10,000 real servers the
     * rows take tens of milliseconds); the GUI thread only swaps them in.
     */
    private void poll() {
        try {
            IpvsTable now = reader.read();
            if (pair != null) {
                vrrp = PairState.now(runner, pair).format(m.locale());
            }
            if (baseline == null) {
                baseline = now;
            }
            MonitorReport.View builtFor = view;
            List<MonitorReport.Line> built = MonitorReport.rows(now, baseline, builtFor, configured, m.locale());
            gui.getGUIThread().invokeLater(() -> update(now, builtFor == view ? built : null, null));
        } catch (OpsException | IllegalArgumentException e) {
            String error = e instanceof OpsException ops ? ops.message(m.locale()) : e.getMessage();
            gui.getGUIThread().invokeLater(() -> update(table, rows, error));
        }
    }

    private void update(IpvsTable now, List<MonitorReport.Line> built, String error) {
        if (error != null) {
            status = m.get("monitor.read.failed", error);
        } else {
            table = now;
            if (built == null) {
                rebuildRows(); // the view changed while these rows were being built
            } else {
                rows = built;
            }
            if (status.startsWith("!")) {
                status = "";
            }
        }
        keepSelectionOnAServer();
        invalidate();
    }

    /** After a switch of view: the same table, other numbers (one build on the GUI thread). */
    private void rebuildRows() {
        rows = MonitorReport.rows(table, baseline, view, configured, m.locale());
        keepSelectionOnAServer();
    }

    private void keepSelectionOnAServer() {
        if (selected < 0 || selected >= rows.size() || !rows.get(selected).isServer()) {
            selected = next(-1, 1);
        }
    }

    private int next(int from, int step) {
        for (int i = from + step; i >= 0 && i < rows.size(); i += step) {
            if (rows.get(i).isServer()) {
                return i;
            }
        }
        return from >= 0 && from < rows.size() ? from : -1;
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        KeyType type = key.getKeyType();
        Character c = type == KeyType.Character ? Character.toLowerCase(key.getCharacter()) : null;
        if (type == KeyType.Escape || c != null && c == 'q') {
            close();
        } else if (type == KeyType.ArrowDown) {
            selected = next(selected, 1);
        } else if (type == KeyType.ArrowUp) {
            selected = next(selected, -1);
        } else if (type == KeyType.PageDown || type == KeyType.PageUp) {
            int page = Math.max(1, visibleRows() - 1) * (type == KeyType.PageDown ? 1 : -1);
            int target = Math.max(0, Math.min(rows.size() - 1, selected + page));
            selected = rows.isEmpty() ? -1 : rows.get(target).isServer() ? target : next(target, page > 0 ? 1 : -1);
        } else if (c != null && (c == 's' || c == 'r' || c == 'c')) {
            view = c == 's' ? MonitorReport.View.STATS : c == 'r' ? MonitorReport.View.RATE
                    : MonitorReport.View.CONNECTIONS;
            rebuildRows();
        } else if (c != null && c == 'w') {
            quiesce();
        } else if (c != null && c == 'e') {
            restore();
        } else {
            return super.handleInput(key);
        }
        invalidate();
        return true;
    }

    private MonitorReport.Line selectedRow() {
        return selected >= 0 && selected < rows.size() && rows.get(selected).isServer() ? rows.get(selected) : null;
    }

    private void quiesce() {
        MonitorReport.Line row = selectedRow();
        if (row == null) {
            return;
        }
        String who = label(row);
        if (row.server().weight() == 0) {
            status = m.get("monitor.already.quiesced", who);
            return;
        }
        if (Dialogs.confirm(gui, m, m.get("monitor.quiesce.title"), m.get("monitor.quiesce.text", who,
                row.service().key(), Integer.toString(row.server().weight())))) {
            weightsBeforeQuiesce.put(key(row), row.server().weight());
            setWeight(row, 0);
        }
    }

    private void restore() {
        MonitorReport.Line row = selectedRow();
        if (row == null) {
            return;
        }
        Integer weight = weightsBeforeQuiesce.getOrDefault(key(row), configuredWeights.get(key(row)));
        String who = label(row);
        if (weight == null) {
            status = m.get("monitor.no.weight", who);
            return;
        }
        if (weight == row.server().weight()) {
            status = m.get("monitor.weight.same", who, Integer.toString(weight));
            return;
        }
        if (Dialogs.confirm(gui, m, m.get("monitor.restore.title"), m.get("monitor.restore.text", who,
                row.service().key(), Integer.toString(row.server().weight()), Integer.toString(weight)))) {
            setWeight(row, weight);
        }
    }

    private void setWeight(MonitorReport.Line row, int weight) {
        try {
            status = m.get("monitor.ran", editor.setWeight(row.service().key(), row.server().address(), weight)
                    .display());
        } catch (OpsException e) {
            status = "!" + e.message(m.locale());
        }
        timer.execute(this::poll);
    }

    private static String key(MonitorReport.Line row) {
        return row.service().key() + " -> " + row.server().address();
    }

    private String label(MonitorReport.Line row) {
        String name = configured.names().get(row.server().address());
        return name == null ? row.server().address() : name + " (" + row.server().address() + ")";
    }

    private int visibleRows() {
        TerminalSize size = gui.getScreen().getTerminalSize();
        return Math.max(1, size.getRows() - (vrrp.isEmpty() ? 4 : 5));
    }

    /** Draws the title, the visible slice of the report, the status line and the key legend. */
    private final class Pane extends AbstractComponent<Pane> {
        @Override
        protected ComponentRenderer<Pane> createDefaultRenderer() {
            return new ComponentRenderer<>() {
                @Override
                public TerminalSize getPreferredSize(Pane component) {
                    return gui.getScreen().getTerminalSize();
                }

                @Override
                public void drawComponent(TextGUIGraphics g, Pane component) {
                    paint(g);
                }
            };
        }
    }

    private void paint(TextGraphics g) {
        TerminalSize size = g.getSize();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT).setForegroundColor(TextColor.ANSI.DEFAULT);
        g.fill(' ');
        int width = size.getColumns();
        g.enableModifiers(SGR.BOLD);
        g.putString(0, 0, clip(m.get("monitor.title", MonitorReport.viewName(view, m.locale()),
                Long.toString(interval.toMillis()), Integer.toString(table.services().size()),
                Integer.toString(table.serverCount())), width));
        g.disableModifiers(SGR.BOLD);
        String pairLine = vrrp;
        int first = pairLine.isEmpty() ? 1 : 2;
        if (!pairLine.isEmpty()) {
            g.putString(0, 1, clip(pairLine, width));
        }
        int visible = Math.max(1, size.getRows() - 3 - first);
        if (selected >= 0) {
            if (selected < top) {
                top = selected;
            } else if (selected >= top + visible) {
                top = selected - visible + 1;
            }
        }
        top = Math.max(0, Math.min(top, Math.max(0, rows.size() - visible)));
        for (int i = 0; i < visible && top + i < rows.size(); i++) {
            MonitorReport.Line row = rows.get(top + i);
            boolean quiet = row.quiet();
            if (top + i == selected) {
                g.enableModifiers(SGR.REVERSE);
            } else if (quiet) {
                g.setForegroundColor(TextColor.ANSI.YELLOW);
            } else if (!row.isServer()) {
                g.enableModifiers(SGR.BOLD);
            }
            g.putString(0, first + i, clip(row.text(), width));
            g.disableModifiers(SGR.REVERSE, SGR.BOLD);
            g.setForegroundColor(TextColor.ANSI.DEFAULT);
        }
        String line = status.startsWith("!") ? status.substring(1) : status;
        if (status.startsWith("!")) {
            g.setForegroundColor(TextColor.ANSI.RED);
        }
        g.putString(0, size.getRows() - 2, clip(line, width));
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.enableModifiers(SGR.REVERSE);
        g.putString(0, size.getRows() - 1, clip(pad(m.get("monitor.legend"), width), width));
        g.disableModifiers(SGR.REVERSE);
    }

    /** At most {@code width} cells (a Chinese character takes two). */
    private static String clip(String text, int width) {
        return TextWidth.clip(text, Math.max(0, width));
    }

    private static String pad(String text, int width) {
        return TextWidth.fill(text, width);
    }

    List<MonitorReport.Line> rows() {
        return new ArrayList<>(rows);
    }
}
