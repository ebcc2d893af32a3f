package lvswizard.wizard;

/**
 * Which instance of a field: the service index and the real server row it belongs to (-1 where the
 * field's scope has none). Rows are {@link Roster} rows, not indices of the configuration's list.
 */
public record At(int service, int row) {
    public static final At NONE = new At(-1, -1);

    public static At service(int index) {
        return new At(index, -1);
    }

    public static At row(int index) {
        return new At(-1, index);
    }

    public static At member(int service, int row) {
        return new At(service, row);
    }
}
