package lvswizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.stream.Stream;
import lvswizard.config.ConfigException;
import lvswizard.config.ConfigFile;
import lvswizard.model.Cluster;
import lvswizard.model.VirtualService;
import lvswizard.model.RealServer;
import lvswizard.model.Forwarding;
import lvswizard.model.Director;
import lvswizard.model.Backend;
import lvswizard.plan.Plan;
import lvswizard.validation.Validator;

/** The shipped examples, and edited copies of them for tests. */
public final class Examples {
    public static final Path DIR = Path.of("examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    /** Example names without .json, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        return DIR.resolve(name + ".json");
    }

    public static Cluster load(String name) {
        try {
            return ConfigFile.read(file(name));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The example's plan, as the validator builds it. */
    public static Plan plan(String name) {
        return Validator.check(load(name)).validPlan();
    }

    /** The plan of a cluster known to be valid. */
    public static Plan plan(Cluster cluster) {
        return Validator.check(cluster).validPlan();
    }

    /** The example's JSON tree, to edit with {@link #set}. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) JSON.readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the value at a JSON pointer (/services/0/port); the value is JSON text ("8080", "null",
     * "\"eth9\"", "[]"). An index one past the end of an array appends.
     */
    public static ObjectNode set(ObjectNode root, String pointer, String jsonValue) {
        try {
            JsonNode value = JSON.readTree(jsonValue);
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = root.at(pointer.substring(0, slash));
            String key = pointer.substring(slash + 1);
            if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(key);
                if (index == array.size()) {
                    array.add(value);
                } else {
                    array.set(index, value);
                }
            } else if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else {
                throw new IllegalArgumentException("no parent at " + pointer);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Cluster cluster(ObjectNode root) {
        try {
            return ConfigFile.parse(root.toString(), "test");
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static String json(JsonNode node) {
        return node.toString();
    }

    /** A DR cluster with {@code count} real servers on 10.0.0.0/16, all in one service. */
    public static Cluster bigCluster(int count) {
        List<RealServer> servers = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "rs" + i;
            servers.add(new RealServer(name, "10.0." + (1 + i / 250) + "." + (1 + i % 250) + "/16", "eth0", "10.0.0.254"));
            backends.add(Backend.of(name, 1 + i % 3, Forwarding.DR));
        }
        Director director = new Director("director", "eth0", List.of("10.0.0.1/16"), "eth0", "10.0.0.254", "10.0.0.1");
        VirtualService service = new VirtualService("web", null, "10.0.0.100/16", 80, null, null, null, null, null,
                backends);
        return new Cluster(1, "big", director, servers, List.of(service), null);
    }
}
