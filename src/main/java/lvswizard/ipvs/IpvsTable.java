package lvswizard.ipvs;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table as ipvsadm lists it, merged from {@code -L -n}, {@code --stats} and
 * {@code --rate} listings. Addresses are kept as ipvsadm prints them ({@code 10.10.10.11:80},
 * {@code [2001:db8::11]:80}; a fwmark service's "address" is its mark).
 */
public record IpvsTable(List<Service> services) {
    public static final IpvsTable EMPTY = new IpvsTable(List.of());

    /**
     * One virtual service.
     *
     * @param protocol    TCP, UDP, SCTP or FWM
     * @param address     VIP:port, or the mark for FWM
     * @param scheduler   rr, wlc...
     * @param flags       scheduler flags as listed (sh-fallback,sh-port), or ""
     * @param persistence persistence timeout in seconds, 0 when not persistent
     */
    public record Service(String protocol, String address, String scheduler, String flags, int persistence,
                          List<Server> servers, Counters stats, Counters rate) {
        /**
         * "TCP 192.168.101.168:80", "FWM 7", "FWM 7 IPv6": how ipvsadm names the service, and the
         * merge key (an IPv6 fwmark service is listed with its mark followed by "IPv6").
         */
        public String key() {
            return protocol + " " + address;
        }

        public long totalWeight() {
            return servers.stream().mapToLong(Server::weight).sum();
        }

        public Optional<Server> server(String address) {
            return servers.stream().filter(s -> s.address().equals(address)).findFirst();
        }
    }

    /**
     * One real server of a service.
     *
     * @param forward Route (DR), Masq (NAT), Tunnel (TUN), Local
     */
    public record Server(String address, String forward, int weight, long activeConns, long inactiveConns,
                         Counters stats, Counters rate) {
    }

    public int serverCount() {
        return services.stream().mapToInt(s -> s.servers().size()).sum();
    }

    public Optional<Service> service(String key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
