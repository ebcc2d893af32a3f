package lvswizard.config;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Turns Jackson's reference chain into the path syntax the validator uses: services[0].port. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String of(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ ... ]";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object { ... }";
    }
}
