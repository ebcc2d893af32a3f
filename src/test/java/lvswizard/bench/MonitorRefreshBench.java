package lvswizard.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lvswizard.exec.ExecRunner;
import lvswizard.ipvs.Configured;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.MonitorReport;
import lvswizard.ops.IpvsReader;

/**
 * What one refresh of the live monitor costs its process: the work MonitorWindow.poll does every
 * interval (three ipvsadm listings read through the real runner, parsed and merged, and every row
 * of the report built; drawing puts only the rows on screen), timed as wall time and as the JVM's
 * CPU time (all its threads: the pumps, the collector, the compiler; not the ipvsadm children).
 * Put a stand-in ipvsadm on PATH that prints recorded listings; run it with the launcher's flags:
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp target/test-classes:target/lvs-wizard.jar
 * lvswizard.bench.MonitorRefreshBench [REFRESHES]. Used by src/test/bench/monitor-bench.sh.
 */
public final class MonitorRefreshBench {
    private MonitorRefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        int refreshes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        IpvsReader reader = new IpvsReader(new ExecRunner());
        Configured configured = Configured.named(Map.of());
        IpvsTable baseline = null;
        double[] cpu = new double[refreshes];
        double[] wall = new double[refreshes];
        int servers = 0;
        for (int i = 0; i < refreshes; i++) {
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            IpvsTable now = reader.read();
            if (baseline == null) {
                baseline = now;
            }
            List<MonitorReport.Line> rows = MonitorReport.rows(now, baseline, MonitorReport.View.CONNECTIONS,
                    configured, Locale.ENGLISH);
            wall[i] = (System.nanoTime() - wallStart) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e6;
            servers = rows.size();
        }
        // the first refreshes run in the interpreter and compile; the steady state is what a live view pays
        int skip = Math.min(refreshes - 1, 5);
        double[] steadyCpu = Arrays.copyOfRange(cpu, skip, refreshes);
        double[] steadyWall = Arrays.copyOfRange(wall, skip, refreshes);
        Arrays.sort(steadyCpu);
        Arrays.sort(steadyWall);
        System.out.printf("| %d rows | first refresh | %.0f ms | %.0f ms |%n", servers, wall[0], cpu[0]);
        System.out.printf("| %d rows | refreshes %d-%d: median (min-max) | %.0f ms (%.0f-%.0f) | %.0f ms (%.0f-%.0f)"
                        + " |%n", servers, skip + 1, refreshes, median(steadyWall), steadyWall[0],
                steadyWall[steadyWall.length - 1], median(steadyCpu), steadyCpu[0], steadyCpu[steadyCpu.length - 1]);
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
