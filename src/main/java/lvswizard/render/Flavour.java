package lvswizard.render;

/** Which network tools the generated scripts call. */
public enum Flavour {
    /** ip addr / ip route (iproute2): the default on every current distribution. */
    IPROUTE2,
    /** ifconfig / route (net-tools), as in the original how-to, for old hosts. */
    NET_TOOLS;

    @Override
    public String toString() {
        return this == IPROUTE2 ? "iproute2" : "net-tools";
    }

    public static Flavour parse(String text) {
        for (Flavour flavour : values()) {
            if (flavour.toString().equals(text)) {
                return flavour;
            }
        }
        throw new IllegalArgumentException("flavour \"" + text + "\" is not known; expected iproute2 or net-tools");
    }
}
