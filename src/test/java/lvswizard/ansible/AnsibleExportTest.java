package lvswizard.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lvswizard.Examples;
import lvswizard.config.ConfigFile;
import lvswizard.plan.IpvsOwner;
import lvswizard.plan.Plan;
import lvswizard.render.Export;
import lvswizard.render.Flavour;
import lvswizard.render.KeepalivedExport;
import lvswizard.render.RenderedFile;
import lvswizard.render.ScriptsExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * generate --format ansible: the playbook's own files byte for byte (golden files; refresh with
 * -Dgolden.update=true and review the diff), and under files/ exactly what the scripts or keepalived
 * export writes for the hosts. AnsibleIT runs the playbooks.
 */
class AnsibleExportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final AnsibleExport EXPORT = new AnsibleExport();

    static List<String> examples() {
        return Examples.names();
    }

    private static List<RenderedFile> files(Plan plan) {
        return EXPORT.files(plan, Export.Options.of(Flavour.IPROUTE2));
    }

    private static Map<String, String> byName(List<RenderedFile> files) {
        return files.stream().collect(Collectors.toMap(RenderedFile::name, RenderedFile::content));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void thePlaybooksOwnFilesMatchTheGoldenFiles(String example) throws IOException {
        Path dir = GOLDEN.resolve(example).resolve("ansible");
        List<RenderedFile> own = files(Examples.plan(example)).stream().filter(f -> !f.name().startsWith("files/"))
                .toList();
        if (UPDATE) {
            for (RenderedFile file : own) {
                Path target = dir.resolve(file.name().replace('/', '-'));
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> stored = Files.list(dir)) {
            assertThat(stored.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(own.stream().map(f -> f.name().replace('/', '-')).sorted().toList());
        }
        for (RenderedFile file : own) {
            assertThat(file.content()).as(example + "/" + file.name())
                    .isEqualTo(Files.readString(dir.resolve(file.name().replace('/', '-')), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theHostsFilesAreWhatTheirExportWrites(String example) {
        Plan plan = Examples.plan(example);
        Export hosts = AnsibleExport.owner(plan) == IpvsOwner.KEEPALIVED ? new KeepalivedExport() : new ScriptsExport();
        Map<String, String> installed = files(plan).stream().filter(f -> f.name().startsWith("files/"))
                .collect(Collectors.toMap(f -> f.name().substring("files/".length()), RenderedFile::content));
        Map<String, String> expected = hosts.files(plan, Export.Options.of(Flavour.IPROUTE2)).stream()
                .filter(f -> f.name().endsWith(".sh") && !f.name().equals("copy-to-hosts.sh")
                        || f.name().endsWith(".service") || f.name().endsWith(".conf"))
                .collect(Collectors.toMap(RenderedFile::name, RenderedFile::content));
        assertThat(installed).isEqualTo(expected);
        assertThat(installed.keySet()).noneMatch(name -> name.equals("ipvsadm.rules") || name.equals("README.txt"));
    }

    /** Named here rather than by the export's own filter: a host's file left out fails this. */
    @Test
    void everyHostGetsItsScriptUnitAndKeepalivedConf() {
        assertThat(files(Examples.plan("seed-dr")).stream().map(RenderedFile::name).filter(n -> n.startsWith("files/")))
                .containsExactlyInAnyOrder("files/director.sh", "files/lvs-seed-dr-director.service",
                        "files/realserver-rs1.sh", "files/lvs-seed-dr-realserver-rs1.service", "files/realserver-rs2.sh",
                        "files/lvs-seed-dr-realserver-rs2.service");
        assertThat(files(Examples.plan("ha-dr")).stream().map(RenderedFile::name).filter(n -> n.startsWith("files/")))
                .containsExactlyInAnyOrder("files/director.sh", "files/lvs-ha-dr-director.service",
                        "files/director-director2.sh", "files/lvs-ha-dr-director-director2.service",
                        "files/keepalived-director.conf", "files/keepalived-director2.conf", "files/realserver-rs1.sh",
                        "files/lvs-ha-dr-realserver-rs1.service", "files/realserver-rs2.sh",
                        "files/lvs-ha-dr-realserver-rs2.service");
    }

    @Test
    void theDirectorIsRunByKeepalivedOnlyWhenTheConfigurationNeedsIt() {
        assertThat(AnsibleExport.owner(Examples.plan("seed-dr"))).isEqualTo(IpvsOwner.SCRIPT);
        assertThat(AnsibleExport.owner(Examples.plan("ha-dr"))).as("a pair").isEqualTo(IpvsOwner.KEEPALIVED);
        assertThat(AnsibleExport.owner(Examples.plan("nat-portmap"))).as("health checks").isEqualTo(IpvsOwner.KEEPALIVED);
        Map<String, String> seed = byName(files(Examples.plan("seed-dr")));
        assertThat(seed).doesNotContainKeys("tasks/keepalived.yml", "handlers/keepalived.yml")
                .containsKeys("files/director.sh", "inventory.yml", "site.yml", "tasks/script.yml", "handlers/script.yml");
        Map<String, String> pair = byName(files(Examples.plan("ha-dr")));
        assertThat(pair).containsKeys("tasks/keepalived.yml", "handlers/keepalived.yml");
        assertThat(pair.get("inventory.yml")).contains("lvs_keepalived_file: \"keepalived-", "\"keepalived\", \"procps\"]");
        assertThat(pair.get("site.yml")).contains("serial: 1", "ansible.builtin.meta: flush_handlers", "force_handlers: true",
                "any_errors_fatal: true");
    }

    @Test
    void theInventoryHoldsEveryHostByRoleAtItsAddress() {
        String inventory = byName(files(Examples.plan("seed-dr"))).get("inventory.yml");
        assertThat(inventory).contains("""
                    lvs_real_servers:
                      hosts:
                        "rs1":
                          ansible_host: "10.10.10.11"
                          lvs_script: "realserver-rs1.sh"
                          lvs_unit: "lvs-seed-dr-realserver-rs1"
                          lvs_packages: ["iproute2"]
                """, """
                    lvs_directors:
                      hosts:
                        "director":
                          ansible_host: "10.10.10.10"
                          lvs_script: "director.sh"
                          lvs_unit: "lvs-seed-dr-director"
                          lvs_packages: ["iproute2", "kmod", "ipvsadm"]
                """);
    }

    @Test
    void aDirectorAndARealServerOfOneNameAreRefused() throws Exception {
        Plan plan = Examples.plan(ConfigFile.parse(Examples.json(Examples.set(Examples.tree("seed-dr"), "/director/name",
                "\"rs1\"")), "same-name.json"));
        assertThat(EXPORT.refusal(plan, Flavour.IPROUTE2)).isEqualTo("--format ansible names each host once in its"
                + " inventory, and a director and a real server are both named rs1; rename one");
        assertThat(EXPORT.refusal(Examples.plan("seed-dr"), Flavour.IPROUTE2)).isNull();
    }

    @Test
    void yamlValuesStayText() {
        Function<String, String> q = Yaml::quote;
        assertThat(q.apply("true")).isEqualTo("\"true\"");
        assertThat(q.apply("01")).isEqualTo("\"01\"");
        assertThat(q.apply("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01\"");
    }
}
