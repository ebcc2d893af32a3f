package lvswizard.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the JVM is told to stop (SIGTERM: quit, Ctrl-C, a crash that runs the hooks), no child outlives it. */
class NoOrphanTest {
    @Test
    void sigtermToTheJvmStopsTheChildAndWhatItStarted(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path ready = dir.resolve("ready");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanProbe.class.getName(), pidFile.toString(), ready.toString()).inheritIO().start();
        for (int i = 0; i < 400 && (!Files.exists(pidFile) || Files.size(pidFile) == 0 || !Files.exists(ready)); i++) {
            Thread.sleep(50);
        }
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(grandchild)).as("the grandchild runs").isPresent();
        jvm.destroy(); // SIGTERM
        assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        boolean gone = false;
        for (int i = 0; i < 50 && !gone; i++) {
            gone = ProcessHandle.of(grandchild).map(h -> !h.isAlive()).orElse(true);
            Thread.sleep(100);
        }
        assertThat(gone).as("sleep " + grandchild + " was stopped with the JVM").isTrue();
    }
}
