package lvswizard.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.IpvsOwner;

/**
 * keepalived on this host as a director in keepalived mode finds it: its version (null: not
 * installed), the keepalived of this host's {@value #PID_FILE} with the configuration it reads
 * (null: none runs), the file at {@value IpvsOwner#KEEPALIVED_CONF} (null: none), whether systemd
 * is the init and whether it runs keepalived.service. The pid comes from keepalived's own pid
 * file, which only root can write, and is believed only when that process is keepalived: a
 * keepalived of another user or of a container with its own /run is never taken for this one.
 */
public record KeepalivedHost(String version, Running running, String installed, boolean systemdInit,
                             boolean systemdRunsIt) {
    /** keepalived's main pid file, on every distribution (its default). */
    public static final String PID_FILE = "/run/keepalived.pid";
    private static final Pattern VERSION = Pattern.compile("Keepalived v(\\S+)");

    /** The keepalived process and the configuration file it was started with. */
    public record Running(long pid, String config) {
    }

    public static KeepalivedHost read(Runner runner) {
        Execution version = runner.run(Command.of("keepalived", "--version"));
        // keepalived 2.x prints its version on stderr
        Matcher matcher = VERSION.matcher(version.stdout() + version.stderr());
        String found = version.ending() == Execution.Ending.EXITED && matcher.find() ? matcher.group(1) : null;
        Execution cat = runner.run(Command.of("cat", IpvsOwner.KEEPALIVED_CONF));
        boolean systemdInit = runner.run(Command.of("test", "-d", "/run/systemd/system")).succeeded();
        boolean systemdRunsIt = systemdInit && runner.run(Command.of("systemctl", "is-active", "--quiet",
                "keepalived.service")).succeeded();
        return new KeepalivedHost(found, running(runner), cat.succeeded() ? cat.stdout() : null, systemdInit,
                systemdRunsIt);
    }

    private static Running running(Runner runner) {
        Execution pidFile = runner.run(Command.of("cat", PID_FILE));
        String pid = pidFile.succeeded() ? pidFile.stdout().strip() : "";
        if (!pid.matches("[1-9]\\d{0,9}")) {
            return null;
        }
        Execution cmdline = runner.run(Command.of("cat", "/proc/" + pid + "/cmdline"));
        return cmdline.succeeded() ? running(Long.parseLong(pid), cmdline.stdout()) : null;
    }

    /**
     * Pure: /proc/PID/cmdline (arguments separated by NUL) to the process, or null when it is not
     * keepalived (a stale pid file whose number now belongs to another program). The file is named
     * with -f FILE, -fFILE, --use-file FILE or --use-file=FILE; without one it is the standard file.
     */
    static Running running(long pid, String cmdline) {
        List<String> args = List.of(cmdline.split("\0"));
        if (args.isEmpty() || !(args.get(0).equals("keepalived") || args.get(0).endsWith("/keepalived"))) {
            return null;
        }
        String config = IpvsOwner.KEEPALIVED_CONF;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-f") || arg.equals("--use-file")) && i + 1 < args.size()) {
                config = args.get(++i);
            } else if (arg.startsWith("--use-file=")) {
                config = arg.substring("--use-file=".length());
            } else if (arg.startsWith("-f") && arg.length() > 2) {
                config = arg.substring(2);
            }
        }
        return new Running(pid, config);
    }

    public boolean installedHere() {
        return version != null;
    }

    public boolean isRunning() {
        return running != null;
    }

    public long mainPid() {
        return running.pid();
    }

    /** The running keepalived when it reads another file than the standard one, or null. */
    public Running runningElsewhere() {
        return running != null && !running.config().equals(IpvsOwner.KEEPALIVED_CONF) ? running : null;
    }
}
