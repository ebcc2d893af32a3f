package lvswizard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lvswizard.model.Cluster;
import lvswizard.model.Failover;

/**
 * Reads and writes the cluster configuration as JSON: sorted keys, two-space indent, every field
 * written (null included) so that a saved file records defaults and blank answers and diffs cleanly.
 */
public final class ConfigFile {
    /** Cluster.failover is left out when there is none (every other blank is written, to be filled in). */
    private abstract static class OneDirectorSaysNoFailover {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Failover failover();
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(new JsonNames())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // a configuration with one director says nothing of failover
            .addMixIn(Cluster.class, OneDirectorSaysNoFailover.class)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // a name or an interface is text: 7 or 1.5 there is a mistake, not "7" or "1.5"
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // null inside a list (a service, an address) is refused with its path
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            // the same key twice: which one was meant cannot be told
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigFile() {
    }

    /** The example every command and the wizard fall back to: the how-to's VS/DR cluster, inside the jar. */
    public static final String BUILT_IN = "examples/seed-dr.json";

    /** The shipped examples (examples/NAME.json), in the jar and in the source tree alike. */
    public static final List<String> EXAMPLES = List.of("seed-dr", "nat-portmap", "tun-ipip", "fwmark-https",
            "ipv6-dr", "ha-dr", "ha-nat");

    public static Cluster builtInExample() throws ConfigException {
        try (InputStream in = ConfigFile.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new ConfigException("the built-in example " + BUILT_IN + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new ConfigException("cannot read the built-in example: " + e.getMessage());
        }
    }

    /** More than any configuration needs (10,000 real servers take a few MB): /dev/zero is not read to the end. */
    static final int MAX_BYTES = 64 << 20;

    public static Cluster read(Path file) throws ConfigException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB: not a cluster configuration");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text: a configuration is JSON in UTF-8");
        }
        // a byte order mark, as some Windows editors write, is not part of the JSON
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
    }

    /** Parses JSON text; {@code source} names it in error messages. */
    public static Cluster parse(String json, String source) throws ConfigException {
        try {
            Cluster cluster = MAPPER.readValue(json, Cluster.class);
            if (cluster == null) {
                throw new ConfigException(source + ":1:1: the file holds no configuration object");
            }
            return cluster;
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(e, source));
        }
    }

    public static String toJson(Cluster cluster) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(cluster) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cluster record always serialises", e);
        }
    }

    private static String describe(JsonProcessingException e, String source) {
        JsonLocation where = e.getLocation();
        String position = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
        String prefix = source + position + ": ";
        if (e instanceof JsonParseException) {
            // Jackson's advice to enable one of its features is for programmers, not for this file
            String first = e.getOriginalMessage().lines().findFirst().orElse("").replaceFirst(": enable `.*$", "");
            return prefix + "malformed JSON: " + first;
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return prefix + e.getOriginalMessage();
        }
        String path = JsonPaths.of(mapping.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return prefix + path + ": unknown key \"" + unknown.getPropertyName() + "\"; expected one of "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException bad && bad.getTargetType() != null
                && bad.getTargetType().isEnum()) {
            return prefix + path + ": \"" + bad.getValue() + "\" is not allowed; expected one of "
                    + Arrays.stream(bad.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return prefix + path + ": expected " + JsonPaths.describeType(mismatch.getTargetType())
                    + mismatchFound(e);
        }
        return prefix + path + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static final java.util.regex.Pattern FOUND =
            java.util.regex.Pattern.compile("(?:from|coerce) ([A-Za-z-]+) (?:value|token)( \\(\"[^\"]{0,40}\"\\))?");

    /** What the file held instead: the offending value when Jackson kept it, else its JSON kind. */
    private static String mismatchFound(JsonProcessingException e) {
        if (e instanceof InvalidFormatException bad && bad.getValue() != null) {
            return ", found \"" + bad.getValue() + "\"";
        }
        java.util.regex.Matcher kind = FOUND.matcher(e.getOriginalMessage());
        if (kind.find()) {
            if (kind.group(2) != null) {
                return ", found " + kind.group(2).substring(2, kind.group(2).length() - 1);
            }
            return ", found " + switch (kind.group(1)) {
                case "Boolean" -> "true/false";
                case "String" -> "a string";
                case "Array" -> "a list";
                case "Object" -> "an object";
                case "Floating-point" -> "a decimal number";
                default -> kind.group(1).toLowerCase(java.util.Locale.ROOT);
            };
        }
        return "";
    }

    /** Record component names are Java names; the JSON says "interface" where Java cannot. */
    private static final class JsonNames extends PropertyNamingStrategies.NamingBase {
        @Override
        public String translate(String propertyName) {
            return "iface".equals(propertyName) ? "interface" : propertyName;
        }
    }

}
