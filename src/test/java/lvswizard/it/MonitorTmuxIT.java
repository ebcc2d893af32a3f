package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import lvswizard.Tools;
import lvswizard.ipvs.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar's full-screen monitor in a real terminal (tmux), reading a stand-in ipvsadm on
 * PATH that prints listings the real kernel printed and records its arguments.
 */
@Timeout(120)
class MonitorTmuxIT {
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color";

    @BeforeAll
    static void tmuxIsPresent() {
        assertThat(Tools.onPath("tmux")).as("tmux is required; the README's test command installs it").isTrue();
    }

    private static void standInIpvsadm(Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String name : new String[] {"list", "stats-exact", "rate-exact", "save"}) {
            Files.writeString(dir.resolve(name + ".txt"), Fixtures.listing(name));
        }
        Path ipvsadm = bin.resolve("ipvsadm");
        Files.writeString(ipvsadm, """
                #!/bin/sh
                echo "$*" >> "$(dirname "$0")/../calls.txt"
                d=$(dirname "$0")/..
                case "$*" in
                    *--stats*) exec cat "$d/stats-exact.txt" ;;
                    *--rate*) exec cat "$d/rate-exact.txt" ;;
                    "-S -n") exec cat "$d/save.txt" ;;
                    -e*) exit 0 ;;
                    *) exec cat "$d/list.txt" ;;
                esac
                """);
        Files.setPosixFilePermissions(ipvsadm, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void liveViewSwitchesViewsQuiescesAfterConfirmingAndLeavesASaneTerminal(@TempDir Path dir) throws Exception {
        standInIpvsadm(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Jar.JAR.toAbsolutePath();
        String command = "PATH=" + dir.resolve("bin") + ":$PATH " + ENV + " " + java
                + " monitor --interval 0.5 --log cmd.log; echo EXIT=$?; stty -a > stty.txt; sleep 60";
        try (Tmux tmux = new Tmux(dir, 130, 40, command)) {
            tmux.waitForAll("10.10.10.13:80", "lvs-wizard monitor: connections view", "FWM 7  rr  persistent 600 s",
                    "QUIESCED (weight 0)", "[2001:db8:2::11]:80");
            tmux.keys("s");
            tmux.waitForAll("stats view", "CONNS", "INPKTS");
            tmux.keys("r");
            tmux.waitForAll("rate view", "CPS", "INBPS");
            tmux.keys("Down", "w");
            tmux.waitForAll("Quiesce a real server", "Set the weight of");
            // a destructive question opens on No: one step back to Yes
            tmux.keys("BTab", "Enter");
            tmux.waitFor("Ran: ipvsadm -e");
            tmux.keys("q");
            tmux.waitFor("EXIT=0");
        }
        assertThat(Files.readString(dir.resolve("calls.txt"))).contains("-L -n --stats --exact", "-S -n",
                "-e -t 192.168.101.168:80 -r 10.10.10.11:80 -m -w 0");
        assertThat(Files.readString(dir.resolve("cmd.log"))).contains(
                "exit 0", "ipvsadm -e -t 192.168.101.168:80 -r 10.10.10.11:80 -m -w 0");
        assertThat(Files.readString(dir.resolve("stty.txt"))).containsPattern("(?m)(^|[ ;])echo([ ;]|$)")
                .containsPattern("(?m)(^|[ ;])icanon([ ;]|$)").contains("susp = ^Z");
    }
}
