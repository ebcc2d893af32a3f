package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's screens and transcripts are what the shipped jar shows: each block between
 * {@code <!-- capture: NAME -->} and {@code <!-- /capture -->} is compared with a fresh capture
 * (tmux for the full-screen wizard, a pipe for line mode), so the manual cannot go stale.
 * {@code -Dreadme.update=true} writes the fresh captures into the README instead.
 */
@Timeout(300)
class ReadmeCapturesIT {
    private static final Path README = Path.of("README.md");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- capture: ([a-z0-9-]+) -->\\n```text\\n(.*?)```\\n<!-- /capture -->", Pattern.DOTALL);
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=\"$PWD/config\"";

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Jar.JAR.toAbsolutePath();
    }

    @Test
    void theReadmeShowsWhatTheJarShows(@TempDir Path dir) throws Exception {
        Map<String, String> captures = new LinkedHashMap<>();
        Path answers = Path.of("src/test/resources/line/tun-from-scratch.txt").toAbsolutePath();
        Tools.Result line = Tools.run(List.of("sh", "-c", "cd \"$2\" && XDG_CONFIG_HOME=\"$2/config\" exec \"$0\" -jar"
                + " \"$1\" --line --config edge.json < \"$3\"", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), Jar.JAR.toString(), dir.toString(), answers.toString()));
        assertThat(line.exitCode()).as(line.output()).isZero();
        captures.put("line-from-scratch", "$ java -jar target/lvs-wizard.jar --line --config edge.json"
                + " < src/test/resources/line/tun-from-scratch.txt\n" + head(line.output(), 48) + "...\n");
        captures.put("line-summary", tail(line.output(), 9));

        Tools.Result keepalived = Jar.run("generate", "--config", "examples/nat-portmap.json", "--format",
                "keepalived", "--out", dir.resolve("ka").toString());
        assertThat(keepalived.exitCode()).as(keepalived.output()).isZero();
        String conf = Files.readString(dir.resolve("ka/keepalived.conf"));
        captures.put("keepalived-conf", head(conf.substring(conf.indexOf("global_defs")), 35) + "    ...\n");
        Tools.Result show = Jar.run("show", "--config", "examples/nat-portmap.json");
        assertThat(show.exitCode()).as(show.output()).isZero();
        String services = show.output().substring(show.output().indexOf("Services\n"));
        captures.put("show-checks", "$ java -jar target/lvs-wizard.jar show --config examples/nat-portmap.json\n...\n"
                + head(services.substring(0, services.indexOf("\n\n")), 20));

        try (Tmux tmux = new Tmux(dir, 80, 24, ENV + " XDG_CONFIG_HOME=\"$PWD/fresh\" " + java() + "; sleep 60")) {
            captures.put("start-screen", stable(tmux, "New configuration"));
        }
        importAndLint(dir, captures);
        try (Tmux tmux = new Tmux(dir, 100, 30, ENV + " " + java() + " --config edge.json; sleep 60")) {
            captures.put("start-step", stable(tmux, "This host is"));
            tmux.keys("C-n");
            captures.put("services", stable(tmux, "Service name"));
            tmux.keys("C-n");
            captures.put("director", stable(tmux, "DIP interface"));
            tmux.keys("C-n");
            captures.put("real-servers", stable(tmux, "web3"));
            tmux.keys("Enter");
            captures.put("server-dialog", stable(tmux, "┌──Real server 1─"));
            tmux.keys("Escape");
            tmux.waitUntilGone("┌──Real server 1─");
            tmux.keys("C-n");
            captures.put("review", stable(tmux, "== Findings =="));
            tmux.keys("C-n", "C-n");
            tmux.waitFor("Output directory");
            tmux.keys("Enter");
            captures.put("generate", stable(tmux, "Written to out:"));
        }
        try (Tmux tmux = new Tmux(dir, 80, 24, ENV + " " + java() + " --config edge.json; sleep 60")) {
            tmux.waitFor("This host is");
            tmux.keys("C-n");
            tmux.waitFor("Service name");
            tmux.keys("Tab", "Tab", "End", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace");
            tmux.text("300/24");
            captures.put("services-error-80x24", stable(tmux, " - Service 1 → VIP"));
        }
        try (Tmux tmux = new Tmux(dir, 80, 24, ENV + " " + java() + " --lang zh --config edge.json; sleep 60")) {
            tmux.waitFor("本机是");
            tmux.keys("C-n", "C-n", "C-n");
            captures.put("real-servers-zh-80x24", stable(tmux, "web3"));
        }
        compareOrUpdate(captures);
    }

    /** The how-to's own scripts (verbatim from the seed) imported, linted, and imported from the start screen. */
    private static void importAndLint(Path dir, Map<String, String> captures) throws Exception {
        Files.copy(Path.of("src/test/resources/imports/seed-director.sh"), dir.resolve("director.sh"));
        Files.copy(Path.of("src/test/resources/imports/seed-realserver.sh"), dir.resolve("realserver.sh"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String imports = "import --from director.sh --from realserver.sh --out seed.json";
        Tools.Result imported = Tools.run(List.of("sh", "-c", "cd \"$2\" && exec \"$0\" -jar \"$1\" " + imports, java,
                Jar.JAR.toString(), dir.toString()));
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        captures.put("import-seed", "$ lvs-wizard " + imports + "\n" + imported.output());
        Tools.Result lint = Tools.run(List.of("sh", "-c", "cd \"$2\" && exec \"$0\" -jar \"$1\" lint director.sh"
                + " realserver.sh", java, Jar.JAR.toString(), dir.toString()));
        assertThat(lint.exitCode()).as(lint.output()).isEqualTo(1);
        captures.put("lint-seed", "$ lvs-wizard lint director.sh realserver.sh\n" + lint.output());
        try (Tmux tmux = new Tmux(dir, 80, 24, ENV + " XDG_CONFIG_HOME=\"$PWD/fresh\" " + java() + "; sleep 60")) {
            tmux.waitFor("New configuration");
            tmux.keys("Down", "Down", "Enter");
            tmux.waitFor("ldirectord.cf");
            tmux.text("director.sh realserver.sh");
            tmux.keys("Tab", "Enter");
            captures.put("import-dialog", stable(tmux, "(lvs-wizard lint)"));
        }
    }

    /** The screen once it has shown {@code text} and two captures in a row agree (no frame half drawn). */
    private static String stable(Tmux tmux, String text) throws IOException, InterruptedException {
        String screen = tmux.waitFor(text);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(150);
            String again = tmux.screen();
            if (again.equals(screen)) {
                return trim(screen);
            }
            screen = again;
        }
        throw new AssertionError("the screen never settled:\n" + screen);
    }

    /** Trailing spaces, and empty lines before and after, dropped, as a README holds them. */
    private static String trim(String screen) {
        return screen.lines().map(String::stripTrailing).dropWhile(String::isEmpty)
                .reduce((a, b) -> a + "\n" + b).orElse("").stripTrailing() + "\n";
    }

    private static String head(String text, int lines) {
        return trim(String.join("\n", text.lines().limit(lines).toList()));
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return trim(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())));
    }

    private static void compareOrUpdate(Map<String, String> captures) throws IOException {
        String readme = Files.readString(README);
        Matcher blocks = BLOCK.matcher(readme);
        StringBuilder updated = new StringBuilder();
        Map<String, String> found = new LinkedHashMap<>();
        while (blocks.find()) {
            String name = blocks.group(1);
            found.put(name, blocks.group(2));
            String fresh = captures.getOrDefault(name, blocks.group(2));
            blocks.appendReplacement(updated, Matcher.quoteReplacement("<!-- capture: " + name + " -->\n```text\n"
                    + fresh + "```\n<!-- /capture -->"));
        }
        blocks.appendTail(updated);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, updated.toString());
            return;
        }
        assertThat(found.keySet()).as("the README's capture blocks").containsExactlyInAnyOrderElementsOf(
                captures.keySet());
        captures.forEach((name, fresh) -> assertThat(found.get(name)).as("README capture " + name
                + " (regenerate with: mvn verify -Dit.test=ReadmeCapturesIT -Dreadme.update=true)").isEqualTo(fresh));
    }
}
