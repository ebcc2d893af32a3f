package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import lvswizard.Examples;
import lvswizard.exec.Execution;
import lvswizard.exec.FakeHost;
import lvswizard.output.OutputDirectory;
import lvswizard.render.Flavour;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.wizard.Draft;
import lvswizard.wizard.HostRole;
import lvswizard.wizard.Language;
import lvswizard.wizard.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windows that run things on this host speak the operator's language: the run window's
 * preflight, change list and doctor, the monitor, the lab window. Each window is shown on its own
 * on a virtual terminal (not through the wizard's steps).
 */
@org.junit.jupiter.api.Timeout(60)
class ChineseWindowsTest {
    private static final Messages ZH = Messages.of(Language.ZH);

    private static Draft draft(Path dir) throws Exception {
        Draft draft = new Draft(Examples.load("seed-dr"), HostRole.DIRECTOR, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        new OutputDirectory(draft.outputDir()).write(new Renderer(Templates.packaged()).render(draft.cluster(),
                Flavour.IPROUTE2), false);
        return draft;
    }

    @Test
    void theRunWindowsPreflightChangesDoctorAndMonitorAreInChinese(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.uid = "1000";
        host.outputs.put("ipvsadm -L -n", """
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.168.101.168:80 wlc
                  -> 10.10.10.11:80               Route   2      0          20
                  -> 10.10.10.12:80               Route   0      0          10
                """);
        host.outputs.put("ipvsadm -L -n --stats --exact", "");
        host.outputs.put("ipvsadm -L -n --rate --exact", "");
        Draft draft = draft(dir);
        try (Screen ui = new Screen(gui -> new RunWindow(gui, ZH, draft, host).showAndWait())) {
            ui.waitFor(ZH.get("run.role"));
            ui.click(ZH.get("run.dry"));
            String dry = ui.waitForAll("预检：1 个问题，实际启动时会在此停止：", "未以 root 身份运行（uid 为 1000）；修复：用 sudo 或以 root 身份运行",
                    "预检通过后，director.sh start 将会：", "在 eth1 上添加 VIP 192.168.101.168/24",
                    "将运行：bash " + draft.outputDir().toAbsolutePath() + "/director.sh start", "试运行：预检未通过");
            assertThat(dry).doesNotContain("preflight", "would run", "add the VIP");
            ui.click(ZH.get("run.doctor"));
            String doctor = ui.waitForAll("正常   网卡 eth0：存在", "错误   eth1 上的 VIP 192.168.101.168/24：缺失",
                    "修复：ip addr add 192.168.101.168/24 dev eth1，或运行 director.sh start",
                    "IPVS 规则：无法读取：只有 root 才能读取（当前 uid 为 1000）");
            assertThat(doctor).doesNotContain("WRONG", "missing", "fix:");
            ui.click(ZH.get("run.monitor"));
            String monitor = ui.waitForAll("lvs-wizard 监控：连接 视图", "真实服务器", "已摘除（权重 0）",
                    "2 台真实服务器");
            assertThat(monitor).doesNotContain("REAL SERVER", "QUIESCED", "real servers");
            ui.type("q");
            ui.waitFor(ZH.get("run.role"));
            ui.ctrl('c');
        }
    }

    @Test
    void theLabWindowSaysHowACommandEndedInChinese(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        host.scripts = c -> new Execution(c, -1, "", "", Duration.ofMinutes(15), Execution.Ending.TIMED_OUT);
        Draft draft = draft(dir);
        try (Screen ui = new Screen(gui -> new LabWindow(gui, ZH, draft, host).showAndWait())) {
            ui.waitFor(ZH.get("lab.up"));
            ui.click(ZH.get("lab.up"));
            assertThat(ui.waitFor("900 秒后超时")).doesNotContain("timed out");
            ui.ctrl('c');
        }
    }

    /** One window on Lanterna's virtual terminal, shown on its own GUI thread. */
    private static final class Screen implements AutoCloseable {
        private static final long TIMEOUT_MS = 10_000;
        private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(140, 40));
        private final TerminalScreen screen;
        private final MultiWindowTextGUI gui;
        private final CompletableFuture<Boolean> closed = new CompletableFuture<>();
        private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        Screen(Function<MultiWindowTextGUI, Boolean> show) throws Exception {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            CompletableFuture<MultiWindowTextGUI> built = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    MultiWindowTextGUI g = new MultiWindowTextGUI(screen);
                    g.getGUIThread().setExceptionHandler(new com.googlecode.lanterna.gui2.TextGUIThread.ExceptionHandler() {
                        @Override
                        public boolean onIOException(IOException e) {
                            failures.add(e);
                            return false;
                        }

                        @Override
                        public boolean onRuntimeException(RuntimeException e) {
                            failures.add(e);
                            return false;
                        }
                    });
                    built.complete(g);
                    closed.complete(show.apply(g));
                } catch (Throwable t) {
                    failures.add(t);
                    built.completeExceptionally(t);
                    closed.completeExceptionally(t);
                }
            }, "window-under-test");
            thread.setDaemon(true);
            thread.start();
            gui = built.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }

        String text() throws InterruptedException {
            sync();
            StringBuilder out = new StringBuilder();
            TerminalSize size = terminal.getTerminalSize();
            for (int row = 0; row < size.getRows(); row++) {
                for (int col = 0; col < size.getColumns(); col++) {
                    TextCharacter c = terminal.getBufferCharacter(col, row);
                    out.append(c.getCharacterString());
                    if (c.isDoubleWidth()) {
                        col++;
                    }
                }
                out.append('\n');
            }
            return out.toString();
        }

        String waitFor(String expected) throws InterruptedException {
            return waitForAll(expected);
        }

        String waitForAll(String... expected) throws InterruptedException {
            long end = System.currentTimeMillis() + TIMEOUT_MS;
            String text = text();
            while (!java.util.Arrays.stream(expected).allMatch(text::contains)) {
                if (System.currentTimeMillis() > end) {
                    throw new AssertionError("the screen never showed all of " + java.util.Arrays.toString(expected)
                            + ":\n" + text);
                }
                Thread.sleep(20);
                text = text();
            }
            return text;
        }

        void click(String label) throws InterruptedException {
            for (int i = 0; i < 60; i++) {
                if (focused() instanceof Button b && b.getLabel().equals(label)) {
                    key(new KeyStroke(KeyType.Enter));
                    return;
                }
                key(new KeyStroke(KeyType.Tab));
            }
            throw new AssertionError("Tab never reached the button " + label + ":\n" + text());
        }

        void type(String text) throws InterruptedException {
            for (char c : text.toCharArray()) {
                key(new KeyStroke(c, false, false));
            }
        }

        void ctrl(char c) throws InterruptedException {
            key(new KeyStroke(c, true, false));
        }

        private void key(KeyStroke key) throws InterruptedException {
            terminal.addInput(key);
            Thread.sleep(15);
            sync();
        }

        private Interactable focused() throws InterruptedException {
            Interactable[] focused = new Interactable[1];
            gui.getGUIThread().invokeLater(() -> {
                Window active = gui.getActiveWindow();
                focused[0] = active == null ? null : active.getFocusedInteractable();
            });
            sync();
            return focused[0];
        }

        private void sync() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            gui.getGUIThread().invokeLater(done::countDown);
            long end = System.currentTimeMillis() + TIMEOUT_MS;
            while (!done.await(20, TimeUnit.MILLISECONDS)) {
                if (closed.isDone()) {
                    return;
                }
                if (System.currentTimeMillis() > end) {
                    throw new AssertionError("the GUI thread is stuck");
                }
            }
        }

        @Override
        public void close() throws Exception {
            closed.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError("exceptions on the GUI thread: " + failures);
                failures.forEach(error::addSuppressed);
                throw error;
            }
            screen.stopScreen();
        }
    }
}
