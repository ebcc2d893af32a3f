package lvswizard.imports;

import lvswizard.plan.IpAddr;
import lvswizard.plan.ServiceKey;

/**
 * An address with an optional port as ipvsadm and keepalived write it: 10.10.10.11, 10.10.10.11:80,
 * [2001:db8::11]:80, 2001:db8::11. The host is canonical, so that two spellings are one host.
 */
record Endpoint(String host, Integer port) {
    /** The endpoint, or null when the text is no address. */
    static Endpoint parse(String text) {
        String host = text;
        Integer port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (rest.startsWith(":") && rest.substring(1).matches("\\d{1,5}")) {
                port = Integer.parseInt(rest.substring(1));
            } else if (!rest.isEmpty()) {
                return null;
            }
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            String after = text.substring(text.indexOf(':') + 1);
            if (!after.matches("\\d{1,5}")) {
                return null;
            }
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(after);
        }
        IpAddr address = IpAddr.parse(host);
        if (address == null || address.hasPrefix()) {
            return null;
        }
        return new Endpoint(address.text(), port);
    }

    /** The port of a service key (null for a firewall mark). */
    static Integer port(ServiceKey key) {
        return key.isFwmark() ? null : parse(key.address()).port();
    }
}
