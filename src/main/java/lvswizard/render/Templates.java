package lvswizard.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.GuardedBinding;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The mustache templates: the ones packaged in the jar, each replaceable by a file of the same
 * name in an override directory (--templates DIR). Values are written verbatim, never HTML-escaped:
 * the views hand over text that is already shell-quoted where it needs to be.
 *
 * <p>Strict, because the output is run as root: a value tag whose name the view does not have (a
 * typo, a tag left unclosed that swallowed the text after it) is an error naming the file and line,
 * never a blank (a blank unit name gives {@code ExecStart= start}). Sections stay lenient: a
 * section whose name is absent is false, which is how one template serves a single director and a pair.
 */
public final class Templates {
    private static final String PACKAGED = "templates/";
    /** Every packaged template (TemplatesTest holds this to the templates directory). */
    public static final List<String> NAMES = List.of("README.txt.mustache", "ansible-README.txt.mustache",
            "ansible-handlers-keepalived.yml.mustache", "ansible-handlers-script.yml.mustache",
            "ansible-inventory.yml.mustache", "ansible-site.yml.mustache", "ansible-tasks-keepalived.yml.mustache",
            "ansible-tasks-script.yml.mustache", "copy-to-hosts.sh.mustache",
            "director.sh.mustache", "ipvsadm.rules.mustache", "keepalived.conf.mustache", "lab.sh.mustache",
            "partials/common.sh.mustache", "partials/dispatch.sh.mustache", "partials/header.sh.mustache",
            "partials/net-iproute2.sh.mustache", "partials/net-net-tools.sh.mustache", "realserver.sh.mustache",
            "unit.service.mustache");
    /** A writer's first size before a template has been rendered once. */
    private static final int FIRST_CAPACITY = 1024;
    private final DefaultMustacheFactory factory;
    /**
     * The largest text each template gave so far, plus an eighth: the next writer starts at that
     * size instead of growing (copying) its buffer again and again (a director script with 10,000
     * rules is megabytes).
     */
    private final Map<String, Integer> lastLength = new ConcurrentHashMap<>();
    private final Path overrides;

    /** A template that cannot be rendered: one line naming the file and line, and what is wrong. */
    public static final class TemplateException extends RuntimeException {
        TemplateException(String message) {
            super(message, null, false, false);
        }
    }

    private Templates(Path overrides) {
        this.overrides = overrides;
        this.factory = new VerbatimFactory(new Resolver(overrides));
        factory.setObjectHandler(new StrictHandler());
    }

    /**
     * The built-in templates: one instance in a process, so that each template is compiled once
     * (the wizard renders its preview again at every change) and its writer sized once.
     */
    public static Templates packaged() {
        return Packaged.TEMPLATES;
    }

    private static final class Packaged {
        static final Templates TEMPLATES = new Templates(null);
    }

    public static Templates withOverrides(Path directory) {
        return new Templates(directory);
    }

    /**
     * Why the override directory cannot be used (one line), or null: it must be a directory, and each
     * *.mustache file in it (and in its partials/) must be the name of a template, so that a typo is
     * not ignored while the built-in template is used in its place.
     */
    public static String overrideProblem(Path directory) {
        if (!Files.isDirectory(directory)) {
            return directory + " is not a directory";
        }
        for (String folder : List.of("", "partials/")) {
            try (Stream<Path> files = Files.list(folder.isEmpty() ? directory : directory.resolve(folder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".mustache")).toList()) {
                    if (!NAMES.contains(folder + file.getFileName())) {
                        return file + ": not the name of a template; the templates are " + String.join(", ", NAMES);
                    }
                }
            } catch (NoSuchFileException e) {
                // no partials/ overridden
            } catch (IOException e) {
                return directory + ": cannot list it: " + e.getMessage();
            }
        }
        return null;
    }

    public String render(String name, Object view) {
        try {
            Mustache template = factory.compile(name);
            TextWriter out = new TextWriter(lastLength.getOrDefault(name, FIRST_CAPACITY));
            template.execute(out, view);
            String text = out.toString();
            lastLength.merge(name, text.length() + text.length() / 8, Math::max);
            return text;
        } catch (MustacheException | UncheckedIOException e) {
            throw new TemplateException(describe(e));
        }
    }

    /** The innermost message of the failure, with the override's path for a template that came from there. */
    private String describe(RuntimeException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof TemplateException)) {
            cause = cause.getCause();
        }
        String message = cause instanceof TemplateException ? cause.getMessage()
                : failure instanceof MustacheException ? failure.getMessage() : cause.getMessage();
        return overrides == null ? "built-in template: " + message : message + " (templates from " + overrides + ")";
    }

    /** Where a template's text comes from, for messages. */
    private String origin(String name) {
        return overrides != null && Files.exists(overrides.resolve(name), LinkOption.NOFOLLOW_LINKS)
                ? overrides.resolve(name).toString() : name;
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

    /** Value tags must name something the view has; a missing section name is false. */
    private final class StrictHandler extends ReflectionObjectHandler {
        @Override
        public Binding createBinding(String name, TemplateContext context, Code code) {
            if (!(code instanceof ValueCode)) {
                return super.createBinding(name, context, code);
            }
            return new GuardedBinding(this, name, context, code) {
                @Override
                protected synchronized Wrapper getWrapper(String tag, List<Object> scopes) {
                    Wrapper wrapper = super.getWrapper(tag, scopes);
                    if (wrapper instanceof MissingWrapper) {
                        throw new TemplateException(unknown(tag, context));
                    }
                    return wrapper;
                }
            };
        }

        private String unknown(String tag, TemplateContext context) {
            String where = origin(context.file()) + " line " + context.line();
            if (tag.contains("}") || tag.contains("{") || tag.contains("\n")) {
                return where + ": a tag is not closed with }} (its name runs on: \"" + firstLine(tag) + "...\")";
            }
            return where + ": {{" + tag + "}} is not a value this template is given";
        }

        private static String firstLine(String tag) {
            String line = tag.lines().findFirst().orElse("");
            return line.length() <= 40 ? line : line.substring(0, 40);
        }
    }

    /**
     * An override in place of a packaged template: a regular file, or a refusal. A directory or a
     * dangling link of a template's name is a mistake, never a reason to fall back in silence.
     */
    private record Resolver(Path overrides) implements MustacheResolver {
        @Override
        public Reader getReader(String name) {
            if (overrides != null) {
                Path candidate = overrides.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    try {
                        return Files.newBufferedReader(candidate, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new TemplateException(candidate + ": cannot read this template: " + e.getMessage());
                    }
                }
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    throw new TemplateException(candidate + ": " + (Files.isDirectory(candidate)
                            ? "is a directory" : Files.isSymbolicLink(candidate) ? "is a link to nothing"
                            : "is not a regular file") + ", in place of the template " + name);
                }
            }
            InputStream packaged = Templates.class.getClassLoader().getResourceAsStream(PACKAGED + name);
            return packaged == null ? null : new InputStreamReader(packaged, StandardCharsets.UTF_8);
        }
    }
}
