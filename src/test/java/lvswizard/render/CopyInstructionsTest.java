package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.output.OutputDirectory;
import lvswizard.plan.IpvsOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * copy-to-hosts.sh puts each file in place over ssh, never staged under a fixed name in the
 * target's /tmp (where another local user could swap it before root installs it).
 */
class CopyInstructionsTest {
    @Test
    void noLineStagesAFileInTmp() {
        for (String example : Examples.names()) {
            for (IpvsOwner owner : IpvsOwner.values()) {
                List<String> lines = CopyInstructions.lines(Examples.plan(example), "out", owner);
                assertThat(lines).as(example).noneMatch(l -> l.contains("/tmp")).noneMatch(l -> l.startsWith("scp "));
            }
        }
        assertThat(CopyInstructions.lines(Examples.plan("seed-dr"), "out", IpvsOwner.SCRIPT)).contains(
                "ssh root@10.10.10.10 'd=$(mktemp -d) && f=\"$d/file\" && cat >\"$f\" && bash -n \"$f\" && install -m 0755"
                        + " \"$f\" /usr/local/sbin/lvs-seed-dr-director; rc=$?; rm -rf \"$d\"; exit $rc' < 'out/director.sh'");
    }

    /** Run with a stand-in ssh that keeps what it was given: each install gets the right file on stdin. */
    @Test
    void eachInstallReadsItsOwnFileFromStdin(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        new OutputDirectory(out).write(new KeepalivedExport().files(Examples.plan("ha-dr"),
                Export.Options.of(Flavour.IPROUTE2)), false);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("ssh.log");
        Files.writeString(bin.resolve("ssh"), "#!/bin/bash\nn=$(wc -l < \"$SSH_LOG\" 2>/dev/null || echo 0)\n"
                + "printf '%s\\n' \"$2\" >> \"$SSH_LOG\"\ncat > \"$SSH_LOG.$n\"\n");
        Files.setPosixFilePermissions(bin.resolve("ssh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Tools.Result run = Tools.run(List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"), "SSH_LOG=" + log,
                "bash", out.resolve(CopyInstructions.FILE_NAME).toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> commands = Files.readAllLines(log);
        Map<String, String> expected = Map.of(
                "install -m 0755 \"$f\" /usr/local/sbin/lvs-ha-dr-director-director2", "director-director2.sh",
                "install -m 0644 \"$f\" /etc/systemd/system/lvs-ha-dr-realserver-rs1.service",
                "lvs-ha-dr-realserver-rs1.service",
                "keepalived -t -f \"$f\"", "keepalived-director2.conf");
        for (var entry : expected.entrySet()) {
            // the last command that matches: for keepalived.conf, director2's (the directors come in order)
            int n = -1;
            for (int i = 0; i < commands.size(); i++) {
                if (commands.get(i).contains(entry.getKey())) {
                    n = i;
                }
            }
            assertThat(n).as(entry.getKey()).isNotNegative();
            assertThat(Files.readString(Path.of(log + "." + n))).as(entry.getKey())
                    .isEqualTo(Files.readString(out.resolve(entry.getValue())));
        }
        // the remote side as the target runs it, with /usr/local/sbin in a directory of the test's own
        String remote = commands.stream().filter(c -> c.contains("/usr/local/sbin/lvs-ha-dr-director;")).findFirst()
                .orElseThrow();
        Path target = dir.resolve("sbin/lvs-ha-dr-director");
        Files.createDirectories(target.getParent());
        Tools.Result install = Tools.run(List.of("bash", "-c", "exec < '" + out.resolve("director.sh") + "'; "
                + remote.replace("/usr/local/sbin/", target.getParent() + "/")));
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(target)).isEqualTo(Files.readString(out.resolve("director.sh")));
        // half a script (the connection cut) is not installed: bash -n refuses it
        Path half = dir.resolve("half.sh");
        String whole = Files.readString(out.resolve("director.sh"));
        Files.writeString(half, whole.substring(0, whole.indexOf("do_start() {") + 20));
        Files.delete(target);
        Tools.Result cut = Tools.run(List.of("bash", "-c", "exec < '" + half + "'; "
                + remote.replace("/usr/local/sbin/", target.getParent() + "/")));
        assertThat(cut.exitCode()).isNotZero();
        assertThat(target).doesNotExist();
        Files.writeString(target, whole);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
    }
}
