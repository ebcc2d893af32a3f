package lvswizard.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A pretend Linux host for tests: answers the read-only commands lvs-wizard uses (ip -j, cat of
 * /proc/sys, ls /sys/module, id -u, ipvsadm -S -n, iptables -C, test -e) from fields a test sets,
 * records every command, and lets a test decide what "bash SCRIPT ACTION" does to the host.
 */
public final class FakeHost implements Runner {
    public final Map<String, List<String>> addresses = new LinkedHashMap<>();
    public final Map<String, String> sysctls = new LinkedHashMap<>();
    public final Set<String> modules = new TreeSet<>();
    public final Set<String> files = new TreeSet<>();
    public final Set<String> marks = new TreeSet<>();
    /** Modules this kernel was built without: modprobe cannot find them (ip_vs here: IPVS cannot work). */
    public final Set<String> notInKernel = new TreeSet<>();
    public String uid = "0";
    public String gateway4;
    public String ipvsRules = "";
    public boolean ipvsadmInstalled = true;
    /** When set, what ipvsadm -S -n complains (exit 2) although it runs as root on a kernel with IPVS. */
    public String ipvsadmFails;
    public Function<Command, Execution> scripts = c -> FakeRunner.exit(c, 0, "", "");
    /** Answers for any other command, by its display form ("ipvsadm -L -n"). */
    public final Map<String, String> outputs = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();
    /** Regular files by path with their text (cat reads them; install and rm change them). */
    public final Map<String, String> fileContents = new LinkedHashMap<>();
    /** keepalived's version, or null: not installed. */
    public String keepalivedVersion;
    /** What keepalived --config-test says on stderr when it refuses the file (exit 1); null: accepts. */
    public String keepalivedRefuses;
    /** The IPVS table keepalived makes from its file when it starts or reloads (removed when it stops). */
    public String keepalivedRules = "";
    /** What VRRP gives this host when keepalived starts (a master's VIPs), device to addresses; taken back when it stops. */
    public final Map<String, List<String>> vrrpAddresses = new LinkedHashMap<>();
    /** The FORWARD chain's policy iptables -S FORWARD shows. */
    public String forwardPolicy = "ACCEPT";
    /** Addresses that answer ping (the other director of a pair); null: ping is not installed. */
    public Set<String> answersPing = new TreeSet<>();

    /** Addresses as ip -j shows them: "eth0" to "10.10.10.11/24". */
    public FakeHost address(String dev, String... cidrs) {
        addresses.computeIfAbsent(dev, k -> new ArrayList<>()).addAll(List.of(cidrs));
        return this;
    }

    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    public synchronized List<String> displays() {
        return commands.stream().map(Command::display).toList();
    }

