package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import lvswizard.Tools;
import lvswizard.render.Flavour;
import lvswizard.render.Generated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped jar, run with java -jar: templates and examples are inside it, and it behaves as documented. */
class JarIT {

    static List<Generated.Case> cases() {
        return Generated.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jarGeneratesTheGoldenFiles(Generated.Case c, @TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "--config",
                "examples/" + c.example() + ".json", "--out", out.toString()));
        args.addAll(c.generateOptions());
        Tools.Result result = Jar.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted())
                    .as("the files of the export and the manifest of what was written")
                    .containsExactlyElementsOf(Stream.concat(Stream.of(".lvs-wizard-manifest", ".lvs-wizard.lock"),
                            c.files().stream().map(f -> f.name())).sorted().toList());
        }
        Path golden = Path.of("src/test/resources/golden", c.example(), c.golden());
        try (Stream<Path> expected = Files.list(golden)) {
            for (Path file : expected.toList()) {
                assertThat(out.resolve(file.getFileName())).hasSameTextualContentAs(file);
            }
        }
        assertThat(Files.isExecutable(out.resolve("director.sh"))).isTrue();
    }

    @Test
    void versionHelpAndBuiltInExample() throws Exception {
        assertThat(Jar.run("--version").output()).matches("lvs-wizard \\d+\\.\\d+\\.\\d+.*\\n");
        Tools.Result bare = Jar.run();
        assertThat(bare.exitCode()).as("no TTY and no answers: line mode ends at once").isEqualTo(2);
        assertThat(bare.output()).contains("line mode", "nothing was written");
    }

    /**
     * The README's from-scratch cluster (TUN, https and dns on one VIP, three real servers on two
     * subnets) answered from a pipe into --line --config for a file that does not exist yet: the
     * files are exactly what generate writes for the saved configuration, under the chosen names.
     */
    @Test
    void pipedAnswersBuildANewClusterThatGenerateWritesTheSame(@TempDir Path dir) throws Exception {
        Path answers = Path.of("src/test/resources/line/tun-from-scratch.txt").toAbsolutePath();
        Tools.Result result = Tools.run(List.of("sh", "-c",
                "cd \"$3\" && XDG_CONFIG_HOME=\"$3/config\" exec \"$0\" -jar \"$1\" --line --config edge.json < \"$2\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), Jar.JAR.toString(),
                answers.toString(), dir.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Written to out", "Done.", "real server web3 (10.3.0.13)");
        assertThat(Files.readString(dir.resolve("config/lvs-wizard/recent")).strip())
                .as("the file used last is offered at the next start").isEqualTo(dir.resolve("edge.json").toString());
        Tools.Result generated = Jar.run("generate", "-c", dir.resolve("edge.json").toString(), "-o",
                dir.resolve("expected").toString());
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        try (Stream<Path> expected = Files.list(dir.resolve("expected"))) {
            for (Path file : expected.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                assertThat(dir.resolve("out").resolve(file.getFileName())).hasSameTextualContentAs(file);
            }
        }
        assertThat(Files.readString(dir.resolve("out/README.txt"))).contains("LVS cluster \"edge\"");
    }

    /** The how-to's own scripts, as an operator has them: imported, linted, refused where they must be. */
    @Test
    void theHowTosScriptsImportAndLint(@TempDir Path dir) throws Exception {
        String director = Path.of("src/test/resources/imports/seed-director.sh").toAbsolutePath().toString();
        String realServer = Path.of("src/test/resources/imports/seed-realserver.sh").toAbsolutePath().toString();
        Path config = dir.resolve("seed.json");
        Tools.Result imported = Jar.run("import", "--from", director, "--from", realServer, "--out", config.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains(director + ":69: took: ipvsadm -A -t 192.168.101.168:80 -s wlc",
                "missing: director.dips: no source says it", "wrote " + config + " (services: 1, real servers: 2)");
        assertThat(Files.readString(config)).contains("\"vip\" : \"192.168.101.168/24\"", "\"weight\" : 2");
        // the imported configuration is the wizard's to finish: validate names what is left
        Tools.Result validated = Jar.run("validate", "--config", config.toString());
        assertThat(validated.exitCode()).isEqualTo(1);
        assertThat(validated.output()).contains("error[required] director.dips");

        Tools.Result again = Jar.run("import", "--from", director, "--name", "other", "--out", config.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).endsWith("lvs-wizard import: " + config + " exists with other content; nothing"
                + " written (--force replaces it)\n");

        Tools.Result lint = Jar.run("lint", director, realServer);
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.output()).contains("warning[flushes-firewall] " + director + ":57: /sbin/iptables -F",
                "error[non-breaking-space] " + director + ":23:", "warning[vip-broadcast]",
                director + ", " + realServer + ": 2 errors, 3 warnings");
        assertThat(Jar.run("lint", "--lang", "zh", director).output()).contains("错误[non-breaking-space]");

        Path notes = Files.writeString(dir.resolve("notes.txt"), "nothing here\n");
        Tools.Result bad = Jar.run("import", "--from", notes.toString(), "--out", dir.resolve("x.json").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output().lines()).hasSize(1);
        assertThat(bad.output()).doesNotContain("Exception");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void aConfigurationOfAnotherFormatVersionIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("v2.json"), Files.readString(Path.of("examples/seed-dr.json"))
                .replace("\"version\" : 1", "\"version\" : 2"));
        Tools.Result result = Jar.run("--line", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo(config + ": format version 2 is not supported by lvs-wizard "
                + lvswizard.render.Version.current() + "; it reads version 1\n");
    }

    @Test
    void badInputIsOneLineAndExitTwoWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), "{\"services\": [{\"vip\": 5}], \"extra\": 1}");
        Tools.Result result = Jar.run("validate", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output().lines()).hasSize(1);
        assertThat(result.output()).startsWith(config + ":1:").doesNotContain("Exception");
    }

    @Test
    void validationErrorsExitOneAndWriteNothing(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), Files.readString(Path.of("examples/seed-dr.json"))
                .replace("\"10.10.10.12/24\"", "\"10.10.99.12/24\""));
        Tools.Result result = Jar.run("generate", "--config", config.toString(), "--out", dir.resolve("o").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("error[dr-same-subnet] realServers[1].address: RIP 10.10.99.12")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /**
     * The negative control of a pair: another cluster's pair on the same segment with the same
     * VRRP router id is refused by validate before either runs; another id passes.
     */
    @Test
    void validateCatchesAVrrpIdClashWithANeighbouringCluster(@TempDir Path dir) throws Exception {
        String haDr = Files.readString(Path.of("examples/ha-dr.json"));
        Path other = Files.writeString(dir.resolve("other.json"), haDr.replace("\"name\" : \"ha-dr\"",
                "\"name\" : \"other\"").replace("\"connectionSync\" : true", "\"connectionSync\" : false"));
        Tools.Result clash = Jar.run("validate", "-c", "examples/ha-dr.json", "--neighbour", other.toString());
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.output()).isEqualTo("error[vrrp-id] failover.virtualRouterId: VRRP router id 51 is also used"
                + " by cluster other (" + other + ") on the same segment 10.10.10.0/24: give one of them another id."
                + " Why: VRRP routers with one id on one segment take each other for peers, so each instance needs"
                + " its own id from 1 to 255\nexamples/ha-dr.json: 1 error, 0 warnings\n");
        Files.writeString(other, Files.readString(other).replace("\"virtualRouterId\" : 51", "\"virtualRouterId\" : 61"));
        Tools.Result apart = Jar.run("validate", "-c", "examples/ha-dr.json", "--neighbour", other.toString());
        assertThat(apart.exitCode()).as(apart.output()).isZero();
        Tools.Result broken = Jar.run("validate", "-c", "examples/ha-dr.json", "--neighbour",
                dir.resolve("missing.json").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.output().lines()).hasSize(1);
    }

    /** A value with escape sequences, or 100,000 characters long, is shown escaped and clipped. */
    @Test
    void valuesFromTheFileReachTheTerminalEscapedAndClipped(@TempDir Path dir) throws Exception {
        String seed = Files.readString(Path.of("examples/seed-dr.json"));
        Path escapes = Files.writeString(dir.resolve("esc.json"), seed.replace("\"realServer\" : \"rs1\"",
                "\"realServer\" : \"rs\\u001b]0;pwned\\u0007\"").replace("\"vipInterface\" : \"eth1\"",
                "\"vipInterface\" : \"eth\\u001b[2J1\""));
        Tools.Result shown = Jar.run("validate", "-c", escapes.toString());
        assertThat(shown.exitCode()).isEqualTo(1);
        assertThat(shown.output()).doesNotContain("\u001b", "\u0007")
                .contains("no real server is named rs\\x1b]0;pwned\\x07",
                        "interface \"eth\\x1b[2J1\" is not a valid name");
        Path missing = dir.resolve("no\u001b[2Jfile.json");
        assertThat(Jar.run("validate", "-c", missing.toString()).output()).doesNotContain("\u001b")
                .contains("no\\x1b[2Jfile.json: no such file");
        Path longValue = Files.writeString(dir.resolve("long.json"), seed.replace("\"realServer\" : \"rs1\"",
                "\"realServer\" : \"" + "x".repeat(100_000) + "\""));
        Tools.Result clipped = Jar.run("validate", "-c", longValue.toString());
        assertThat(clipped.output().lines()).allMatch(l -> l.length() <= 2003);
    }

    @Test
    void flavoursDifferOnlyInNetworkTools(@TempDir Path dir) throws Exception {
        Jar.run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("a").toString());
        Jar.run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("b").toString(), "--flavour",
                Flavour.NET_TOOLS.toString());
        assertThat(Files.readString(dir.resolve("a/realserver-rs1.sh"))).contains("ip -4 addr add")
                .doesNotContain("ifconfig \"$2\"");
        assertThat(Files.readString(dir.resolve("b/realserver-rs1.sh"))).contains("ifconfig \"$2\"")
                .contains("'lo:8iy0'");
    }

    /** net-tools cannot label a 15-character interface: generate and run refuse it in one line, writing nothing. */
    @Test
    void netToolsRefusesAnInterfaceWithNoRoomForALabel(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), Files.readString(Path.of("examples/seed-dr.json"))
                .replace("\"vipInterface\" : \"eth1\"", "\"vipInterface\" : \"enx001122334455\""));
        Tools.Result refused = Jar.run("generate", "-c", config.toString(), "-o", dir.resolve("o").toString(),
                "--flavour", "net-tools");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output().lines().filter(l -> !l.startsWith("warning[") && !l.contains("0 errors")))
                .as("the seed's own warning aside, one line").hasSize(1);
        assertThat(refused.output()).contains("alias label enx001122334455:8iy0, 20 characters",
                "nothing was written");
        assertThat(dir.resolve("o")).doesNotExist();
        assertThat(Jar.run("generate", "-c", config.toString(), "-o", dir.resolve("o").toString()).exitCode())
                .isZero();
    }

    /** A megabyte of binary piped into line mode: one refusal, exit 2, nothing written, no escape reaches the screen. */
    @Test
    void aPipedMegabyteOfBinaryIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        byte[] binary = new byte[1 << 20];
        new Random(11).nextBytes(binary);
        Path input = Files.write(dir.resolve("binary"), binary);
        Tools.Result result = Tools.run(List.of("sh", "-c",
                "cd \"$3\" && XDG_CONFIG_HOME=\"$3/config\" exec \"$0\" -jar \"$1\" --line --config c.json < \"$2\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), Jar.JAR.toString(),
                input.toString(), dir.toString()));
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("Not accepted:", "Stopped: the piped answer").doesNotContain("\u001b", "\tat ");
        assertThat(result.output().lines()).allMatch(l -> l.length() <= 2003);
        assertThat(dir.resolve("c.json")).doesNotExist();
    }

    /** A template override with a mistyped value is refused with its file and line, and nothing is written. */
    @Test
    void aMistypedTemplateOverrideWritesNothing(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("t"));
        Files.writeString(templates.resolve("unit.service.mustache"), "[Service]\nExecStart={{instalPath}} start\n");
        Tools.Result result = Jar.run("generate", "-c", "examples/seed-dr.json", "-o", dir.resolve("o").toString(),
                "--templates", templates.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("--templates: " + templates.resolve("unit.service.mustache")
                + " line 2: {{instalPath}} is not a value this template is given").doesNotContain("\tat ");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
