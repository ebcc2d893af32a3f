package lvswizard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import lvswizard.ipvs.Counters;
import lvswizard.ipvs.IpvsTable;
import lvswizard.ipvs.ListingParser;
import lvswizard.ipvs.MonitorReport;

/**
 * In-process timings of what the monitor does on every refresh, for listings in a directory
 * (list.txt, stats.txt, rate.txt), after warm-up:
 * java -cp target/test-classes:target/lvs-wizard.jar lvswizard.bench.ListingBench DIR [RUNS].
 * Used by src/test/bench/monitor-bench.sh.
 */
public final class ListingBench {
    private ListingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        String list = Files.readString(dir.resolve("list.txt"));
        String stats = Files.readString(dir.resolve("stats.txt"));
        String rate = Files.readString(dir.resolve("rate.txt"));
        IpvsTable table = ListingParser.list(list);
        Map<String, Counters> statsMap = ListingParser.counters(stats);
        Map<String, Counters> rateMap = ListingParser.counters(rate);
        IpvsTable merged = ListingParser.merge(table, statsMap, rateMap);
        String name = table.serverCount() + " real servers";
        report(name, "parse ipvsadm -L -n (" + list.lines().count() + " lines)", runs, () -> ListingParser.list(list));
        report(name, "parse --stats --exact", runs, () -> ListingParser.counters(stats));
        report(name, "parse --rate --exact", runs, () -> ListingParser.counters(rate));
        report(name, "merge the three", runs, () -> ListingParser.merge(table, statsMap, rateMap));
        report(name, "monitor report (all rows, with bars)", runs,
                () -> MonitorReport.rows(merged, merged, MonitorReport.View.CONNECTIONS, Map.of()));
    }

    private static void report(String name, String stage, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %s | %.1f ms | %.1f-%.1f ms |%n", name, stage, millis[runs / 2], millis[0],
                millis[runs - 1]);
    }
}