    @Override
    public synchronized Execution run(Command c, OutputListener listener) {
        commands.add(c);
        List<String> a = c.argv();
        String line = String.join(" ", a);
        Execution result;
        if (line.equals("ip -j addr show")) {
            result = ok(c, addrJson());
        } else if (line.equals("ip -j -4 route show default")) {
            result = ok(c, gateway4 == null ? "[]" : "[{\"dst\":\"default\",\"gateway\":\"" + gateway4 + "\",\"dev\":\"eth0\"}]");
        } else if (line.equals("ip -j -6 route show default")) {
            result = ok(c, "[]");
        } else if (a.get(0).equals("cat") && a.size() == 2 && fileContents.containsKey(a.get(1))) {
            result = ok(c, fileContents.get(a.get(1)));
        } else if (a.get(0).equals("keepalived") || a.get(0).equals("systemctl") || a.get(0).equals("kill")
                || a.get(0).equals("install") || a.get(0).equals("rm")) {
            result = keepalived(c);
        } else if (a.get(0).equals("cat") && a.size() == 2) {
            String value = sysctls.get(a.get(1));
            result = value == null ? FakeRunner.exit(c, 1, "", "cat: " + a.get(1) + ": No such file or directory\n")
                    : ok(c, value + "\n");
        } else if (line.equals("ls /sys/module")) {
            result = ok(c, String.join("\n", modules) + "\n");
        } else if (line.equals("id -u")) {
            result = ok(c, uid + "\n");
        } else if (a.get(0).equals("ipvsadm") && !ipvsadmInstalled) {
            result = new Execution(c, -1, "", "Cannot run program \"ipvsadm\"", Duration.ZERO, Execution.Ending.NOT_STARTED);
        } else if (line.equals("ipvsadm --version")) {
            result = ok(c, "ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n");
        } else if (line.equals("ipvsadm -S -n")) {
            result = !uid.equals("0")
                    ? FakeRunner.exit(c, 2, "", "Can't initialize ipvs: Permission denied (you must be root)\n")
                    : notInKernel.contains("ip_vs") ? FakeRunner.exit(c, 2, "", "Can't initialize ipvs: Protocol not "
                    + "available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n")
                    : ipvsadmFails != null ? FakeRunner.exit(c, 2, "", ipvsadmFails + "\n")
                    : ok(c, ipvsRules);
        } else if (line.equals("ipvsadm -C")) {
            ipvsRules = "";
            result = ok(c, "");
        } else if (line.equals("ipvsadm -R")) {
            // as ipvsadm: the rules are added to what is there
            ipvsRules = ipvsRules + c.stdin();
            result = ok(c, "");
        } else if (a.get(0).equals("ipvsadm") && a.get(1).equals("-D")) {
            String key = String.join(" ", a.subList(2, a.size()));
            ipvsRules = ipvsRules.lines().filter(l -> !l.startsWith("-A " + key + " ") && !l.equals("-A " + key)
                    && !l.startsWith("-a " + key + " ")).map(l -> l + "\n").reduce("", String::concat);
            result = ok(c, "");
        } else if (a.get(0).equals("sysctl") && a.contains("-w")) {
            String[] kv = a.get(a.size() - 1).split("=", 2);
            sysctls.put("/proc/sys/" + kv[0].replace('.', '/'), kv[1]);
            result = ok(c, "");
        } else if (a.get(0).equals("modprobe")) {
            String module = a.get(a.size() - 1);
            result = FakeRunner.exit(c, !notInKernel.contains(module) && (modules.contains(module)
                    || module.startsWith("ip_vs")) ? 0 : 1, "", "");
        } else if (a.get(0).equals("test") && a.size() == 3) {
            result = FakeRunner.exit(c, files.contains(a.get(2)) ? 0 : 1, "", "");
        } else if (a.get(0).endsWith("tables") && a.size() == 3 && a.get(1).equals("-S") && a.get(2).equals("FORWARD")) {
            result = ok(c, "-P FORWARD " + forwardPolicy + "\n");
        } else if (a.get(0).endsWith("tables") && a.contains("-C")) {
            result = FakeRunner.exit(c, marks.contains(String.join(" ", a.subList(5, a.size()))) ? 0 : 1, "", "");
        } else if (a.get(0).equals("ping")) {
            result = answersPing == null ? new Execution(c, -1, "", "Cannot run program \"ping\"", Duration.ZERO,
                    Execution.Ending.NOT_STARTED) : FakeRunner.exit(c, answersPing.contains(a.get(a.size() - 1)) ? 0 : 1,
                    "", "");
        } else if (outputs.containsKey(c.display())) {
            result = ok(c, outputs.get(c.display()));
        } else if (a.get(0).equals("ipvsadm") && a.get(1).equals("-e")) {
            ipvsRules = ipvsRules + "# edited: " + line + "\n";
            result = ok(c, "");
        } else if (a.get(0).equals("bash")) {
            result = scripts.apply(c);
        } else {
            throw new AssertionError("FakeHost does not know: " + c.display());
        }
        result.stdout().lines().forEach(l -> listener.line(OutputListener.Stream.STDOUT, l));
        result.stderr().lines().forEach(l -> listener.line(OutputListener.Stream.STDERR, l));
        return result;
    }

