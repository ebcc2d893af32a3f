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
    /** stop, do_stop, lvs-status, usage...: the words of a function's name, not letters inside one (model, download). */
    private static final Pattern OTHER_ACTION = Pattern.compile(
            "(?i)(.*[_-])?(stop|status|usage|down|clean|cleanup|remove|del|delete)([_-].*)?");
    /** A here-document: its delimiter (a here-string, <<<, is none). */
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

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
    /** Settings loaded from a file this import does not read (sysctl -p): the ARP fix cannot be judged. */
    private boolean settingsFromFile;
    /** The open here-document: its end, whether tabs are stripped, and what its body is. */
    private String heredocEnd;
    private boolean heredocTabs;
    /** A quoted delimiter ('EOF') leaves the body as written; an unquoted one has its variables expanded. */
    private boolean heredocLiteral;
    private HeredocBody heredocBody;

    /** What a here-document's lines are to the import. */
    private enum HeredocBody { RULES, OTHER, SKIPPED }

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
        int caseDepth = 0;
        boolean takeBranch = true;
        int skipDepth = 0;
        int depth = 0;
        StringBuilder joined = new StringBuilder();
        int first = 0;
        TreeSet<Integer> nonBreaking = new TreeSet<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (heredocEnd != null) {
                heredocLine(i + 1, raw);
                continue;
            }
            if (raw.indexOf('\u00a0') >= 0) {
                raw = raw.replace('\u00a0', ' ');
                if (!raw.strip().startsWith("#")) {
                    // pasted from a web page: bash takes them for letters, the author meant spaces
                    nonBreaking.add(i + 1);
                }
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
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                heredocEnd = heredoc.group(3);
                heredocTabs = !heredoc.group(1).isEmpty();
                heredocLiteral = !heredoc.group(2).isEmpty();
                heredocBody = HeredocBody.SKIPPED;
            }
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
                caseDepth++;
                (takeBranch ? otherLines : skippedLines).add(first);
                continue;
            }
            if (trimmed.matches("esac\\b.*")) {
                caseDepth = Math.max(0, caseDepth - 1);
                (takeBranch ? otherLines : skippedLines).add(first);
                takeBranch |= caseDepth == 0;
                continue;
            }
            if (caseDepth > 0) {
                // the outermost case chooses the action; a case inside a branch is that branch's own
                Matcher branch = BRANCH.matcher(line);
                if (caseDepth == 1 && branch.matches() && !trimmed.contains("=") && !trimmed.startsWith("$")) {
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
            if (heredocEnd != null) {
                heredocBody = HeredocBody.OTHER;
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

    /** A line of an open here-document: the rules fed to ipvsadm -R, or text that is no command. */
    private void heredocLine(int number, String raw) {
        String candidate = heredocTabs ? raw.replaceFirst("^\t+", "") : raw;
        if (candidate.equals(heredocEnd)) {
            heredocEnd = null;
            (heredocBody == HeredocBody.SKIPPED ? skippedLines : otherLines).add(number);
            return;
        }
        if (heredocBody == HeredocBody.RULES && !raw.isBlank() && !raw.strip().startsWith("#")) {
            lineNumber = number;
            into.at(name, number);
            List<String> words = List.of(raw.strip().split("\\s+"));
            if (!heredocLiteral) {
                SimpleCommand expanded = ShellWords.commands(raw, variables).get(0);
                if (!expanded.unresolved().isEmpty()) {
                    into.note(Note.Kind.UNREADABLE, "unreadable.variable", raw.strip(),
                            String.join(", ", expanded.unresolved()));
                    return;
                }
                words = expanded.words();
            }
            ipvsadm(words, String.join(" ", words), true);
        } else {
            (heredocBody == HeredocBody.SKIPPED ? skippedLines : otherLines).add(number);
        }
    }

    private void readLine(int number, String line) {
        lineNumber = number;
        List<SimpleCommand> commands = ShellWords.commands(line, variables);
        if (commands.size() == 1 && isAssignment(commands.get(0))) {
            assign(number, commands.get(0));
            return;
        }
        boolean lvs = false;
        for (SimpleCommand command : commands) {
            lvs |= command(command);
        }
        if (!lvs) {
            otherLines.add(number);
        }
    }

    /** VAR=value, export VAR=value: only assignments (a command after them would get them in its environment). */
    private static boolean isAssignment(SimpleCommand command) {
        List<String> words = command.words();
        int from = words.get(0).matches("export|readonly|local|declare") ? 1 : 0;
        return from < words.size() && words.subList(from, words.size()).stream()
                .allMatch(w -> ASSIGNMENT.matcher(w).matches());
    }

    /** Plain values are remembered for the lines below; one made by a command is not guessed. */
    private void assign(int number, SimpleCommand command) {
        boolean shown = false;
        for (String word : command.words()) {
            Matcher assignment = ASSIGNMENT.matcher(word);
            if (!assignment.matches()) {
                continue;
            }
            String value = assignment.group(2);
            if (command.unresolved().isEmpty()) {
                variables.put(assignment.group(1), value);
                if (IpAddr.parse(value) != null || Endpoint.parse(value) != null) {
                    into.took(assignment.group(1) + "=" + value);
                    shown = true;
                }
            } else {
                variables.remove(assignment.group(1));
            }
        }
        if (!shown) {
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
            default -> noteSetting(setting(command.writesTo().substring("/proc/sys/".length()).replace('/', '.'),
                    command.arguments().isEmpty() ? "" : command.arguments().get(command.arguments().size() - 1)),
                    command.text());
        }
        return true;
    }

    private void ipvsadm(SimpleCommand command) {
        List<String> args = command.arguments();
        if (heredocEnd != null && (args.contains("-R") || args.contains("--restore"))) {
            heredocBody = HeredocBody.RULES;
            into.took(command.text());
            return;
        }
        ipvsadm(args, "ipvsadm " + String.join(" ", args), false);
    }

    /** One ipvsadm command: the script's own, or a line of the rules it feeds to ipvsadm -R ({@code restoring}). */
    private void ipvsadm(List<String> args, String text, boolean restoring) {
        try {
            IpvsadmArgs.Op op = IpvsadmArgs.parse(args);
            if (op instanceof IpvsadmArgs.Clear) {
                into.finding(LintRule.CLEARS_TABLE, "lint.clears-table", text);
            }
            if (op instanceof IpvsadmArgs.ServiceOp || op instanceof IpvsadmArgs.ServerOp) {
                director = true;
            }
            into.apply(op, text, restoring);
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
        if (command.arguments().stream().anyMatch(w -> w.matches("-p.*|--load.*|--system|-f"))) {
            settingsFromFile = true;
            into.note(Note.Kind.IGNORED, "ignored.sysctl-file", command.text());
            return;
        }
        Setting strongest = Setting.OTHER;
        for (String word : command.arguments()) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                Setting kind = setting(word.substring(0, eq).replace('/', '.'), word.substring(eq + 1));
                strongest = kind.ordinal() < strongest.ordinal() ? kind : strongest;
            }
        }
        noteSetting(strongest, command.text());
    }

    /** What a kernel setting is to the import, the first most telling. */
    private enum Setting { UNREADABLE, ARP, FORWARDING, OTHER }

    private void noteSetting(Setting kind, String text) {
        switch (kind) {
            case UNREADABLE -> into.note(Note.Kind.UNREADABLE, "unreadable.setting", text);
            case ARP -> into.took(text);
            case FORWARDING -> into.note(Note.Kind.IGNORED, "ignored.forwarding", text);
            default -> into.note(Note.Kind.IGNORED, "ignored.not-lvs", text);
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
        boolean adds = args.stream().anyMatch(w -> w.matches("-A|-I|--append|--insert"));
        if (mark.isEmpty() || !args.contains("PREROUTING") || !adds) {
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

    private Setting setting(String key, String value) {
        if (key.matches("net\\.ipv4\\.conf\\.[^.]+\\.arp_(ignore|announce)")) {
            try {
                arpSettings.put(key, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return Setting.UNREADABLE;
            }
            if (firstArpLine == 0) {
                firstArpLine = currentLine();
            }
            return Setting.ARP;
        }
        return key.matches("net\\.ipv[46]\\.(ip_forward|conf\\.all\\.forwarding)") ? Setting.FORWARDING : Setting.OTHER;
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
            if (into.isVip(fact.address().hostOnly().text())) {
                into.vip(fact.address().cidr(), fact.iface());
                into.took(fact.text());
            } else {
                into.note(Note.Kind.IGNORED, "ignored.not-a-vip", fact.address().text(), fact.iface());
            }
        }
        into.at(name, 0);
        into.directorGateway = into.directorGateway == null ? gateway : into.directorGateway;
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
        boolean ipv4Vip = addresses.stream().anyMatch(f -> f.iface().startsWith("lo") && !f.address().isIPv6());
        // ARP is IPv4's; settings loaded from a file (sysctl -p) may hold the fix
        if (firstLoVipLine > 0 && ipv4Vip && !settingsFromFile) {
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

    /**
     * The kernel takes the larger of "all" and the receiving interface's value: the fix holds when
     * "all" has it, or an interface other than lo does (which one faces the clients, a script does not say).
     */
    private boolean arpAtLeast(String setting, int least) {
        return arpSettings.entrySet().stream().anyMatch(e -> e.getKey().endsWith("." + setting)
                && !e.getKey().startsWith("net.ipv4.conf.lo.") && e.getValue() >= least);
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
