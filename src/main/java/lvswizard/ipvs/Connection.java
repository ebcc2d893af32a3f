package lvswizard.ipvs;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code ipvsadm -L -n -c}: a connection the director is tracking.
 *
 * @param protocol    TCP, UDP, SCTP...
 * @param expire      time left, as listed (mm:ss)
 * @param state       ESTABLISHED, TIME_WAIT, SYN_RECV, NONE (persistence templates)...
 * @param source      client address:port
 * @param virtual     VIP:port
 * @param destination real server address:port
 */
public record Connection(String protocol, String expire, String state, String source, String virtual,
                         String destination) {

    /** Parses the whole listing; header lines are skipped, anything else malformed is an error. */
    public static List<Connection> parse(String text) {
        List<Connection> connections = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("IPVS connection entries") || trimmed.startsWith("pro ")) {
                continue;
            }
            String[] w = trimmed.split("\\s+");
            if (w.length != 6) {
                throw new ListingParser.ListingException(number, line,
                        "\"protocol expire state source virtual destination\"");
            }
            connections.add(new Connection(w[0], w[1], w[2], w[3], w[4], w[5]));
        }
        return List.copyOf(connections);
    }
}
