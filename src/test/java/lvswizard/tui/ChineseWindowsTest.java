package lvswizard.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
        new OutputDirectory(draft.outputDir()).write(new Renderer(Templates.packaged()).render(Examples.plan(draft.cluster()),
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
        try (VirtualScreen ui = new VirtualScreen(140, 40, gui -> new RunWindow(gui, ZH, draft, host).showAndWait())) {
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
        try (VirtualScreen ui = new VirtualScreen(140, 40, gui -> new LabWindow(gui, ZH, draft, host).showAndWait())) {
            ui.waitFor(ZH.get("lab.up"));
            ui.click(ZH.get("lab.up"));
            assertThat(ui.waitFor("900 秒后超时")).doesNotContain("timed out");
            ui.ctrl('c');
        }
    }

    /** A pair's lab has Failover, which runs lab.sh failover; a lab of one director has none. */
    @Test
    void aPairsLabWindowOffersFailover(@TempDir Path dir) throws Exception {
        FakeHost host = FakeHost.seedDirector();
        Draft pair = new Draft(Examples.load("ha-dr"), HostRole.DIRECTOR, dir.resolve("saved.json"),
                dir.resolve("out"), Flavour.IPROUTE2);
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new LabWindow(gui, ZH, pair, host).showAndWait())) {
            ui.waitFor(ZH.get("lab.failover"));
            ui.click(ZH.get("lab.up"));
            ui.waitFor(ZH.get("run.exit", 0));
            ui.click(ZH.get("lab.failover"));
            ui.waitFor("lab.sh failover");
            // the window shows the command as it starts it: the fake host may record it a moment later
            long end = System.currentTimeMillis() + 10_000;
            while (host.displays().stream().noneMatch(d -> d.endsWith("/out/lab/lab.sh failover"))
                    && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertThat(host.displays()).anySatisfy(d -> assertThat(d).endsWith("/out/lab/lab.sh failover"));
            ui.ctrl('c');
        }
        Draft one = draft(dir.resolve("one"));
        try (VirtualScreen ui = new VirtualScreen(80, 24, gui -> new LabWindow(gui, ZH, one, host).showAndWait())) {
            assertThat(ui.waitFor(ZH.get("lab.down"))).doesNotContain(ZH.get("lab.failover"));
            ui.ctrl('c');
        }
    }
}
