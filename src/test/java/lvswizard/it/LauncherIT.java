package lvswizard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import lvswizard.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian launcher's class-data archive (src/deb/lvs-wizard.sh), run as an ordinary user
 * (nobody, through setpriv) on a copy of the jar and its class list: built in the background after
 * a start that prints nothing more, used by the next start, and never used when it is stale,
 * damaged, or somewhere another user could have written it. Needs root (to become nobody) and
 * flock (util-linux), with which the test waits for a build to end.
 */
@Timeout(300)
class LauncherIT {
    private static final Path LAUNCHER = Path.of("src/deb/lvs-wizard.sh").toAbsolutePath();
    private static final Path CLASS_LIST = Path.of("src/deb/lvs-wizard.classlist").toAbsolutePath();
    private static final String ENTRY = "lvswizard.cli.Entry ";

    @TempDir
    Path dir;
    private Path jar;
    private Path cache;
    private String version;

    @BeforeAll
    static void rootAndTools() throws Exception {
        assertThat(Tools.run(List.of("id", "-u")).output().strip()).as("becoming nobody needs root").isEqualTo("0");
        assertThat(List.of("setpriv", "flock")).allMatch(Tools::onPath);
    }

    @BeforeEach
    void aJarNobodyCanRead() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path share = Files.createDirectory(dir.resolve("share"));
        jar = Files.copy(Jar.JAR, share.resolve("lvs-wizard.jar"));
        Files.copy(CLASS_LIST, share.resolve("lvs-wizard.classlist"));
        Path home = Files.createDirectory(dir.resolve("home"));
        chown("nobody", home);
        cache = home.resolve("cache").resolve("lvs-wizard");
        version = Jar.run("--version").output();
        assertThat(version).startsWith("lvs-wizard ");
    }

    @Test
    void theFirstStartBuildsTheArchiveInTheBackgroundAndTheNextMapsTheWizardFromIt() throws Exception {
        assertThat(launch("--version").output()).as("the first start: its output only").isEqualTo(version);
        Path archive = waitForTheArchive();
        assertThat(cache).as("the cache directory is nobody's alone").satisfies(this::nobodysAlone);
        assertThat(archive).satisfies(this::nobodysAlone);

        assertThat(loadedFrom(launchLogged("--version"))).as("the next start maps its classes from the archive")
                .isEqualTo("shared objects file");
        Tools.Result listing = asNobody(List.of(java(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-XX:+PrintSharedArchiveAndExit", "-cp", jar.toString()));
        assertThat(listing.output()).as("the archive holds the wizard's start screen, picocli and Jackson")
                .contains("lvswizard.tui.StartChooser", "picocli.CommandLine$Model$CommandSpec",
                        "com.fasterxml.jackson.databind.ObjectMapper", "com.googlecode.lanterna.screen.TerminalScreen");
    }

    @Test
    void anArchiveOfAnotherJarIsLeftAloneSilentlyAndReplaced() throws Exception {
        launch("--version");
        Path old = waitForTheArchive();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Tools.Result stale = launchLogged("--version");
        assertThat(loadedFrom(stale)).as("a changed jar starts without the old archive").startsWith("file:");
        assertThat(withoutLog(stale)).as("and says nothing of it").isEqualTo(version);
        Path rebuilt = waitForTheArchive(old);
        assertThat(rebuilt).as("a new archive for the new jar").isNotEqualTo(old);
        assertThat(old).as("the old one removed").doesNotExist();
        assertThat(loadedFrom(launchLogged("--version"))).isEqualTo("shared objects file");
    }

    @Test
    void aTruncatedArchiveIsNeverMappedAndIsRebuilt() throws Exception {
        launch("--version");
        Path archive = waitForTheArchive();
        byte[] bytes = Files.readAllBytes(archive);
        // mapped, a third of the archive crashed the JVM (SIGBUS while relocating its pointers)
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 3));

        Tools.Result damaged = launchLogged("--version");
        assertThat(loadedFrom(damaged)).startsWith("file:");
        assertThat(withoutLog(damaged)).as("silently").isEqualTo(version);
        Path rebuilt = waitForTheArchive();
        assertThat(rebuilt).hasSize(bytes.length);
        assertThat(loadedFrom(launchLogged("--version"))).isEqualTo("shared objects file");
    }

    @Test
    void anArchiveOfTheRightSizeButOtherwiseWrongIsRefusedByTheJvmSilently() throws Exception {
        launch("--version");
        Path archive = waitForTheArchive();
        byte[] garbage = new byte[(int) Files.size(archive)];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(archive, garbage);

        Tools.Result refused = launchLogged("--version");
        assertThat(loadedFrom(refused)).startsWith("file:");
        assertThat(withoutLog(refused)).isEqualTo(version);
        assertThat(launch("validate").exitCode()).as("the built-in example still validates").isZero();
    }

    @Test
    void anArchiveAnotherUserCouldHaveWrittenIsNeverUsed() throws Exception {
        launch("--version");
        Path archive = waitForTheArchive();
        assertThat(loadedFrom(launchLogged("--version"))).isEqualTo("shared objects file");

        chmod("rw-rw-rw-", archive);
        assertThat(loadedFrom(launchLogged("--version"))).as("an archive anyone may write").startsWith("file:");
        chmod("rw-------", archive);
        chown("root", archive);
        assertThat(loadedFrom(launchLogged("--version"))).as("an archive of another user's").startsWith("file:");
        chown("nobody", archive);
        assertThat(loadedFrom(launchLogged("--version"))).as("the same archive, nobody's again")
                .isEqualTo("shared objects file");
        chmod("rwxrwxrwx", cache);
        assertThat(loadedFrom(launchLogged("--version"))).as("in a directory anyone may write").startsWith("file:");
        chmod("rwx------", cache);
        chown("root", cache);
        assertThat(loadedFrom(launchLogged("--version"))).as("in a directory of another user's").startsWith("file:");
        assertThat(launch("--version").output()).as("silently, every time").isEqualTo(version);
    }

    /**
     * Every program the launcher runs delays every start by a few milliseconds: with its archive in
     * place it runs readlink (which java), stat (every fact in one) and cksum (the archive's name),
     * nothing else, before java. A jar named through a link is resolved (one more readlink) and still
     * starts from the archive built for the real one.
     */
    @Test
    void aStartWithItsArchiveRunsThreeProgramsBeforeJava() throws Exception {
        launch("--version");
        waitForTheArchive();
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path ran = Files.createFile(dir.resolve("ran"));
        chmod("rw-rw-rw-", ran);
        for (String program : List.of("readlink", "stat", "cksum", "mkdir", "rm", "mv", "chmod", "nice", "flock", "sed",
                "head", "cat", "id")) {
            Path shim = Files.writeString(bin.resolve(program), "#!/bin/sh\necho " + program + " >>" + ran
                    + "\nexec /usr/bin/" + program + " \"$@\"\n");
            chmod("rwxr-xr-x", shim);
        }
        String path = "PATH=" + bin + ":/usr/bin:/bin";

        Tools.Result started = asNobody(List.of("env", path, "JAVA_TOOL_OPTIONS=-Xlog:class+load", "XDG_CACHE_HOME="
                + cache.getParent(), "HOME=" + dir.resolve("home"), "LVS_WIZARD_JAR=" + jar, "sh", LAUNCHER.toString(),
                "--version"));
        assertThat(loadedFrom(started)).isEqualTo("shared objects file");
        assertThat(Files.readAllLines(ran)).containsExactly("readlink", "stat", "cksum");

        Files.write(ran, new byte[0]);
        Path link = Files.createSymbolicLink(dir.resolve("linked.jar"), jar);
        Tools.Result linked = asNobody(List.of("env", path, "JAVA_TOOL_OPTIONS=-Xlog:class+load", "XDG_CACHE_HOME="
                + cache.getParent(), "HOME=" + dir.resolve("home"), "LVS_WIZARD_JAR=" + link, "sh", LAUNCHER.toString(),
                "--version"));
        assertThat(loadedFrom(linked)).as("through a link to the jar").isEqualTo("shared objects file");
        assertThat(Files.readAllLines(ran)).containsExactly("readlink", "readlink", "stat", "cksum");
    }

    @Test
    void theJvmCompilesOnOneThread() throws Exception {
        Tools.Result flags = asNobody(List.of("env", "JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal", "XDG_CACHE_HOME="
                + cache.getParent(), "HOME=" + dir.resolve("home"), "LVS_WIZARD_JAR=" + jar, "sh", LAUNCHER.toString(),
                "--version"));
        assertThat(flags.output().lines().filter(line -> line.contains(" CICompilerCount ")))
                .singleElement().asString().matches(".*CICompilerCount += 1 .*");
        assertThat(flags.output()).contains("lvs-wizard ");
    }

    /** The launcher on the copied jar, as nobody with its cache under the test's home. */
    private Tools.Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "-u", "JAVA_TOOL_OPTIONS", "XDG_CACHE_HOME="
                + cache.getParent(), "HOME=" + dir.resolve("home"), "LVS_WIZARD_JAR=" + jar, "sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return asNobody(command);
    }

    /** The same with the JVM's class-loading log on stdout (JAVA_TOOL_OPTIONS: the launcher passes it on). */
    private Tools.Result launchLogged(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "JAVA_TOOL_OPTIONS=-Xlog:class+load", "XDG_CACHE_HOME="
                + cache.getParent(), "HOME=" + dir.resolve("home"), "LVS_WIZARD_JAR=" + jar, "sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return asNobody(command);
    }

    private static Tools.Result asNobody(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        full.addAll(command);
        return Tools.run(full);
    }

    /** Where the entry point's class came from: "shared objects file" (the archive) or "file:..." (the jar). */
    private static String loadedFrom(Tools.Result logged) {
        return logged.output().lines().filter(line -> line.contains("] " + ENTRY)).findFirst()
                .map(line -> line.substring(line.indexOf("source: ") + "source: ".length()))
                .orElseThrow(() -> new AssertionError("no " + ENTRY + "in:\n" + logged.output()));
    }

    /** The output without the JVM's log lines and its note that it picked up JAVA_TOOL_OPTIONS. */
    private static String withoutLog(Tools.Result logged) {
        StringBuilder rest = new StringBuilder();
        logged.output().lines().filter(line -> !line.startsWith("[") && !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .forEach(line -> rest.append(line).append('\n'));
        return rest.toString();
    }

    private Path waitForTheArchive() throws IOException, InterruptedException {
        return waitForTheArchive(null);
    }

    /**
     * Waits for a background build to end (it holds the lock while it runs) leaving one archive
     * other than {@code old}, and returns it.
     */
    private Path waitForTheArchive(Path old) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + 240_000;
        List<Path> files;
        do {
            Thread.sleep(200);
            Tools.Result waited = Tools.run(List.of("flock", cache.resolve(".lock").toString(), "true"));
            assertThat(waited.exitCode()).as(waited.output()).isZero();
            try (Stream<Path> listed = Files.list(cache)) {
                files = listed.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
            }
        } while (!(files.size() == 1 && !files.get(0).equals(old)) && System.currentTimeMillis() < end);
        assertThat(files).as("one archive, nothing left half-built").hasSize(1);
        assertThat(files.get(0).getFileName().toString()).doesNotStartWith(".");
        return files.get(0);
    }

    private void nobodysAlone(Path path) {
        try {
            assertThat(Files.getOwner(path).getName()).isEqualTo("nobody");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).matches("rw[-x]------");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void chmod(String mode, Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private static void chown(String user, Path path) throws IOException, InterruptedException {
        assertThat(Tools.run(List.of("chown", user, path.toString())).exitCode()).isZero();
    }
}
