package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lvswizard.exec.FakeRunner;
import lvswizard.ipvs.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(FakeRunner runner, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), runner);
    }

    private static FakeRunner kernel() throws Exception {
        return new FakeRunner().answer("ipvsadm -L -n", 0, Fixtures.listing("list"))
                .answer("ipvsadm -L -n --stats --exact", 0, Fixtures.listing("stats-exact"))
                .answer("ipvsadm -L -n --rate --exact", 0, Fixtures.listing("rate-exact"));
    }

    @Test
    void onceReadsTheThreeListingsAndPrintsOneSnapshot() throws Exception {
        FakeRunner fake = kernel();
        assertThat(run(fake, "monitor", "--once")).isZero();
        assertThat(fake.displays()).containsExactly("ipvsadm -L -n", "ipvsadm -L -n --stats --exact",
                "ipvsadm -L -n --rate --exact");
        assertThat(out.toString()).contains("TCP 192.168.101.168:80  wlc", "FWM 7  rr  persistent 600 s",
                "QUIESCED (weight 0)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onceWithStatsShowsTotals() throws Exception {
        assertThat(run(kernel(), "monitor", "--once", "--stats")).isZero();
        assertThat(out.toString()).contains("CONNS", "9224", "4902");
    }

    /**
     * The configuration is a named pipe that the first listing fills: a snapshot that read its
     * configuration before starting the listings would wait on the pipe for ever.
     */
    @Test
    void onceReadsTheTableWhileItReadsTheConfiguration(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("cluster.json");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        String seed = Files.readString(Path.of("examples/seed-dr.json"));
        FakeRunner fake = kernel();
        FakeRunner listingFillsThePipe = new FakeRunner().answer("ipvsadm -L -n", command -> {
            try {
                Files.writeString(pipe, seed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fake.run(command);
        }).otherwise(fake::run);
        ExecutorService background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "monitor-under-test");
            thread.setDaemon(true); // a failed run may stay blocked on the pipe
            return thread;
        });
        try {
            Future<Integer> code = background.submit(() ->
                    run(listingFillsThePipe, "monitor", "--once", "--config", pipe.toString()));
            assertThat(code.get(20, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).contains("TCP 192.168.101.168:80  wlc");
        } catch (TimeoutException e) {
            // let the waiting reader go before failing
            Files.writeString(pipe, seed);
            throw new AssertionError("monitor --once waited for its configuration before listing the table", e);
        } finally {
            background.shutdownNow();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theConfigNamesTheRealServers() throws Exception {
        java.nio.file.Path config = java.nio.file.Path.of("examples/seed-dr.json");
        FakeRunner fake = new FakeRunner().answer("ipvsadm -L -n", 0, """
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  192.168.101.168:80 wlc
                  -> 10.10.10.11:80               Route   2      0          20
                  -> 10.10.10.12:80               Route   1      0          10
                """).answer("ipvsadm -L -n --stats --exact", 0, "").answer("ipvsadm -L -n --rate --exact", 0, "");
        assertThat(run(fake, "monitor", "--once", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("rs1 10.10.10.11:80", "rs2 10.10.10.12:80");
    }

    @Test
    void noIpvsadmOrNoPermissionIsOneLineWithTheFix() {
        assertThat(run(new FakeRunner().missing("ipvsadm"), "monitor", "--once")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "lvs-wizard: ipvsadm not found: install it (apt-get install ipvsadm, or yum install ipvsadm)\n");
        StringWriter e2 = new StringWriter();
        int code = Main.execute(new String[] {"monitor", "--once"}, new PrintWriter(new StringWriter()),
                new PrintWriter(e2, true), new FakeRunner().answer("ipvsadm", 2, "",
                        "Can't initialize ipvs: Permission denied (you must be root)\n"));
        assertThat(code).isEqualTo(1);
        assertThat(e2.toString()).isEqualTo("lvs-wizard: ipvsadm -L -n failed (exit 2): Can't initialize ipvs: "
                + "Permission denied (you must be root); run as root (sudo)\n");
        StringWriter e3 = new StringWriter();
        Main.execute(new String[] {"monitor", "--once"}, new PrintWriter(new StringWriter()),
                new PrintWriter(e3, true), new FakeRunner().answer("ipvsadm", 2, "", "Can't initialize ipvs: Protocol "
                        + "not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n"));
        assertThat(e3.toString()).as("ipvsadm ran modprobe ip_vs itself: no module to load").isEqualTo(
                "lvs-wizard: ipvsadm -L -n failed (exit 2): Can't initialize ipvs: Protocol not available; this kernel "
                        + "lacks IPVS (CONFIG_IP_VS): use a kernel built with it\n");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() {
        FakeRunner fake = new FakeRunner();
        assertThat(run(fake, "monitor", "--once", "--interval", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--interval 0.0 is out of range; expected 0.1-3600 seconds");
        assertThat(fake.commands()).isEmpty();
    }
}
