package lvswizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiled classes link no string concatenation at run time (javac -XDstringConcat=inline in
 * the pom): each concatenation compiled to invokedynamic links a call site on its first run, which
 * was 6 % of a cold generate's CPU (BENCHMARKS.md, issue 11's fourth session).
 */
class StartupBytecodeTest {
    private static final String CONCAT_BOOTSTRAP = "makeConcatWithConstants";

    @Test
    void noClassConcatenatesStringsThroughInvokedynamic() throws IOException {
        Path classes = Path.of("target/classes/lvswizard");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(classes)) {
            all = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(all).as("the compiled classes").hasSizeGreaterThan(200);
        List<Path> linking = all.stream().filter(StartupBytecodeTest::namesTheConcatBootstrap).toList();
        assertThat(linking).isEmpty();
    }

    private static boolean namesTheConcatBootstrap(Path classFile) {
        try {
            // the constant pool holds the bootstrap's name as Latin-1-compatible modified UTF-8
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(CONCAT_BOOTSTRAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
