package lvswizard.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a field's typed text becomes a configuration value and back: empty text is null. */
public interface Codec {
    Object parse(String text) throws Invalid;

    String format(Object value);

    Codec STRING = new Codec() {
        @Override
        public Object parse(String text) {
            String trimmed = text == null ? "" : text.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }

        @Override
        public String format(Object value) {
            return value == null ? "" : value.toString();
        }
    };

    Codec INTEGER = number(Integer.MAX_VALUE);

    Codec LONG = number(Long.MAX_VALUE);

    /** A comma separated list of whole numbers. */
    Codec INTEGERS = new Codec() {
        @Override
        public Object parse(String text) throws Invalid {
            List<Integer> values = new ArrayList<>();
            for (String part : Answers.list(text)) {
                values.add((Integer) INTEGER.parse(part));
            }
            return values;
        }

        @Override
        public String format(Object value) {
            return value == null ? "" : ((List<?>) value).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
        }
    };

    /** A comma separated list of words. */
    Codec STRINGS = new Codec() {
        @Override
        public Object parse(String text) {
            return Answers.list(text);
        }

        @Override
        public String format(Object value) {
            return value == null ? "" : ((List<?>) value).stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
    };

    private static Codec number(long max) {
        return new Codec() {
            @Override
            public Object parse(String text) throws Invalid {
                String trimmed = text == null ? "" : text.trim();
                if (trimmed.isEmpty()) {
                    return null;
                }
                if (!trimmed.matches("[0-9]{1,19}")) {
                    throw new Invalid("invalid.number", Answers.quote(trimmed));
                }
                try {
                    long value = Long.parseLong(trimmed);
                    if (value > max) {
                        throw new Invalid("invalid.too-big", Answers.quote(trimmed), Long.toString(max));
                    }
                    if (max == Integer.MAX_VALUE) {
                        return Integer.valueOf((int) value);
                    }
                    return Long.valueOf(value);
                } catch (NumberFormatException e) {
                    throw new Invalid("invalid.too-big", Answers.quote(trimmed), Long.toString(max));
                }
            }

            @Override
            public String format(Object value) {
                return value == null ? "" : value.toString();
            }
        };
    }

    /** One of an enum's values by its configuration spelling (toString), any case. */
    static <E extends Enum<E>> Codec choice(Class<E> type) {
        return new Codec() {
            @Override
            public Object parse(String text) throws Invalid {
                String trimmed = text == null ? "" : text.trim();
                if (trimmed.isEmpty()) {
                    return null;
                }
                for (E value : type.getEnumConstants()) {
                    if (value.toString().equalsIgnoreCase(trimmed)) {
                        return value;
                    }
                }
                throw new Invalid("invalid.choice", Answers.quote(trimmed), names(type));
            }

            @Override
            public String format(Object value) {
                return value == null ? "" : value.toString();
            }
        };
    }

    /** A comma separated list of an enum's values. */
    static <E extends Enum<E>> Codec choices(Class<E> type) {
        Codec one = choice(type);
        return new Codec() {
            @Override
            public Object parse(String text) throws Invalid {
                List<Object> values = new ArrayList<>();
                for (String part : Answers.list(text)) {
                    values.add(one.parse(part));
                }
                return values;
            }

            @Override
            public String format(Object value) {
                return value == null ? "" : ((List<?>) value).stream().map(String::valueOf)
                        .collect(Collectors.joining(","));
            }
        };
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.toString().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }
}
