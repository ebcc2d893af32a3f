package lvswizard.model;

/**
 * The least total weight of healthy real servers with which a service is worth offering
 * (keepalived's quorum): below it the VIP is taken down, so that clients go elsewhere.
 *
 * @param minimum    the sum of healthy weights needed (1 or more)
 * @param hysteresis how far the sum must rise above (or fall below) it before keepalived acts; default 0
 */
public record Quorum(Integer minimum, Integer hysteresis) {
    public Quorum {
        if (hysteresis == null) {
            hysteresis = 0;
        }
    }
}
