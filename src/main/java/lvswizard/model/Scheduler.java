package lvswizard.model;

/** The IPVS scheduling algorithms ipvsadm knows (-s). Each is the kernel module ip_vs_NAME. */
public enum Scheduler {
    RR, WRR, LC, WLC, LBLC, LBLCR, DH, SH, SED, NQ, FO, OVF, MH, TWOS;

    public String moduleName() {
        return "ip_vs_" + this;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
