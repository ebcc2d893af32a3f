package lvswizard.ipvs;

/**
 * The five numbers of {@code ipvsadm -L -n --stats} (totals since the service was added) or
 * {@code --rate} (per second, the kernel's 2-second estimator): connections, packets in and out,
 * bytes in and out.
 */
public record Counters(long conns, long inPkts, long outPkts, long inBytes, long outBytes) {
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);

    /** What grew from {@code earlier} to this (a counter that went down was reset: counts from 0). */
    public Counters since(Counters earlier) {
        return new Counters(delta(conns, earlier.conns), delta(inPkts, earlier.inPkts),
                delta(outPkts, earlier.outPkts), delta(inBytes, earlier.inBytes), delta(outBytes, earlier.outBytes));
    }

    private static long delta(long now, long before) {
        return now >= before ? now - before : now;
    }
}
