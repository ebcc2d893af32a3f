package lvswizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.MonitorReport;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.ops.IpvsReader;
import lvswizard.ops.KeepalivedHost;
import lvswizard.ops.OpsException;
import lvswizard.ops.ConfiguredServers;
import lvswizard.exec.CommandLog;
import lvswizard.tui.MonitorWindow;
import lvswizard.tui.TuiLauncher;
import lvswizard.wizard.Messages;
import java.util.List;
import java.util.Optional;
import lvswizard.ops.HostState;
import lvswizard.ops.PairState;
import lvswizard.plan.HostNeeds;
import lvswizard.plan.Plan;
import lvswizard.validation.Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Show this director's IPVS table live (ipvsadm -L -n every second).",
                "Per real server: the weight, connections, conn/s, bytes/s, and its share of new"
                        + " connections against its share of weight.",
                "Where keepalived runs, a service with a health check shows each real server as keepalived has"
                        + " it: UP, QUIESCED (weight 0), DOWN (out of the table), and the sorry server when it serves.",
                "Keys: s stats, r rate, c connections, w weight 0, e restore weight, q quit."
                        + " --once prints one snapshot and exits."})
final class MonitorCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "the cluster configuration: names the real servers, and the weights e restores")
    Path config;

    @Option(names = "--log", paramLabel = "FILE", defaultValue = "out/" + CommandLog.FILE_NAME,
            description = "where weight changes are logged (default: ${DEFAULT-VALUE})")
    Path logFile;

    @Option(names = "--once", description = "print one snapshot and exit (for scripts)")
    boolean once;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between refreshes (default: ${DEFAULT-VALUE})")
    double interval;

    @Option(names = "--stats", description = "show the totals (ipvsadm --stats) instead of connections")
    boolean stats;

    @Option(names = "--rate", description = "show the kernel's rates (ipvsadm --rate) instead of connections")
    boolean rate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(interval >= 0.1 && interval <= 3600)) {
            err.println("lvs-wizard: --interval " + interval + " is out of range; expected 0.1-3600 seconds");
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (stats && rate) {
            err.println("lvs-wizard: --stats and --rate are two views; give one of them");
            return ExitCodes.UNUSABLE_INPUT;
        }
        IpvsReader reader = new IpvsReader(main.runner());
        // a snapshot's listings are read while the configuration is read and validated
        IpvsReader.Pending snapshot = once ? reader.readInBackground() : null;
        Cluster cluster = null;
        if (config != null) {
            try {
                cluster = ConfigFile.read(config);
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return ExitCodes.UNUSABLE_INPUT;
            }
        }
        // keepalived is asked only when the configuration has something it checks
        boolean checks = cluster != null && cluster.services().stream().anyMatch(VirtualService::usesKeepalived);
        // validated once: the names, the weights and a pair's side all come from one plan (null with errors)
        Plan plan = cluster == null ? null : Validator.check(cluster).plan();
        Configured configured = ConfiguredServers.of(plan, checks && KeepalivedHost.read(main.runner()).isRunning());
        Map<String, Integer> weights = ConfiguredServers.weights(plan);
        Plan pair = cluster == null || cluster.failover() == null ? null : plan;
        MonitorReport.View view = stats ? MonitorReport.View.STATS : rate ? MonitorReport.View.RATE
                : MonitorReport.View.CONNECTIONS;
        if (!once) {
            if (!WizardStart.fullScreenPossible()) {
                err.println("lvs-wizard: monitor needs a terminal (TERM set, not dumb); use --once for one snapshot");
                return ExitCodes.UNUSABLE_INPUT;
            }
            return TuiLauncher.launch(gui -> {
                MonitorWindow window = new MonitorWindow(gui, Messages.of(main.language()), main.runner(),
                        new CommandLog(logFile), configured, weights, view,
                        Duration.ofMillis(Math.round(interval * 1000)), pair);
                return window.showAndWait() ? 130 : 0;
            });
        }
        IpvsTable table;
        try {
            table = snapshot.table();
        } catch (OpsException | IllegalArgumentException e) {
            err.println("lvs-wizard: " + e.getMessage());
            return ExitCodes.VALIDATION_ERRORS;
        }
        pairLine(pair).ifPresent(out::println);
        // one print, not a flushed line each (10,000 real servers are 10,000 lines)
        StringBuilder report = new StringBuilder();
        MonitorReport.rows(table, null, view, configured, Locale.ENGLISH)
                .forEach(row -> report.append(row.text()).append('\n'));
        out.print(report);
        out.flush();
        return ExitCodes.OK;
    }

    /** A pair's VRRP state on this host (master, backup), when the configuration has a pair. */
    private Optional<String> pairLine(Plan pair) {
        if (pair == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PairState.now(main.runner(), pair).english());
        } catch (OpsException e) {
            return Optional.empty();
        }
    }
}
