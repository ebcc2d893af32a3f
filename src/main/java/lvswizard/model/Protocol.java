package lvswizard.model;

/** Transport protocol of a virtual service, as ipvsadm names it. */
public enum Protocol {
    TCP("-t"), UDP("-u"), SCTP("--sctp-service");

    private final String ipvsadmFlag;

    Protocol(String ipvsadmFlag) {
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