    private Execution keepalived(Command c) {
        List<String> a = c.argv();
        String line = String.join(" ", a);
        if (a.get(0).equals("keepalived") && keepalivedVersion == null) {
            return new Execution(c, -1, "", "Cannot run program \"keepalived\"", Duration.ZERO,
                    Execution.Ending.NOT_STARTED);
        }
        if (line.equals("keepalived --version")) {
            return FakeRunner.exit(c, 0, "", "Keepalived v" + keepalivedVersion + " (01/16,2022)\n\nCopyright\n");
        }
        if (a.get(0).equals("keepalived") && a.get(1).equals("--config-test")) {
            return keepalivedRefuses == null ? ok(c, "") : FakeRunner.exit(c, 1, "", keepalivedRefuses + "\n");
        }
        if (a.get(0).equals("keepalived")) {
            keepalivedRuns(4242, a.toArray(String[]::new));
            ipvsRules = keepalivedRules;
            vrrpAddresses.forEach((dev, cidrs) -> address(dev, cidrs.toArray(String[]::new)));
            return ok(c, "");
        }
        if (a.get(0).equals("systemctl")) {
            // systemd's keepalived.service is not emulated: nothing is active
            return FakeRunner.exit(c, 3, "", "");
        }
        if (a.get(0).equals("kill")) {
            if (a.get(1).equals("-TERM")) {
                keepalivedStopped();
                ipvsRules = "";
                vrrpAddresses.forEach((dev, cidrs) -> addresses.getOrDefault(dev, new ArrayList<>()).removeAll(cidrs));
            } else {
                ipvsRules = keepalivedRules;
            }
            return ok(c, "");
        }
        if (a.get(0).equals("install")) {
            String source = a.get(a.size() - 2);
            try {
                fileContents.put(a.get(a.size() - 1), source.equals("/dev/stdin") ? c.stdin()
                        : Files.readString(Path.of(source)));
            } catch (IOException e) {
                return FakeRunner.exit(c, 1, "", "install: cannot stat '" + source + "'\n");
            }
            return ok(c, "");
        }
        fileContents.remove(a.get(a.size() - 1));
        return ok(c, "");
    }

    /** A keepalived runs with these arguments: its pid file and /proc/PID/cmdline say so. */
    public void keepalivedRuns(long pid, String... args) {
        keepalivedStopped();
        fileContents.put("/run/keepalived.pid", pid + "\n");
        fileContents.put("/proc/" + pid + "/cmdline", String.join("\0", args) + "\0");
    }

    /** No keepalived runs any more. */
    public void keepalivedStopped() {
        String pid = fileContents.remove("/run/keepalived.pid");
        if (pid != null) {
            fileContents.remove("/proc/" + pid.strip() + "/cmdline");
        }
    }

    public boolean keepalivedRunning() {
        return fileContents.containsKey("/run/keepalived.pid");
    }

    private static Execution ok(Command c, String stdout) {
        return FakeRunner.exit(c, 0, stdout, "");
    }

    private String addrJson() {
        StringBuilder json = new StringBuilder("[");
        addresses.forEach((dev, list) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"ifname\":\"").append(dev).append("\",\"addr_info\":[");
            for (int i = 0; i < list.size(); i++) {
                String[] p = list.get(i).split("/");
                json.append(i == 0 ? "" : ",").append("{\"family\":\"").append(p[0].contains(":") ? "inet6" : "inet")
                        .append("\",\"local\":\"").append(p[0]).append("\",\"prefixlen\":").append(p[1])
                        .append(",\"scope\":\"global\"}");
            }
            json.append("]}");
        });
        return json.append(']').toString();
    }

    /** A seed real server (rs1) before anything ran: Debian's defaults. */
    public static FakeHost seedRealServer() {
        FakeHost host = new FakeHost().address("lo", "127.0.0.1/8").address("eth0", "10.10.10.11/24");
        for (String scope : List.of("all", "eth0")) {
            host.sysctls.put("/proc/sys/net/ipv4/conf/" + scope + "/arp_ignore", "0");
            host.sysctls.put("/proc/sys/net/ipv4/conf/" + scope + "/arp_announce", "0");
        }
        host.modules.addAll(List.of("bridge", "veth"));
        return host;
    }

    /** The seed director before anything ran. */
    public static FakeHost seedDirector() {
        FakeHost host = new FakeHost().address("lo", "127.0.0.1/8").address("eth0", "10.10.10.10/24")
                .address("eth1");
        host.addresses.put("eth1", new ArrayList<>());
        host.modules.add("veth");
        return host;
    }
}
