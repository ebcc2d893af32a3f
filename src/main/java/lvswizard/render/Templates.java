package lvswizard.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mustache templates: the ones packaged in the jar, each replaceable by a file of the same
 * name in an override directory (--templates DIR). Values are written verbatim, never HTML-escaped:
 * the views hand over text that is already shell-quoted where it needs to be.
 */
public final class Templates {
    private static final String PACKAGED = "templates/";
    private final DefaultMustacheFactory factory;

    private Templates(Path overrides) {
        this.factory = new VerbatimFactory(new Resolver(overrides));
    }

    public static Templates packaged() {
        return new Templates(null);
    }

    public static Templates withOverrides(Path directory) {
        return new Templates(directory);
    }

    public String render(String name, Object view) {
        Mustache template = factory.compile(name);
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    private static final class VerbatimFactory extends DefaultMustacheFactory {
        VerbatimFactory(MustacheResolver resolver) {
            super(resolver);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Resolver(Path overrides) implements MustacheResolver {
        @Override
        public Reader getReader(String name) {
            if (overrides != null) {
                Path candidate = overrides.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    try {
                        return Files.newBufferedReader(candidate, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read template " + candidate, e);
                    }
                }
            }
            InputStream packaged = Templates.class.getClassLoader().getResourceAsStream(PACKAGED + name);
            return packaged == null ? null : new InputStreamReader(packaged, StandardCharsets.UTF_8);
        }
    }
}
