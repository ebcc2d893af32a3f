package lvswizard.model;

/** How the director hands a packet to a real server. */
public enum Forwarding {
    /** Direct routing (gatewaying): the frame is re-addressed to the real server's MAC. */
    DR("-g"),
    /** Masquerading: the director rewrites the destination and sees the replies. */
    NAT("-m"),
    /** IP-in-IP (or GUE/GRE) tunnelling to a real server that may sit on another network. */
    TUN("-i");

    private final String ipvsadmFlag;

    Forwarding(String ipvsadmFlag) {
        this.ipvsadmFlag = ipvsadmFlag;
    }

    public String ipvsadmFlag() {
        return ipvsadmFlag;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
