package lvswizard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.plan.Plan;
import lvswizard.output.OutputDirectory;
import lvswizard.render.Flavour;
import lvswizard.render.RenderedFile;
import lvswizard.render.Renderer;
import lvswizard.render.Templates;
import lvswizard.validation.Validator;

/**
 * In-process timings of each stage of generate for one configuration file, after warm-up, so the
 * JVM's start-up is not counted: java -cp target/test-classes:target/lvs-wizard.jar
 * lvswizard.bench.InProcessBench FILE [RUNS]. Used by src/test/bench/generate-bench.sh.
 */
public final class InProcessBench {
    private InProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String json = Files.readString(file);
        Cluster cluster = ConfigFile.parse(json, file.toString());
        Renderer renderer = new Renderer(Templates.packaged());
        Plan plan = Validator.check(cluster).validPlan();
        List<RenderedFile> files = renderer.render(plan, Flavour.IPROUTE2);
        Path scratch = Files.createTempDirectory("lvs-bench");
        String name = file.getFileName().toString();
        report(name, "parse JSON", runs, () -> ConfigFile.parse(json, "bench"));
        report(name, "validate (and plan)", runs, () -> Validator.check(cluster));
        report(name, "render", runs, () -> renderer.render(plan, Flavour.IPROUTE2));
        int[] fresh = {0};
        report(name, "write " + files.size() + " new files", runs,
                () -> new OutputDirectory(scratch.resolve("new" + fresh[0]++)).write(files, false));
        report(name, "rewrite " + files.size() + " unchanged files", runs,
                () -> new OutputDirectory(scratch.resolve("new0")).write(files, false));
        deleteTree(scratch);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void report(String name, String stage, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < 3; i++) {
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
