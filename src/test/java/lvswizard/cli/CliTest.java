package lvswizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import lvswizard.Examples;
import lvswizard.output.TrustedDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in process: exit codes, what goes to stdout and stderr, and what lands on disk. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validateCleanExampleExitsZero() {
        Run run = run("validate", "--config", "examples/nat-portmap.json");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEqualTo("examples/nat-portmap.json: 0 errors, 0 warnings\n");
    }

    @Test
    void runTakesScriptsOrKeepalivedAndRefusesTheLabInOneLine() {
        Run run = run("run", "--config", "examples/seed-dr.json", "--role", "director", "--format", "lab",
                "--dry-run", "start");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("lvs-wizard: --format lab is not run on a host; expected scripts or keepalived"
                + " (lvs-wizard lab runs the lab)\n");
        Run unknown = run("doctor", "--config", "examples/seed-dr.json", "--role", "director", "--format", "vrrp");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("lvs-wizard: Invalid value for option '--format': \"vrrp\" is not a"
                + " format; expected one of scripts, keepalived, lab, ansible (see: lvs-wizard --help)\n");
        Run ansible = run("run", "--config", "examples/seed-dr.json", "--role", "director", "--format", "ansible",
                "--dry-run", "start");
        assertThat(ansible.code()).isEqualTo(2);
        assertThat(ansible.err()).startsWith("lvs-wizard: --format ansible is not run on a host;");
    }

    /** As root, run writes scripts and executes them: an output directory others can write is refused first. */
    @Test
    void runAsRootRefusesAnOutputDirectoryOthersCanWrite(@TempDir Path dir) throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run run = run("run", "--config", "examples/seed-dr.json", "--role", "director", "--out", open.toString(),
                "--yes", "start");
        String refusal = "lvs-wizard: --out " + open + ": " + open + " is writable by others (mode 0777): a run as root"
                + " would execute what they put there; chmod go-w " + open + ", or use another directory; nothing was"
                + " run\n";
        if (TrustedDirectory.currentUid() == 0) {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(refusal);
            try (Stream<Path> files = Files.list(open)) {
                assertThat(files).as("nothing written").isEmpty();
            }
        } else {
            assertThat(run.err()).as("only root executes from it").doesNotContain("writable by others");
        }
    }

    @Test
    void warningsDoNotFail() {
        Run run = run("validate", "--config", "examples/seed-dr.json");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("warning[dr-two-nics] director.vipInterface:").contains("0 errors, 1 warning");
    }

    @Test
    void validateSpeaksTheLanguageAskedFor() {
        Run zh = run("validate", "--lang", "zh", "--config", "examples/seed-dr.json");
        assertThat(zh.code()).isZero();
        assertThat(zh.err()).isEqualTo("warning[dr-two-nics] director.vipInterface: VIP 在 eth1 上，DIP 在 eth0 上；"
                + "两块网卡的 rp_filter 都应保持为 0 或 2。原因：VIP 和 DIP 在不同网卡上时，严格的 rp_filter 或 accept_local"
                + " 设置可能丢弃转发的流量\nexamples/seed-dr.json：0 个错误，1 个警告\n");
        assertThat(run("--lang", "zh", "validate", "--config", "examples/seed-dr.json").err())
                .as("the wizard's --lang, before the command").isEqualTo(zh.err());
        assertThat(run("validate", "--lang", "en", "--config", "examples/seed-dr.json").err())
                .endsWith("examples/seed-dr.json: 0 errors, 1 warning\n");
    }

    @Test
    void validationErrorsExitOneWithOneLinePerFinding(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, Examples.json(Examples.set(Examples.set(Examples.tree("seed-dr"),
                "/services/0/backends/0/port", "8080"), "/realServers/1/address", "\"10.10.11.12/24\"")));
        Run run = run("validate", "--config", config.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines()).anyMatch(l -> l.startsWith("error[port-mapping] services[0].backends[0].port:"
                + " port 8080 differs from the VIP port 80 with DR forwarding. Why: "));
        assertThat(run.err().lines()).anyMatch(l -> l.startsWith("error[dr-same-subnet] realServers[1].address:"));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedFileExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("broken.json"), "{ \"name\": ");
        Run run = run("generate", "--config", config.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith(config + ":1:");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void unknownOptionExitsTwo() {
        Run run = run("validate", "--confg", "x");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("lvs-wizard: Unknown options: '--confg'").doesNotContain("\tat ");
    }

    @Test
    void unknownFlavourExitsTwo(@TempDir Path dir) {
        Run run = run("generate", "--config", "examples/seed-dr.json", "--out", dir.toString(), "--flavour", "busybox");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--flavour: flavour \"busybox\" is not known; expected iproute2 or net-tools\n");
    }

    @Test
    void everyFormatOfTheRegistryIsWrittenByGenerate(@TempDir Path dir) throws Exception {
        // nat-portmap has a health check: its lab runs keepalived, with the keepalived format's scripts
        Run scripts = run("generate", "-c", "examples/nat-portmap.json", "-o", dir.resolve("s").toString(),
                "--format", "keepalived");
        Run lab = run("generate", "-c", "examples/nat-portmap.json", "-o", dir.resolve("l").toString(), "--format",
                "lab");
        assertThat(scripts.code()).isZero();
        assertThat(lab.code()).as(lab.err()).isZero();
        assertThat(dir.resolve("l/lab.sh")).isExecutable();
        try (Stream<Path> files = Files.list(dir.resolve("s"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                assertThat(dir.resolve("l/scripts").resolve(file.getFileName())).as("the lab runs the same scripts")
                        .hasSameTextualContentAs(file);
            }
        }
        for (lvswizard.wizard.Format format : lvswizard.wizard.Format.values()) {
            assertThat(run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve(format.toString()).toString(),
                    "--format", format.toString()).code()).as(format.toString()).isZero();
        }
        Run bad = run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("x").toString(), "--format", "xml");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("lvs-wizard: Invalid value for option '--format': \"xml\" is not a format;"
                + " expected one of scripts, keepalived, lab, ansible (see: lvs-wizard --help)\n");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void generateWritesEverythingAndNothingOnErrors(@TempDir Path dir) throws Exception {
        Run ok = run("generate", "--config", "examples/seed-dr.json", "--out", dir.resolve("ok").toString());
        assertThat(ok.code()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("ok"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("director.sh",
                    "realserver-rs1.sh", "realserver-rs2.sh", "lvs-seed-dr-director.service",
                    "lvs-seed-dr-realserver-rs1.service", "lvs-seed-dr-realserver-rs2.service", "ipvsadm.rules", "copy-to-hosts.sh", "README.txt",
                    ".lvs-wizard-manifest", ".lvs-wizard.lock");
        }
        Path bad = Files.writeString(dir.resolve("bad.json"), Examples.json(Examples.set(Examples.tree("seed-dr"),
                "/services/0/vip", "\"192.168.101.999\"")));
        Run refused = run("generate", "--config", bad.toString(), "--out", dir.resolve("no").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("error[address-syntax] services[0].vip:", "nothing was written");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void regenerateNeedsForceOnlyWhenContentDiffers(@TempDir Path dir) throws Exception {
        String out = dir.toString();
        assertThat(run("generate", "-c", "examples/seed-dr.json", "-o", out).code()).isZero();
        Run again = run("generate", "-c", "examples/seed-dr.json", "-o", out);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("unchanged " + dir.resolve("director.sh"));
        Run other = run("generate", "-c", "examples/seed-dr.json", "-o", out, "--flavour", "net-tools");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("director.sh: exists with different content (and 2 more); use --force");
        assertThat(Files.readString(dir.resolve("director.sh"))).contains("ip -o addr show");
        assertThat(run("generate", "-c", "examples/seed-dr.json", "-o", out, "--flavour", "net-tools", "--force")
                .code()).isZero();
        assertThat(Files.readString(dir.resolve("director.sh"))).contains("ifconfig");
    }

    @Test
    void filesOfARealServerNoLongerConfiguredAreNamedAndRemovedWithForceUnlessEdited(@TempDir Path dir)
            throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(run("generate", "-c", "examples/seed-dr.json", "-o", out).code()).isZero();
        var tree = Examples.tree("seed-dr");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("realServers")).remove(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at("/services/0/backends")).remove(1);
        Path oneServer = Files.writeString(dir.resolve("one.json"), Examples.json(tree));
        Path script = dir.resolve("out/realserver-rs2.sh");
        Path unit = dir.resolve("out/lvs-seed-dr-realserver-rs2.service");

        Run named = run("generate", "-c", oneServer.toString(), "-o", out, "--force");
        assertThat(named.code()).isZero();
        assertThat(named.out()).contains("replaced " + dir.resolve("out/director.sh"),
                "removed " + script + " (no longer generated, and unchanged since it was)",
                "removed " + unit + " (no longer generated, and unchanged since it was)");
        assertThat(script).doesNotExist();
        assertThat(unit).doesNotExist();

        assertThat(run("generate", "-c", "examples/seed-dr.json", "-o", out, "--force").code()).isZero();
        Files.writeString(script, Files.readString(script) + "# my change\n");
        Run edited = run("generate", "-c", oneServer.toString(), "-o", out, "--force");
        assertThat(edited.code()).isZero();
        assertThat(edited.out()).contains("kept " + script + ": no longer generated, but edited since it was; remove "
                + "it yourself if unused", "removed " + unit);
        assertThat(Files.readString(script)).endsWith("# my change\n");
        assertThat(dir.resolve("out/realserver-rs1.sh")).exists();
    }

    @Test
    void templatesCanBeOverriddenOneFileAtATime(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("t"));
        Files.writeString(templates.resolve("ipvsadm.rules.mustache"), "# custom\n{{#rules}}{{.}}\n{{/rules}}");
        Run run = run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("o").toString(),
                "--templates", templates.toString());
        assertThat(run.code()).isZero();
        assertThat(Files.readString(dir.resolve("o/ipvsadm.rules"))).startsWith("# custom\n-A -t 192.168.101.168:80");
        assertThat(Files.readString(dir.resolve("o/director.sh"))).contains("chkconfig: - 90 10");
    }

    /** The files are rendered as they are written: a template that fails on the real servers' scripts still writes nothing. */
    @Test
    void aTemplateThatFailsHalfWayWritesNothing(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("t"));
        Files.writeString(templates.resolve("realserver.sh.mustache"), "#!/bin/sh\n{{noSuchValue}}\n");
        Run run = run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("o").toString(),
                "--templates", templates.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).endsWith("--templates: " + templates.resolve("realserver.sh.mustache") + " line 2:"
                + " {{noSuchValue}} is not a value this template is given (templates from " + templates + ");"
                + " nothing was written\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void showDrawsTopologyAndRules() {
        Run run = run("show", "--config", "examples/seed-dr.json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("VIP 192.168.101.168/24", "DIP 10.10.10.10/24", "(router 192.168.101.254)",
                "rs1     10.10.10.11/24", "-a -t 192.168.101.168:80 -r 10.10.10.11:80 -g -w 2");
    }

    @Test
    void showWithoutConfigUsesTheBuiltInExample() {
        Run run = run("show");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Topology of seed-dr", "-A -t 192.168.101.168:80 -s wlc");
    }

    @Test
    void unknownLanguageExitsTwo() {
        for (String[] args : List.of(new String[] {"--lang", "fr"}, new String[] {"--lang", "fr", "validate"},
                new String[] {"validate", "--lang", "fr", "--config", "examples/seed-dr.json"},
                new String[] {"lint", "--lang", "fr", "examples/seed-dr.json"})) {
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).isEqualTo("lvs-wizard: Invalid value for option '--lang':"
                    + " \"fr\" is not known; expected en or zh (see: lvs-wizard --help)\n");
        }
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version").out()).startsWith("lvs-wizard ");
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("generate", "validate", "show", "Exit codes");
    }
}
