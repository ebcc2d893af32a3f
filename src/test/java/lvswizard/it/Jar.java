package lvswizard.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvswizard.Tools;

/** Runs the shipped jar (target/lvs-wizard.jar, built by mvn package) as a user would. */
final class Jar {
    static final Path JAR = Path.of(System.getProperty("lvs.jar", "target/lvs-wizard.jar"));

    private Jar() {
    }

    static Tools.Result run(String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after mvn package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return Tools.run(command);
    }
}
