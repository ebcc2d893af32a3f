package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One boot of the project's QEMU harness (src/test/vm/lab-vm.sh) with a scenario and its files:
 * the log it printed, every CHECK line in it, and its exit code; the assertions every real-kernel
 * test makes on it (the verdict, each required check passed, none failed).
 */
record VmLab(Path log, int exitCode, List<String> lines) {
    /**
     * Boots SCENARIO with the files in {@code files}, its output in target/vm/LOGNAME.log; more
     * harness options and environment may be given.
     */
    static VmLab boot(String scenario, String logName, Path files, long timeoutMinutes, List<String> options,
                      Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Path.of("target/vm/" + logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("bash", "src/test/vm/lab-vm.sh", "--scenario", scenario,
                "--scripts", files.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process lab = builder.start();
        lab.getOutputStream().close();
        if (!lab.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            lab.descendants().forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
            throw new AssertionError("the lab did not finish in " + timeoutMinutes + " minutes; see " + log);
        }
        return new VmLab(log, lab.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    static VmLab boot(String scenario, Path files, long timeoutMinutes) throws IOException, InterruptedException {
        return boot(scenario, scenario, files, timeoutMinutes, List.of(), Map.of());
    }

    /** The scenario printed LAB_VERDICT PASS and the harness exited 0. */
    void passedAsAWhole() {
        assertThat(lines).as("see " + log).contains("LAB_VERDICT PASS");
        assertThat(exitCode).as("lab-vm.sh exit code; see " + log).isZero();
    }

    /** Each of these checks ran and passed, and no check failed. */
    void passed(List<String> checks) {
        for (String check : checks) {
            assertThat(lines).as("check " + check + " in " + log)
                    .anyMatch(line -> line.startsWith("CHECK " + check + " PASS"));
        }
        assertThat(lines).noneMatch(line -> line.startsWith("CHECK ") && line.contains(" FAIL"));
    }
}
