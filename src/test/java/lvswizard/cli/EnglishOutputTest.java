package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lvswizard.exec.FakeHost;
import lvswizard.exec.FakeRunner;
import lvswizard.exec.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What run, doctor and monitor --once print, word for word, on pretend hosts: the command line
 * speaks English and must not change when the windows learn other languages. The expected output
 * is in src/test/resources/cli-english.txt; refresh it with
 * mvn test -Dtest=EnglishOutputTest -Dgolden.update=true, and review the diff.
 */
class EnglishOutputTest {
    private static final Path EXPECTED = Path.of("src/test/resources/cli-english.txt");
    private static final String SEED = "examples/seed-dr.json";
    private static final String LIST = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  192.168.101.168:22 lc persistent 300 mask 255.255.255.0
              -> 10.10.10.13:22               Masq    5      0          0
            TCP  192.168.101.168:80 wlc
              -> 10.10.10.11:80               Route   2      2          20
              -> 10.10.10.12:80               Route   0      1          10
            FWM  7 rr persistent 600
              -> 10.10.10.11:0                Masq    1      0          0
              -> 10.10.10.12:0                Masq    1      0          6
            """;

    private final StringBuilder transcript = new StringBuilder();
    private Path dir;

    @Test
    void runDoctorAndMonitorPrintWhatTheyAlwaysPrinted(@TempDir Path temp) throws IOException {
        dir = temp;
        String out = dir.resolve("out").toString();
        String[] director = {"--config", SEED, "--role", "director", "--out", out};
        String[] rs1 = {"--config", SEED, "--role", "realserver:rs1", "--out", out};

        run("dry run, director", FakeHost.seedDirector(), join("run", director, "--dry-run", "start"));
        run("dry run, real server", FakeHost.seedRealServer(), join("run", rs1, "--dry-run", "start"));
        run("dry run, real server with another gateway", host(FakeHost.seedRealServer(), h -> h.gateway4 = "192.0.2.1"),
                join("run", rs1, "--dry-run", "start"));
        run("dry run, a host in the way", host(FakeHost.seedDirector(), h -> {
            h.uid = "1000";
            h.ipvsadmInstalled = false;
            h.addresses.remove("eth1");
            h.address("lo", "192.168.101.168/32");
        }), join("run", director, "--dry-run", "start"));
        run("dry run, someone else's service", host(FakeHost.seedDirector(), h -> h.ipvsRules =
                "-A -t 192.168.101.168:80 -s rr\n"), join("run", director, "--dry-run", "start"));
        run("dry run, status", FakeHost.seedDirector(), join("run", director, "--dry-run", "status"));
        run("dry run, fwmark", FakeHost.seedDirector(), "run", "--config", "examples/fwmark-https.json", "--role",
                "director", "--out", out, "--dry-run", "start");
        run("dry run, tun real server", host(new FakeHost(), h -> h.address("eth0", "172.16.5.21/24")), "run",
                "--config", "examples/tun-ipip.json", "--role", "realserver:site-a", "--out", out, "--dry-run", "start");
        run("dry run, nat real server with another gateway", host(new FakeHost(), h -> {
            h.address("eth0", "10.10.20.11/24");
            h.gateway4 = "10.10.20.254";
        }), "run", "--config", "examples/nat-portmap.json", "--role", "realserver:app1", "--out", out, "--dry-run",
                "start");

        FakeHost started = FakeHost.seedRealServer();
        started.scripts = c -> FakeRunner.exit(c, 0, "rs1: " + c.argv().get(2) + "ed\n", "");
        run("start, declined", started, join("run", rs1, "start"));
        run("start", started, join("run", rs1, "--yes", "start"));
        run("status", started, join("run", rs1, "status"));
        run("undo, dry run", started, join("run", rs1, "--dry-run", "undo"));
        run("undo", started, join("run", rs1, "--yes", "undo"));
        run("undo, again", started, join("run", rs1, "--yes", "undo"));
        FakeHost directorStarted = FakeHost.seedDirector();
        directorStarted.ipvsRules = "-A -t 10.0.0.1:22 -s rr\n";
        run("director start", directorStarted, join("run", director, "--yes", "start"));
        run("director undo", directorStarted, join("run", director, "--yes", "undo"));
        run("bad role", new FakeHost(), "run", "--config", SEED, "--role", "realserver:rs9", "status");
        run("no real server here", FakeHost.seedDirector(), "run", "--config", SEED, "--role", "realserver", "status");

        run("doctor, real server", FakeHost.seedRealServer(), "doctor", "--config", SEED, "--role", "realserver:rs1");
        run("doctor, started real server", host(FakeHost.seedRealServer(), h -> {
            h.sysctls.replaceAll((path, value) -> path.endsWith("arp_ignore") ? "1" : "2");
            h.address("lo", "192.168.101.168/32");
            h.address("eth0", "192.168.101.168/24");
            h.gateway4 = "10.10.10.1";
        }), "doctor", "--config", SEED, "--role", "realserver:rs1");
        run("doctor, director", host(FakeHost.seedDirector(), h -> {
            h.address("eth1", "192.168.101.168/24");
            h.modules.add("ip_vs");
            h.gateway4 = "192.168.101.254";
            h.ipvsRules = """
                    -A -t 192.168.101.168:80 -s rr
                    -a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 0
                    -a -t 192.168.101.168:80 -r 10.10.10.13:80 -g -w 1
                    """;
        }), "doctor", "--config", SEED, "--role", "director");
        run("doctor, director not root", host(FakeHost.seedDirector(), h -> h.uid = "1000"), "doctor", "--config", SEED,
                "--role", "director");
        run("doctor, fwmark director", FakeHost.seedDirector(), "doctor", "--config", "examples/fwmark-https.json",
                "--role", "director");
        run("doctor, nat real server", host(new FakeHost(), h -> {
            h.address("eth0", "10.10.20.11/24");
            h.gateway4 = "10.10.20.254";
        }), "doctor", "--config", "examples/nat-portmap.json", "--role", "realserver:app1");

        for (String view : new String[] {"", "--stats", "--rate"}) {
            FakeRunner listing = new FakeRunner().answer("ipvsadm -L -n", 0, LIST)
                    .answer("ipvsadm -L -n --stats --exact", 0, "").answer("ipvsadm -L -n --rate --exact", 0, "");
            run("monitor " + view, listing, view.isEmpty() ? new String[] {"monitor", "--once", "--config", SEED}
                    : new String[] {"monitor", "--once", "--config", SEED, view});
        }
        run("monitor, empty", new FakeRunner().answer("ipvsadm", 0, ""), "monitor", "--once");
        run("monitor, no ipvsadm", new FakeRunner().missing("ipvsadm"), "monitor", "--once");
        run("monitor, not root", new FakeRunner().answer("ipvsadm", 2, "",
                "Can't initialize ipvs: Permission denied (you must be root)\n"), "monitor", "--once");

        String actual = transcript.toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    private void run(String what, Runner runner, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), runner);
        transcript.append("== ").append(what).append(": ").append(String.join(" ", args)).append('\n')
                .append(out).append("-- stderr\n").append(err).append("-- exit ").append(code).append("\n\n");
        String normal = transcript.toString().replace(dir.toAbsolutePath().toString(), "$DIR")
                .replace(dir.toString(), "$DIR")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "\\$TIME");
        transcript.setLength(0);
        transcript.append(normal);
    }

    private static FakeHost host(FakeHost host, Consumer<FakeHost> change) {
        change.accept(host);
        return host;
    }

    private static String[] join(String command, String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
