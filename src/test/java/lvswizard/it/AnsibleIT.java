package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate --format ansible as Ansible sees it: every example's playbook passes
 * ansible-playbook --syntax-check and ansible-lint (Debian's), and the real servers' play of one
 * runs for real in network namespaces (src/test/resources/ansible/namespace-run.sh): --check
 * changes nothing, the first run brings the VIPs and the ARP fix, a second run changes nothing, a
 * regenerated playbook replaces and restarts the scripts, and the scripts' stop restores the hosts.
 * Needs root, ansible-core and ansible-lint (src/test/run-all.sh installs them); without them it
 * fails, naming what is missing.
 */
class AnsibleIT {
    private static final Path EXAMPLES = Path.of("examples");
    private static final Path SCENARIO = Path.of("src/test/resources/ansible/namespace-run.sh");
    private static final List<String> TOOLS = List.of("ansible-playbook", "ansible-lint", "ip", "python3");
    private static final Pattern RECAP = Pattern.compile("(?m)^(\\S+)\\s*: ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)"
            + "\\s+failed=(\\d+)");
    private static final String VIP = "192.168.101.168/32";
    private static final String ADDED_VIP = "192.168.101.169/32";
    private static final String MOVED_VIP = "192.168.101.170/32";

    private static Path bundles;
    private static Map<String, Tools.Result> steps;

    @BeforeAll
    static void generateAndRunInNamespaces(@TempDir Path work) throws Exception {
        assertThat(TOOLS.stream().filter(tool -> !Tools.onPath(tool)).toList())
                .as("tools the Ansible test needs (as root: apt-get install ansible-core ansible-lint; src/test/run-all.sh"
                        + " does)").isEmpty();
        assertThat(Tools.run(List.of("id", "-u")).output().strip()).as("network namespaces need root").isEqualTo("0");
        bundles = work.resolve("bundles");
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path example : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                generate(example, bundles.resolve(example.getFileName().toString().replace(".json", "")));
            }
        }
        Path first = work.resolve("ansible-it.json");
        Path changed = work.resolve("ansible-it-changed.json");
        writeSeedVariants(first, changed);
        generate(first, work.resolve("first"));
        generate(changed, work.resolve("changed"));
        Tools.Result run = Tools.run(List.of("sh", SCENARIO.toString(), work.toString(), work.resolve("first").toString(),
                work.resolve("changed").toString(), "rs1=10.10.10.11/24@eth0", "rs2=10.10.10.12/24@eth0"));
        steps = ScenarioSteps.parse(run.output());
        assertThat(steps).as(run.output()).containsKey("state-stopped");
    }

    private static void generate(Path config, Path out) throws IOException, InterruptedException {
        Tools.Result result = Jar.run("generate", "-c", config.toString(), "--format", "ansible", "-o", out.toString());
        assertThat(result.exitCode()).as(config + ":\n" + result.output()).isZero();
    }

    /**
     * The seed under a name of its own (its state under /run is this test's), and the same with its
     * service moved to another VIP and a second service on a third.
     */
    private static void writeSeedVariants(Path first, Path changed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode cluster = (ObjectNode) json.readTree(EXAMPLES.resolve("seed-dr.json").toFile());
        cluster.put("name", "ansible-it");
        json.writeValue(first.toFile(), cluster);
        ArrayNode services = (ArrayNode) cluster.get("services");
        ((ObjectNode) services.get(0)).put("vip", "192.168.101.170/24");
        ObjectNode https = services.get(0).deepCopy();
        https.put("name", "tls").put("port", 443).put("vip", "192.168.101.169/24");
        services.add(https);
        json.writeValue(changed.toFile(), cluster);
    }


    private static Tools.Result succeeded(String name) {
        assertThat(steps).containsKey(name);
        Tools.Result result = steps.get(name);
        assertThat(result.exitCode()).as(name + ":\n" + result.output()).isZero();
        return result;
    }

    /** changed= of each host in the play recap of a run that failed nowhere. */
    private static Map<String, Integer> changedByHost(String step) {
        Tools.Result run = succeeded(step);
        Map<String, Integer> changed = new LinkedHashMap<>();
        Matcher recap = RECAP.matcher(run.output());
        while (recap.find()) {
            assertThat(recap.group(5)).as(step + ": failed tasks on " + recap.group(1) + "\n" + run.output()).isEqualTo("0");
            assertThat(recap.group(4)).as(step + ": unreachable " + recap.group(1)).isEqualTo("0");
            changed.put(recap.group(1), Integer.parseInt(recap.group(3)));
        }
        assertThat(changed).as(step + ":\n" + run.output()).containsOnlyKeys("rs1", "rs2");
        return changed;
    }

    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> dirs = Files.list(bundles)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyExamplesPlaybookPassesTheSyntaxCheck() throws Exception {
        assertThat(bundleNames()).contains("seed-dr", "ha-dr", "fwmark-https");
        for (String name : bundleNames()) {
            Path dir = bundles.resolve(name);
            Tools.Result check = Tools.run(List.of("sh", "-c", "cd \"$1\" && ansible-playbook --syntax-check -i inventory.yml"
                    + " site.yml && ansible-inventory -i inventory.yml --graph", "sh", dir.toString()));
            assertThat(check.exitCode()).as(name + ":\n" + check.output()).isZero();
            assertThat(check.output()).as(name).contains("@lvs_directors:", "@lvs_real_servers:");
        }
    }

    @Test
    void everyExamplesPlaybookIsCleanForAnsibleLint() throws Exception {
        List<String> failed = new ArrayList<>();
        for (String name : bundleNames()) {
            Tools.Result lint = Tools.run(List.of("sh", "-c", "cd \"$1\" && ANSIBLE_NOCOLOR=1 NO_COLOR=1 ansible-lint --offline"
                    + " --profile production --strict site.yml", "sh", bundles.resolve(name).toString()));
            if (lint.exitCode() != 0) {
                failed.add(name + " (exit " + lint.exitCode() + "):\n" + lint.output());
            }
        }
        assertThat(failed).isEmpty();
    }

    @Test
    void theKeepalivedModeInstallsKeepalivedConfCheckedByKeepalived() throws Exception {
        Path pair = bundles.resolve("ha-dr");
        assertThat(Files.readString(pair.resolve("site.yml"))).contains("tasks/keepalived.yml");
        assertThat(Files.readString(pair.resolve("tasks/keepalived.yml"))).contains("validate: keepalived -t -f %s");
        String inventory = Files.readString(pair.resolve("inventory.yml"));
        assertThat(inventory).contains("lvs_keepalived_file: \"keepalived-");
        assertThat(Files.readString(bundles.resolve("seed-dr/site.yml"))).doesNotContain("keepalived");
    }

    @Test
    void checkModeChangesNothing() {
        assertThat(changedByHost("check-fresh")).allSatisfy((host, changed) -> assertThat(changed).isPositive());
        String state = succeeded("state-fresh").output();
        assertThat(state).doesNotContain("lo " + VIP).doesNotContain("installed ").contains("arp_ignore = 0");
    }

    @Test
    void theFirstRunBringsTheRealServersUpAndASecondChangesNothing() {
        assertThat(changedByHost("run-first")).containsEntry("rs1", 2).containsEntry("rs2", 2);
        String state = succeeded("state-first").output();
        assertThat(state.split("host ")).filteredOn(h -> !h.isBlank() && !h.startsWith("installed"))
                .hasSize(2).allSatisfy(host -> assertThat(host).contains("lo " + VIP,
                        "net.ipv4.conf.all.arp_ignore = 1", "net.ipv4.conf.all.arp_announce = 2"));
        assertThat(state).contains("installed lvs-ansible-it-realserver-rs1", "installed lvs-ansible-it-realserver-rs2");
        assertThat(changedByHost("run-again")).containsEntry("rs1", 0).containsEntry("rs2", 0);
    }

    @Test
    void aRegeneratedPlaybookReplacesAndRestartsTheScripts() {
        Map<String, Integer> changed = changedByHost("run-changed");
        assertThat(changed).containsEntry("rs1", 2).containsEntry("rs2", 2);
        assertThat(steps.get("run-changed").output()).contains("RUNNING HANDLER [Restart the script]");
        // the old script's VIP went with its stop (the journal), the new one's are there
        assertThat(succeeded("state-changed").output()).contains("lo " + MOVED_VIP, "lo " + ADDED_VIP)
                .doesNotContain("lo " + VIP);
        assertThat(changedByHost("run-changed-again")).containsEntry("rs1", 0).containsEntry("rs2", 0);
    }

    @Test
    void theScriptsStopRestoresTheHosts() {
        succeeded("stop");
        assertThat(succeeded("state-stopped").output()).doesNotContain("lo " + VIP).doesNotContain("lo " + ADDED_VIP)
                .doesNotContain("lo " + MOVED_VIP)
                .contains("net.ipv4.conf.all.arp_ignore = 0").doesNotContain("arp_ignore = 1");
    }
}
