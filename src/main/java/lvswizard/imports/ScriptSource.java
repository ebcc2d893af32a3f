package lvswizard.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.imports.ShellWords.SimpleCommand;
import lvswizard.model.Protocol;
import lvswizard.plan.IpAddr;
import lvswizard.plan.ServiceKey;

/**
 * A hand-written init script, like the how-to's: its ipvsadm lines (variables assigned plainly
 * replaced), the addresses ifconfig or ip put on interfaces, the default route, the kernel
 * settings it writes and its MARK rules. Only what {@code start} does is read: the branches of
 * {@code case "$1"} and the functions named for another action (stop, status) are left out, or
 * a stop's ipvsadm -C would undo the start.
 */
final class ScriptSource {
    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*(?:export\\s+|readonly\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)");
    private static final Pattern BRANCH = Pattern.compile("\\s*\\(?\\s*([A-Za-z0-9_*|\"' -]+)\\)\\s*(.*)");
    private static final Pattern FUNCTION = Pattern.compile(
            "\\s*(?:function\\s+)?([A-Za-z_][A-Za-z0-9_-]*)\\s*(?:\\(\\s*\\))?\\s*\\{?\\s*(?:#.*)?");
    private static final Pattern OTHER_ACTION = Pattern.compile("(?i).*(stop|status|usage|down|clean|remove|del).*");

    /** One address a command put on an interface. */
    private record AddressFact(int line, String iface, IpAddr address, String text) {
    }

    private final String name;
    private final Assembly into;
    private final Map<String, String> variables = new HashMap<>();
    private final List<AddressFact> addresses = new ArrayList<>();
    private final Map<String, Integer> arpSettings = new LinkedHashMap<>();
    private final TreeSet<Integer> otherLines = new TreeSet<>();
    private final TreeSet<Integer> skippedLines = new TreeSet<>();
    private int firstArpLine;
    private int firstLoVipLine;
    private String gateway;
    private boolean director;
    private int lineNumber;

    private ScriptSource(String name, Assembly into) {
        this.name = name;
        this.into = into;
    }

    static void read(String name, String text, Assembly into) {
        new ScriptSource(name, into).read(text);
    }

    private void read(String text) {
        int firstNote = into.noteCount();
        String[] lines = text.split("\n", -1);
        boolean inCase = false;
        boolean takeBranch = true;
        int skipDepth = 0;
        int depth = 0;
        StringBuilder joined = new StringBuilder();
        int first = 0;
        TreeSet<Integer> nonBreaking = new TreeSet<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.indexOf('\u00a0') >= 0) {
                // pasted from a web page: bash takes them for letters, the author meant spaces
                nonBreaking.add(i + 1);
                raw = raw.replace('\u00a0', ' ');
            }
            if (joined.isEmpty()) {
                first = i + 1;
            }
            if (raw.endsWith("\\") && !raw.strip().startsWith("#")) {
                joined.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            joined.append(raw);
            String line = joined.toString();
            joined.setLength(0);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            into.at(name, first);
            // functions named for another action: their bodies are not what start does
            Matcher function = FUNCTION.matcher(line);
            if (skipDepth == 0 && function.matches() && (trimmed.contains("()") || trimmed.startsWith("function"))) {
                if (OTHER_ACTION.matcher(function.group(1)).matches()) {
                    skipDepth = depth + 1;
                }
                depth += trimmed.contains("{") ? 1 : 0;
                (skipDepth > 0 ? skippedLines : otherLines).add(first);
                continue;
            }
            if (trimmed.equals("{")) {
                depth++;
                otherLines.add(first);
                continue;
            }
            if (trimmed.startsWith("}")) {
                if (skipDepth == depth) {
                    skipDepth = 0;
                    skippedLines.add(first);
                } else {
                    otherLines.add(first);
                }
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (skipDepth > 0) {
                skippedLines.add(first);
                continue;
            }
            if (trimmed.matches("case\\s+.*\\s+in")) {
                inCase = true;
                otherLines.add(first);
                continue;
            }
            if (trimmed.equals("esac")) {
                inCase = false;
                takeBranch = true;
                otherLines.add(first);
                continue;
            }
            if (inCase) {
                Matcher branch = BRANCH.matcher(line);
                if (branch.matches() && !trimmed.contains("=") && !trimmed.startsWith("$")) {
                    takeBranch = false;
                    for (String pattern : branch.group(1).replace("\"", "").replace("'", "").split("\\|")) {
                        takeBranch |= pattern.strip().equals("start");
                    }
                    (takeBranch ? otherLines : skippedLines).add(first);
                    if (branch.group(2).isBlank()) {
                        continue;
                    }
                    line = branch.group(2);
                }
                if (!takeBranch) {
                    skippedLines.add(first);
                    continue;
                }
            }
            readLine(first, line);
        }
        if (!nonBreaking.isEmpty()) {
            into.at(name, nonBreaking.first());
            into.finding(LintRule.NON_BREAKING_SPACE, "lint.non-breaking-space", Ranges.of(nonBreaking));
        }
        finish();
        into.sortNotesFrom(firstNote);
    }

