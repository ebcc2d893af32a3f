package lvswizard.model;

/** Encapsulation used by TUN forwarding (ipvsadm --tun-type). */
public enum TunnelType {
    IPIP, GUE, GRE;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
