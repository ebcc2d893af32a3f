package lvswizard.wizard;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and replaces one value deep inside the configuration's records by its path, in the
 * configuration file's terms ({@code services[0].persistence.timeout}): the same paths the validator
 * reports, so a field declared by its path is read, written and checked through one name. A missing
 * object on the way (no director yet, no persistence) is created with every component null.
 */
public final class RecordPaths {
    private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)\\])?");

    private RecordPaths() {
    }

    private record Part(String name, int index) {
    }

    /** The value at {@code path}, or null where the path runs into a null or past a list's end. */
    public static Object get(Object root, String path) {
        Object current = root;
        for (Part part : parse(path)) {
            if (current == null) {
                return null;
            }
            current = read(current, component(current.getClass(), part.name()));
            if (part.index() >= 0) {
                if (!(current instanceof List<?> list) || part.index() >= list.size()) {
                    return null;
                }
                current = list.get(part.index());
            }
        }
        return current;
    }

    /** A copy of {@code root} with {@code value} at {@code path}. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> T set(T root, String path, Object value) {
        return (T) set(root, root.getClass(), parse(path), 0, value);
    }

    private static Object set(Object current, Class<?> type, List<Part> parts, int at, Object value) {
        if (at == parts.size()) {
            return value;
        }
        Part part = parts.get(at);
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = current == null ? null : read(current, components[i]);
        }
        RecordComponent target = component(type, part.name());
        int slot = 0;
        while (!components[slot].getName().equals(target.getName())) {
            slot++;
        }
        if (part.index() < 0) {
            args[slot] = set(args[slot], target.getType(), parts, at + 1, value);
        } else {
            List<Object> list = new ArrayList<>(args[slot] == null ? List.of() : (List<?>) args[slot]);
            if (part.index() >= list.size()) {
                throw new IllegalArgumentException("no element " + part.index() + " of " + part.name());
            }
            list.set(part.index(), set(list.get(part.index()), elementType(target), parts, at + 1, value));
            args[slot] = list;
        }
        return construct(type, components, args);
    }

    private static List<Part> parse(String path) {
        List<Part> parts = new ArrayList<>();
        for (String piece : path.split("\\.")) {
            Matcher m = PART.matcher(piece);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a configuration path: " + path);
            }
            parts.add(new Part(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))));
        }
        return parts;
    }

    /** The record component the configuration file calls {@code name} ("interface" is Java's iface). */
    private static RecordComponent component(Class<?> type, String name) {
        String javaName = "interface".equals(name) ? "iface" : name;
        if (type.getRecordComponents() != null) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(javaName)) {
                    return component;
                }
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no " + name);
    }

    private static Object read(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static Class<?> elementType(RecordComponent list) {
        Type generic = list.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalArgumentException(list.getName() + " is not a typed list");
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
