package lvswizard.model;

/**
 * Where a service's clients go when every real server is down (keepalived's sorry_server).
 *
 * @param address a literal address of the VIP's family
 * @param port    its port; null: the service's own
 */
public record SorryServer(String address, Integer port) {
}