    private void readLine(int number, String line) {
        lineNumber = number;
        Matcher assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches() && !assignment.group(2).contains(" ") || assignment.matches()
                && assignment.group(2).matches("\"[^\"]*\"|'[^']*'")) {
            List<SimpleCommand> parsed = ShellWords.commands(assignment.group(2).isEmpty() ? "''" : assignment.group(2),
                    variables);
            String value = parsed.isEmpty() ? "" : String.join(" ", parsed.get(0).words());
            if (parsed.size() <= 1 && (parsed.isEmpty() || parsed.get(0).unresolved().isEmpty())) {
                variables.put(assignment.group(1), value);
                if (IpAddr.parse(value) != null || Endpoint.parse(value) != null) {
                    into.took(assignment.group(1) + "=" + value);
                } else {
                    otherLines.add(number);
                }
            } else {
                variables.remove(assignment.group(1));
                otherLines.add(number);
            }
            return;
        }
        boolean lvs = false;
        for (SimpleCommand command : ShellWords.commands(line, variables)) {
            lvs |= command(command);
        }
        if (!lvs) {
            otherLines.add(number);
        }
    }

    /** Reads one command; false when it configures nothing of LVS. */
    private boolean command(SimpleCommand command) {
        String tool = command.name();
        boolean relevant = switch (tool) {
            case "ipvsadm", "ifconfig", "route", "sysctl", "iptables", "ip6tables" -> true;
            case "ip" -> command.arguments().stream().anyMatch(w -> w.matches("a|addr|address|r|ro|route"));
            case "echo", "printf" -> command.writesTo() != null && command.writesTo().startsWith("/proc/sys/net/");
            default -> false;
        };
        if (!relevant) {
            return false;
        }
        if (!command.unresolved().isEmpty()) {
            into.note(Note.Kind.UNREADABLE, "unreadable.variable", command.text(), String.join(", ", command.unresolved()));
            return true;
        }
        switch (tool) {
            case "ipvsadm" -> ipvsadm(command);
            case "ifconfig" -> ifconfig(command);
            case "ip" -> ip(command);
            case "route" -> route(command);
            case "sysctl" -> sysctl(command);
            case "iptables", "ip6tables" -> iptables(command);
            default -> setting(command.writesTo().substring("/proc/sys/".length()).replace('/', '.'),
                    command.arguments().isEmpty() ? "" : command.arguments().get(command.arguments().size() - 1),
                    command.text());
        }
        return true;
    }

    private void ipvsadm(SimpleCommand command) {
        String text = "ipvsadm " + String.join(" ", command.arguments());
        try {
            IpvsadmArgs.Op op = IpvsadmArgs.parse(command.arguments());
            if (op instanceof IpvsadmArgs.Clear) {
                into.finding(LintRule.CLEARS_TABLE, "lint.clears-table", text);
            }
            if (op instanceof IpvsadmArgs.ServiceOp || op instanceof IpvsadmArgs.ServerOp) {
                director = true;
            }
            into.apply(op, text);
        } catch (IpvsadmArgs.Unreadable e) {
            into.note(Note.Kind.UNREADABLE, Texts.of("unreadable.because", text, e.reason()));
        }
    }

    /** ifconfig IFACE ADDR [netmask M] [broadcast B] [up]; ifconfig IFACE down. */
    private void ifconfig(SimpleCommand command) {
        List<String> args = command.arguments();
        if (args.size() < 2 || IpAddr.parse(args.get(1)) == null) {
            into.note(Note.Kind.IGNORED, "ignored.no-address", command.text());
            return;
        }
        IpAddr address = IpAddr.parse(args.get(1));
        Optional<String> netmask = after(args, "netmask");
        if (netmask.isPresent()) {
            Integer length = prefixOf(netmask.get());
            if (length == null) {
                into.note(Note.Kind.UNREADABLE, "unreadable.netmask", command.text(), netmask.get());
                return;
            }
            address = address.withPrefixLength(length);
        }
        address(args.get(0), address, after(args, "broadcast").orElse(null), command.text());
    }

    /** ip [-4|-6] addr add CIDR dev IFACE [label L] [brd B]; ip route add|replace default via GW. */
    private void ip(SimpleCommand command) {
        List<String> args = command.arguments().stream().filter(w -> !w.matches("-[46]")).toList();
        if (args.size() >= 2 && args.get(0).matches("a|addr|address") && args.get(1).matches("a|add|replace|change")) {
            IpAddr address = args.size() > 2 ? IpAddr.parse(args.get(2)) : null;
            Optional<String> dev = after(args, "dev");
            if (address == null || dev.isEmpty()) {
                into.note(Note.Kind.UNREADABLE, "unreadable.address", command.text());
                return;
            }
            address(after(args, "label").orElse(dev.get()), address, after(args, "brd").orElse(null), command.text());
        } else if (args.size() >= 4 && args.get(0).matches("r|ro|route") && args.get(1).matches("a|add|replace")
                && args.get(2).equals("default") && after(args, "via").isPresent()) {
            gateway(after(args, "via").get(), command.text());
        } else {
            into.note(Note.Kind.IGNORED, "ignored.not-lvs", command.text());
        }
    }

    /** route add default gw GW; route add -host VIP dev lo:0 (implied by the VIP on lo). */
    private void route(SimpleCommand command) {
        List<String> args = command.arguments();
        if (args.size() >= 4 && args.get(0).equals("add") && args.get(1).equals("default") && args.get(2).equals("gw")) {
            gateway(args.get(3), command.text());
        } else if (args.contains("-host")) {
            into.note(Note.Kind.IGNORED, "ignored.host-route", command.text());
        } else {
            into.note(Note.Kind.IGNORED, "ignored.not-lvs", command.text());
        }
    }

    private void sysctl(SimpleCommand command) {
        boolean any = false;
        for (String word : command.arguments()) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                setting(word.substring(0, eq).replace('/', '.'), word.substring(eq + 1), command.text());
                any = true;
            }
        }
        if (!any) {
            into.note(Note.Kind.IGNORED, "ignored.not-lvs", command.text());
        }
    }

    /** -t mangle -A PREROUTING -d VIP -p tcp [--dport P | -m multiport --dports P,Q] -j MARK --set-mark N[/MASK]. */
    private void iptables(SimpleCommand command) {
        List<String> args = command.arguments();
        if (args.stream().anyMatch(w -> w.equals("-F") || w.equals("--flush"))) {
            into.finding(LintRule.FLUSHES_FIREWALL, "lint.flushes-firewall", command.text());
            into.note(Note.Kind.IGNORED, "ignored.flush", command.text());
            return;
        }
        Optional<String> mark = after(args, "--set-mark").or(() -> after(args, "--set-xmark"));
        if (mark.isEmpty() || !args.contains("PREROUTING")) {
            into.note(Note.Kind.IGNORED, "ignored.not-lvs", command.text());
            return;
        }
        try {
            into.mark(markRule(args));
            into.took(command.text());
        } catch (NumberFormatException e) {
            into.note(Note.Kind.UNREADABLE, "unreadable.mark", command.text());
        }
    }

    /** The MARK rule of iptables arguments that hold --set-mark or --set-xmark (a number may be hex). */
    static Assembly.MarkRule markRule(List<String> args) {
        String mark = after(args, "--set-mark").or(() -> after(args, "--set-xmark")).orElseThrow();
        long value = Long.decode(mark.split("/")[0]);
        IpAddr vip = after(args, "-d").map(IpAddr::parse).orElse(null);
        Protocol protocol = switch (after(args, "-p").orElse("tcp")) {
            case "udp" -> Protocol.UDP;
            case "sctp" -> Protocol.SCTP;
            default -> Protocol.TCP;
        };
        List<Integer> ports = new ArrayList<>();
        for (String port : after(args, "--dports").or(() -> after(args, "--dport")).orElse("").split(",")) {
            if (!port.isEmpty()) {
                ports.add(Integer.parseInt(port));
            }
        }
        return new Assembly.MarkRule(value, vip == null ? null : vip.hostOnly().text(), protocol, List.copyOf(ports));
    }

    private void address(String iface, IpAddr address, String broadcast, String text) {
        addresses.add(new AddressFact(currentLine(), iface, address, text));
        if (broadcast != null && IpAddr.parse(broadcast) != null && IpAddr.parse(broadcast).sameHost(address)
                && address.hasPrefix() && address.effectivePrefixLength() < (address.isIPv6() ? 128 : 32)) {
            into.finding(LintRule.VIP_BROADCAST, "lint.vip-broadcast", text, broadcast);
        }
        if (iface.startsWith("lo") && firstLoVipLine == 0) {
            firstLoVipLine = currentLine();
        }
    }

    private void gateway(String address, String text) {
        if (IpAddr.parse(address) == null) {
            into.note(Note.Kind.UNREADABLE, "unreadable.address", text);
            return;
        }
        gateway = address;
        into.took(text);
    }

    private void setting(String key, String value, String text) {
        if (key.matches("net\\.ipv4\\.conf\\.[^.]+\\.arp_(ignore|announce)")) {
            try {
                arpSettings.put(key, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                into.note(Note.Kind.UNREADABLE, "unreadable.setting", text);
                return;
            }
            if (firstArpLine == 0) {
                firstArpLine = currentLine();
            }
            into.took(text);
        } else if (key.matches("net\\.ipv[46]\\.(ip_forward|conf\\.all\\.forwarding)")) {
            into.note(Note.Kind.IGNORED, "ignored.forwarding", text);
        } else {
            into.note(Note.Kind.IGNORED, "ignored.not-lvs", text);
        }
    }

    private int currentLine() {
        return lineNumber;
    }

    /** After the last line: the script's role decides where its addresses go; the summary of what was left. */
    private void finish() {
        into.at(name, 0);
        if (!skippedLines.isEmpty()) {
            into.note(Note.Kind.IGNORED, "ignored.other-actions", Ranges.of(skippedLines));
        }
        if (!otherLines.isEmpty()) {
            into.note(Note.Kind.IGNORED, "ignored.shell", Ranges.of(otherLines));
        }
        if (director) {
            directorAddresses();
        } else if (!addresses.isEmpty() || !arpSettings.isEmpty()) {
            realServer();
        } else {
            into.note(Note.Kind.IGNORED, "ignored.nothing-lvs");
        }
    }

    private void directorAddresses() {
        into.sawFirewall = true;
        for (AddressFact fact : addresses) {
            into.at(name, fact.line());
            if (isServiceVip(fact.address().hostOnly().text())) {
                into.vip(fact.address().cidr(), fact.iface());
                into.took(fact.text());
            } else {
                into.note(Note.Kind.IGNORED, "ignored.not-a-vip", fact.address().text(), fact.iface());
            }
        }
        into.at(name, 0);
        into.directorGateway = into.directorGateway == null ? gateway : into.directorGateway;
    }

    private boolean isServiceVip(String host) {
        for (ServiceKey key : into.services().keySet()) {
            if (!key.isFwmark() && Endpoint.parse(key.address()).host().equals(host)) {
                return true;
            }
        }
        return into.marks().values().stream().anyMatch(m -> host.equals(m.vip()));
    }

    /** A real server: the VIPs on lo (/32 each), the ARP fix before them, and its own address. */
    private void realServer() {
        Map<String, RealServerScript.Own> own = new LinkedHashMap<>();
        for (AddressFact fact : addresses) {
            into.at(name, fact.line());
            into.took(fact.text());
            if (fact.iface().startsWith("lo")) {
                IpAddr vip = fact.address();
                if (vip.hasPrefix() && vip.effectivePrefixLength() != (vip.isIPv6() ? 128 : 32)) {
                    into.finding(LintRule.RS_VIP_NETMASK, "lint.rs-vip-netmask", vip.cidr(), fact.iface());
                }
            } else {
                own.put(fact.address().hostOnly().text(), new RealServerScript.Own(
                        fact.address().hasPrefix() ? fact.address().cidr() : null, fact.iface()));
            }
        }
        into.at(name, firstLoVipLine);
        if (firstLoVipLine > 0) {
            boolean ignore = arpAtLeast("arp_ignore", 1);
            boolean announce = arpAtLeast("arp_announce", 2);
            if (!ignore || !announce) {
                into.finding(LintRule.ARP_FIX_MISSING, "lint.arp-fix-missing",
                        ignore ? "arp_announce=2" : announce ? "arp_ignore=1" : "arp_ignore=1, arp_announce=2");
            } else if (firstArpLine > firstLoVipLine) {
                into.finding(LintRule.ARP_FIX_LATE, "lint.arp-fix-late", String.valueOf(firstArpLine));
            }
        }
        into.at(name, 0);
        into.realServerScript(new RealServerScript(name, own, gateway));
    }

    /** The fix counts on "all" (the kernel takes the larger of all and the interface's). */
    private boolean arpAtLeast(String setting, int least) {
        Integer all = arpSettings.get("net.ipv4.conf.all." + setting);
        return all != null && all >= least;
    }

    private static Optional<String> after(List<String> words, String keyword) {
        int at = words.indexOf(keyword);
        return at >= 0 && at + 1 < words.size() ? Optional.of(words.get(at + 1)) : Optional.empty();
    }

    /** 255.255.255.0: 24; null for a mask that is no prefix. */
    static Integer prefixOf(String netmask) {
        IpAddr mask = IpAddr.parse(netmask);
        if (mask == null || mask.isIPv6()) {
            return netmask.matches("\\d{1,3}") ? Integer.parseInt(netmask) : null;
        }
        long bits = 0;
        for (String part : netmask.split("\\.")) {
            bits = bits << 8 | Integer.parseInt(part);
        }
        int length = Long.bitCount(bits);
        return bits == (0xffffffffL << (32 - length) & 0xffffffffL) ? length : null;
    }
}
