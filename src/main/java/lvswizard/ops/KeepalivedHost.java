package lvswizard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.exec.Command;
import lvswizard.exec.Execution;
import lvswizard.exec.Runner;
import lvswizard.plan.IpvsOwner;

/**
 * keepalived on this host as a director in keepalived mode finds it: its version (null: not
 * installed), the keepalived processes with the configuration each reads, the file at
 * {@value IpvsOwner#KEEPALIVED_CONF} (null: none), and whether systemd runs the host. Read with
 * plain commands, each in the log.
 */
public record KeepalivedHost(String version, List<Running> running, String installed, boolean systemd) {
    private static final Pattern VERSION = Pattern.compile("Keepalived v(\\S+)");

    /** A keepalived process and the configuration file it was started with. */
    public record Running(long pid, String config) {
    }

    public static KeepalivedHost read(Runner runner) {
        Execution version = runner.run(Command.of("keepalived", "--version"));
        // keepalived 2.x prints its version on stderr
        Matcher matcher = VERSION.matcher(version.stdout() + version.stderr());
        String found = version.ending() == Execution.Ending.EXITED && matcher.find() ? matcher.group(1) : null;
        Execution pgrep = runner.run(Command.of("pgrep", "-a", "-x", "keepalived"));
        List<Running> running = pgrep.succeeded() ? running(pgrep.stdout()) : List.of();
        Execution cat = runner.run(Command.of("cat", IpvsOwner.KEEPALIVED_CONF));
        boolean systemd = runner.run(Command.of("test", "-d", "/run/systemd/system")).succeeded();
        return new KeepalivedHost(found, running, cat.succeeded() ? cat.stdout() : null, systemd);
    }

    /** Pure: pgrep -a lines to processes; a process names its file with -f FILE, -fFILE or --use-file[=]FILE. */
    static List<Running> running(String pgrep) {
        List<Running> list = new ArrayList<>();
        for (String line : pgrep.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || !words[0].matches("\\d{1,10}")) {
                continue;
            }
            String config = IpvsOwner.KEEPALIVED_CONF;
            for (int i = 2; i < words.length; i++) {
                String word = words[i];
                if ((word.equals("-f") || word.equals("--use-file")) && i + 1 < words.length) {
                    config = words[i + 1];
                } else if (word.startsWith("--use-file=")) {
                    config = word.substring("--use-file=".length());
                } else if (word.startsWith("-f") && word.length() > 2 && !word.startsWith("--")) {
                    config = word.substring(2);
                }
            }
            list.add(new Running(Long.parseLong(words[0]), config));
        }
        return list;
    }

    public boolean installedHere() {
        return version != null;
    }

    public boolean isRunning() {
        return !running.isEmpty();
    }

    /** The first process pgrep listed: keepalived's parent, which the children follow on a signal. */
    public long mainPid() {
        return running.stream().mapToLong(Running::pid).min().orElseThrow();
    }

    /** A running keepalived that reads another file than the standard one, or null. */
    public Running runningElsewhere() {
        return running.stream().filter(r -> !r.config().equals(IpvsOwner.KEEPALIVED_CONF)).findFirst().orElse(null);
    }
}
