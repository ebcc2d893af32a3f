package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.output.OutputDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts' LSB exit codes as systemd sees them: its SysV wrapper counts 5 and 6 as success, so
 * under systemd (INVOCATION_ID set) a start that failed for a missing interface exits 1. Run for
 * real as root, in a mount namespace with a /run of its own; the preflight fails before any change.
 */
class ScriptExitCodeTest {
    @Test
    void aMissingInterfaceIsSixByHandAndOneUnderSystemd(@TempDir Path dir) throws Exception {
        var tree = Examples.tree("seed-dr");
        Examples.set(tree, "/realServers/0/interface", "\"lvswnone0\"");
        new OutputDirectory(dir).write(new ScriptsExport().files(Examples.plan(Examples.cluster(tree)),
                Export.Options.of(Flavour.IPROUTE2)), false);
        String script = dir.resolve("realserver-rs1.sh").toString();
        Tools.Result byHand = Tools.run(privateRun(script, "env", "-u", "INVOCATION_ID"));
        assertThat(byHand.exitCode()).as(byHand.output()).isEqualTo(6);
        assertThat(byHand.output()).contains("interface lvswnone0 does not exist on this host");
        Tools.Result underSystemd = Tools.run(privateRun(script, "env", "INVOCATION_ID=0123456789abcdef"));
        assertThat(underSystemd.exitCode()).as(underSystemd.output()).isEqualTo(1);
        assertThat(underSystemd.output()).contains("interface lvswnone0 does not exist on this host");
    }

    /** bash SCRIPT start with a private /run (the lock and state go there, not on this host). */
    private static List<String> privateRun(String script, String... env) {
        List<String> argv = new java.util.ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs tmpfs /run && exec \"$@\"", "sh"));
        argv.addAll(List.of(env));
        argv.addAll(List.of("bash", script, "start"));
        return argv;
    }
}
