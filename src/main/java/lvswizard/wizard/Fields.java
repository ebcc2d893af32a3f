package lvswizard.wizard;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvswizard.model.Backend;
import lvswizard.model.CheckKind;
import lvswizard.model.HealthCheck;
import lvswizard.model.OnFailure;
import lvswizard.model.Quorum;
import lvswizard.model.SorryServer;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Failover;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.Scheduler;
import lvswizard.model.SchedulerFlag;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.plan.Names;
import lvswizard.render.Flavour;
import lvswizard.validation.Finding;
import lvswizard.text.Message;

/**
 * Every field of the wizard, declared once, in the order both wizards ask them. The validator's
 * findings are located here ({@link #locate}), so that each is shown next to the field that fixes it.
 */
public final class Fields {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{0,32}");
    static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{0,15}");
    static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:/]{0,43}");
    static final Pattern ADDRESSES = Pattern.compile("[0-9A-Fa-f.:/, ]{0,200}");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{0,253}");
    static final Pattern DIGITS_5 = Pattern.compile("[0-9]{0,5}");
    static final Pattern DIGITS_10 = Pattern.compile("[0-9]{0,10}");
    static final Pattern PORTS = Pattern.compile("[0-9, ]{0,100}");
    static final Pattern FLAGS = Pattern.compile("[a-z, -]{0,40}");
    static final Pattern PATH = Pattern.compile("[^\\p{Cntrl}]{0,200}");
    static final Pattern DIGITS_3 = Pattern.compile("[0-9]{0,3}");
    static final Pattern URL_PATH = Pattern.compile("[A-Za-z0-9._~!$&()*+,;=:@%/?-]{0,200}");
    static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{0,32}");
    static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9._/+:=@%, -]{0,200}");
    /** The check kinds as the wizard offers them: none is no check at all. */
    /** A VRRP password as typed: printable, a little longer than allowed so that the validator can say so. */
    static final Pattern PASSWORD = Pattern.compile("[!-~]{0,16}");
    static final List<String> CHECK_KINDS = List.of("none", "tcp", "http", "https", "command");

    /** The member forwarding choices: the method, and for TUN the encapsulation (tun alone is ipip). */
    static final List<String> MEMBER_FORWARDING = List.of("dr", "nat", "tun", "tun-gue", "tun-gre");
    static final List<String> ROLES = List.of("director", "real-server", "all");
    static final List<String> YES_NO = List.of("yes", "no");

    private static final List<FieldSpec> ALL = List.of(
            // Start
            field("role", Step.START, Scope.DRAFT, null).labels("role.label", "help.role").radio(d -> ROLES)
                    .access(Fields::role, (d, at, t) -> d.with(HostRole.values()[index(ROLES, t)])).build(),
            field("forwarding", Step.START, Scope.DRAFT, null).labels("forwarding.label", "help.forwarding")
                    .radio(d -> names(Forwarding.values())).access(Fields::defaultForwarding, Fields::setForwarding)
                    .build(),
            field("cluster.name", Step.START, Scope.CLUSTER, "name").labels("field.clusterName", "help.clusterName")
                    .text(NAME, 24, Codec.STRING).build(),
            field("services", Step.SERVICES, Scope.CLUSTER, "services").labels("step.services", "help.services")
                    .list().build(),
            // Services
            field("service.name", Step.SERVICES, Scope.SERVICE, "name").labels("field.serviceName", "help.serviceName")
                    .text(NAME, 24, Codec.STRING).build(),
            field("service.protocol", Step.SERVICES, Scope.SERVICE, "protocol").labels("field.protocol", "help.protocol")
                    .choice(d -> names(Protocol.values()), Codec.choice(Protocol.class)).build(),
            field("service.vip", Step.SERVICES, Scope.SERVICE, "vip").labels("field.vip", "help.vip")
                    .text(ADDRESS, 24, Codec.STRING).build(),
            field("service.port", Step.SERVICES, Scope.SERVICE, "port").labels("field.port", "help.port")
                    .text(DIGITS_5, 6, Codec.INTEGER)
                    .when((d, at) -> service(d, at).fwmark() == null || service(d, at).port() != null).build(),
            field("service.fwmark", Step.SERVICES, Scope.SERVICE, "fwmark").labels("field.fwmark", "help.fwmark")
                    .text(DIGITS_10, 11, Codec.LONG).build(),
            field("service.markPorts", Step.SERVICES, Scope.SERVICE, "markPorts").labels("field.markPorts",
                    "help.markPorts").text(PORTS, 24, Codec.INTEGERS)
                    .when((d, at) -> service(d, at).fwmark() != null || !service(d, at).markPorts().isEmpty()).build(),
            field("service.scheduler", Step.SERVICES, Scope.SERVICE, "scheduler").labels("field.scheduler",
                    "help.scheduler").choice(d -> names(Scheduler.values()), Codec.choice(Scheduler.class)).build(),
            field("service.schedulerFlags", Step.SERVICES, Scope.SERVICE, "schedulerFlags").labels(
                    "field.schedulerFlags", "help.schedulerFlags").text(FLAGS, 24, Codec.choices(SchedulerFlag.class))
                    .when((d, at) -> hashing(service(d, at).scheduler())
                            || !service(d, at).schedulerFlags().isEmpty()).build(),
            field("service.persistence", Step.SERVICES, Scope.SERVICE, "persistence.timeout").labels(
                    "field.persistence", "help.persistence").text(DIGITS_10, 9, Codec.LONG)
                    .writes((d, at, t) -> persistence(d, at, Codec.LONG.parse(t), true)).build(),
            field("service.netmask", Step.SERVICES, Scope.SERVICE, "persistence.netmask").labels("field.netmask",
                    "help.netmask").text(ADDRESS, 16, Codec.STRING)
                    .writes((d, at, t) -> persistence(d, at, Codec.STRING.parse(t), false))
                    .when((d, at) -> service(d, at).persistence() != null).build(),
            // A service's keepalived settings, in its check dialog
            field("check.kind", Step.SERVICES, Scope.CHECK, "healthCheck.kind", "healthCheck").labels("field.checkKind",
                    "help.checkKind").choice(d -> CHECK_KINDS, null).access(Fields::checkKind, Fields::setCheckKind)
                    .when((d, at) -> true).build(),
            field("check.port", Step.SERVICES, Scope.CHECK, "healthCheck.port").labels("field.checkPort",
                    "help.checkPort").text(DIGITS_5, 6, Codec.INTEGER).when(Fields::portChecked).build(),
            field("check.path", Step.SERVICES, Scope.CHECK, "healthCheck.path").labels("field.checkPath",
                    "help.checkPath").text(URL_PATH, 30, Codec.STRING).when(Fields::httpChecked).build(),
            field("check.status", Step.SERVICES, Scope.CHECK, "healthCheck.status").labels("field.checkStatus",
                    "help.checkStatus").text(DIGITS_3, 4, Codec.INTEGER).when(Fields::httpChecked).build(),
            field("check.digest", Step.SERVICES, Scope.CHECK, "healthCheck.digest").labels("field.checkDigest",
                    "help.checkDigest").text(HEX_32, 33, Codec.STRING).when(Fields::httpChecked).build(),
            field("check.command", Step.SERVICES, Scope.CHECK, "healthCheck.command").labels("field.checkCommand",
                    "help.checkCommand").text(COMMAND, 40, Codec.STRING).when((d, at) -> check(d, at) != null
                            && check(d, at).kind() == CheckKind.COMMAND).build(),
            field("check.interval", Step.SERVICES, Scope.CHECK, "healthCheck.interval").labels("field.checkInterval",
                    "help.checkInterval").text(DIGITS_5, 6, Codec.INTEGER).when(Fields::checked).build(),
            field("check.timeout", Step.SERVICES, Scope.CHECK, "healthCheck.timeout").labels("field.checkTimeout",
                    "help.checkTimeout").text(DIGITS_5, 6, Codec.INTEGER).when(Fields::checked).build(),
            field("check.retries", Step.SERVICES, Scope.CHECK, "healthCheck.retries").labels("field.checkRetries",
                    "help.checkRetries").text(DIGITS_3, 4, Codec.INTEGER).when(Fields::checked).build(),
            field("check.onFailure", Step.SERVICES, Scope.CHECK, "healthCheck.onFailure").labels("field.onFailure",
                    "help.onFailure").choice(d -> names(OnFailure.values()), Codec.choice(OnFailure.class))
                    .when(Fields::checked).build(),
            field("check.sorry", Step.SERVICES, Scope.CHECK, "sorryServer.address", "sorryServer").labels(
                    "field.sorryServer", "help.sorryServer").text(ADDRESS, 24, Codec.STRING)
                    .writes((d, at, t) -> optional(d, at, "sorryServer", "address", Codec.STRING.parse(t)))
                    .when(Fields::checked).build(),
            field("check.sorryPort", Step.SERVICES, Scope.CHECK, "sorryServer.port").labels("field.sorryPort",
                    "help.sorryPort").text(DIGITS_5, 6, Codec.INTEGER)
                    .writes((d, at, t) -> optional(d, at, "sorryServer", "port", Codec.INTEGER.parse(t)))
                    .when(Fields::checked).build(),
            field("check.quorum", Step.SERVICES, Scope.CHECK, "quorum.minimum", "quorum").labels("field.quorum",
                    "help.quorum").text(DIGITS_10, 9, Codec.INTEGER)
                    .writes((d, at, t) -> optional(d, at, "quorum", "minimum", Codec.INTEGER.parse(t)))
                    .when(Fields::checked).build(),
            field("check.hysteresis", Step.SERVICES, Scope.CHECK, "quorum.hysteresis").labels("field.hysteresis",
                    "help.hysteresis").text(DIGITS_10, 9, Codec.INTEGER)
                    .when((d, at) -> service(d, at).quorum() != null).build(),
            field("check.alpha", Step.SERVICES, Scope.CHECK, "alpha").labels("field.alpha", "help.alpha").check()
                    .access((d, at) -> service(d, at).alpha() ? "yes" : "no",
                            (d, at, t) -> withPath(d, at, "alpha", index(YES_NO, t) == 0))
                    .when(Fields::checked).build(),
            // Director
            field("director.name", Step.DIRECTOR, Scope.DIRECTOR, "name").labels("field.name", "help.name")
                    .text(NAME, 24, Codec.STRING).build(),
            field("director.dipInterface", Step.DIRECTOR, Scope.DIRECTOR, "dipInterface").labels("field.dipInterface",
                    "help.dipInterface").text(INTERFACE, 16, Codec.STRING).build(),
            field("director.dips", Step.DIRECTOR, Scope.DIRECTOR, "dips").labels("field.dips", "help.dips")
                    .text(ADDRESSES, 36, Codec.STRINGS).build(),
            field("director.vipInterface", Step.DIRECTOR, Scope.DIRECTOR, "vipInterface").labels("field.vipInterface",
                    "help.vipInterface").text(INTERFACE, 16, Codec.STRING).build(),
            field("director.gateway", Step.DIRECTOR, Scope.DIRECTOR, "gateway").labels("field.gateway", "help.gateway")
                    .text(ADDRESS, 24, Codec.STRING).build(),
            field("director.ntpServer", Step.DIRECTOR, Scope.DIRECTOR, "ntpServer").labels("field.ntpServer",
                    "help.ntpServer").text(HOST, 24, Codec.STRING).build(),
            // A second director (keepalived's VRRP pair): off until the operator turns it on
            field("failover.pair", Step.DIRECTOR, Scope.FAILOVER, null).labels("field.pair", "help.pair").check()
                    .access((d, at) -> d.cluster().failover() != null ? "yes" : "no", Fields::setPair).build(),
            pairField("failover.backupName", "backup.name", "field.backupName", "help.backupName", "backup")
                    .text(NAME, 24, Codec.STRING).writes(Fields::setBackupName).build(),
            pairField("failover.backupDipInterface", "backup.dipInterface", "field.dipInterface", "help.dipInterface")
                    .text(INTERFACE, 16, Codec.STRING).build(),
            pairField("failover.backupDips", "backup.dips", "field.backupDips", "help.backupDips")
                    .text(ADDRESSES, 36, Codec.STRINGS).build(),
            pairField("failover.backupVipInterface", "backup.vipInterface", "field.vipInterface",
                    "help.vipInterface").text(INTERFACE, 16, Codec.STRING).build(),
            pairField("failover.virtualRouterId", "virtualRouterId", "field.virtualRouterId", "help.virtualRouterId")
                    .text(DIGITS_3, 4, Codec.INTEGER).build(),
            pairField("failover.priority", "priority", "field.priority", "help.priority")
                    .text(DIGITS_3, 4, Codec.INTEGER).build(),
            pairField("failover.backupPriority", "backupPriority", "field.backupPriority", "help.backupPriority")
                    .text(DIGITS_3, 4, Codec.INTEGER).build(),
            pairField("failover.advertInterval", "advertInterval", "field.advertInterval", "help.advertInterval")
                    .text(DIGITS_3, 4, Codec.INTEGER).build(),
            pairField("failover.preempt", "preempt", "field.preempt", "help.preempt").check()
                    .access((d, at) -> pairFlag(d, Failover::preempt),
                            (d, at, t) -> d.with(RecordPaths.set(d.cluster(), "failover.preempt",
                                    index(YES_NO, t) == 0))).build(),
            pairField("failover.unicast", "unicast", "field.unicast", "help.unicast").check()
                    .access((d, at) -> pairFlag(d, Failover::unicast),
                            (d, at, t) -> d.with(RecordPaths.set(d.cluster(), "failover.unicast",
                                    index(YES_NO, t) == 0))).build(),
            pairField("failover.authPass", "authPass", "field.authPass", "help.authPass")
                    .text(PASSWORD, 17, Codec.STRING).build(),
            pairField("failover.floatingGateway", "floatingGateway", "field.floatingGateway", "help.floatingGateway")
                    .text(ADDRESS, 24, Codec.STRING).build(),
            pairField("failover.connectionSync", "connectionSync", "field.connectionSync", "help.connectionSync")
                    .check().access((d, at) -> pairFlag(d, Failover::connectionSync),
                            (d, at, t) -> d.with(RecordPaths.set(d.cluster(), "failover.connectionSync",
                                    index(YES_NO, t) == 0))).build(),
            pairField("failover.syncId", "syncId", "field.syncId", "help.syncId")
                    .text(DIGITS_3, 4, Codec.INTEGER).build(),
            // Real servers: the table, then one server's fields and its membership of each service
            field("realServers", Step.REAL_SERVERS, Scope.CLUSTER, "realServers").labels("step.real-servers",
                    "help.realServers").list().build(),
            field("server.name", Step.REAL_SERVERS, Scope.REAL_SERVER, "name").labels("field.name", "help.name")
                    .text(NAME, 24, Codec.STRING).access(Fields::rowName, Fields::rename).build(),
            field("server.address", Step.REAL_SERVERS, Scope.REAL_SERVER, "address").labels("field.address",
                    "help.address").text(ADDRESS, 24, Codec.STRING).build(),
            field("server.interface", Step.REAL_SERVERS, Scope.REAL_SERVER, "interface").labels("field.interface",
                    "help.interface").text(INTERFACE, 16, Codec.STRING).build(),
            field("server.gateway", Step.REAL_SERVERS, Scope.REAL_SERVER, "gateway").labels("field.gateway",
                    "help.gateway").text(ADDRESS, 24, Codec.STRING).build(),
            field("member.in", Step.REAL_SERVERS, Scope.MEMBER, null).labels("field.member", "help.member")
                    .check().access(Fields::isMember, Fields::setMember).when((d, at) -> true).build(),
            field("member.port", Step.REAL_SERVERS, Scope.MEMBER, "port").labels("field.memberPort", "help.memberPort")
                    .text(DIGITS_5, 6, Codec.INTEGER).when((d, at) -> backend(d, at) != null
                            && (backend(d, at).forwarding() == Forwarding.NAT || backend(d, at).port() != null))
                    .build(),
            field("member.weight", Step.REAL_SERVERS, Scope.MEMBER, "weight").labels("field.weight", "help.weight")
                    .text(DIGITS_5, 6, Codec.INTEGER).build(),
            field("member.forwarding", Step.REAL_SERVERS, Scope.MEMBER, "forwarding", "tunnelType").labels(
                    "field.forwarding", "help.memberForwarding").choice(d -> MEMBER_FORWARDING, null)
                    .access(Fields::memberForwarding, Fields::setMemberForwarding).build(),
            field("member.tunnelPort", Step.REAL_SERVERS, Scope.MEMBER, "tunnelPort").labels("field.tunnelPort",
                    "help.tunnelPort").text(DIGITS_5, 6, Codec.INTEGER).when((d, at) -> backend(d, at) != null
                            && (backend(d, at).tunnelType() == TunnelType.GUE || backend(d, at).tunnelPort() != null))
                    .build(),
            field("member.upperThreshold", Step.REAL_SERVERS, Scope.MEMBER, "upperThreshold").labels("field.upper",
                    "help.upper").text(DIGITS_5, 6, Codec.INTEGER).build(),
            field("member.lowerThreshold", Step.REAL_SERVERS, Scope.MEMBER, "lowerThreshold").labels("field.lower",
                    "help.lower").text(DIGITS_5, 6, Codec.INTEGER).build(),
            // Generate
            field("outputDir", Step.GENERATE, Scope.DRAFT, null).labels("generate.out", "help.out")
                    .text(PATH, 40, Codec.STRING).access((d, at) -> d.outputDir().toString(), Fields::setOutput).build(),
            field("format", Step.GENERATE, Scope.DRAFT, null).labels("generate.format", "help.format")
                    .radio(d -> names(Format.values())).access((d, at) -> d.format().toString(),
                            (d, at, t) -> d.with(Format.values()[index(names(Format.values()), t)])).build(),
            field("flavour", Step.GENERATE, Scope.DRAFT, null).labels("generate.flavour", "help.flavour")
                    .radio(d -> names(Flavour.values())).access((d, at) -> d.flavour().toString(),
                            (d, at, t) -> d.withOutput(d.outputDir(), Flavour.values()[index(names(Flavour.values()), t)]))
                    .build());

    private Fields() {
    }

    public static List<FieldSpec> all() {
        return ALL;
    }

    public static FieldSpec byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + id));
    }

    /** The fields of one step and scope, in the order they are asked. */
    public static List<FieldSpec> of(Step step, Scope scope) {
        return ALL.stream().filter(f -> f.step() == step && f.scope() == scope).toList();
    }

    // ---- where a finding belongs -----------------------------------------------------------

    /** A field at one place: where a finding is shown and fixed. */
    public record Located(FieldSpec field, At at, boolean whole) {
        /** A field at one place. */
        public Located(FieldSpec field, At at) {
            this(field, at, false);
        }

        /**
         * The field as the operator sees it: "Real server 3 → Gateway"; for a finding about a whole
         * service, server or membership, that thing alone ("Service 1"), though it is shown beside
         * {@link #field}, the widget that fixes it most often.
         */
        public String where(Messages m) {
            if (whole) {
                return switch (field.scope()) {
                    case SERVICE -> m.get("where.service.whole", at.service() + 1);
                    case MEMBER -> m.get("where.member.whole", at.row() + 1, at.service() + 1);
                    case CHECK -> m.get("where.check.whole", at.service() + 1);
                    case REAL_SERVER -> m.get("where.server.whole", at.row() + 1);
                    default -> m.get(field.labelKey());
                };
            }
            String label = m.get(field.labelKey());
            return switch (field.scope()) {
                case SERVICE -> m.get("where.service", at.service() + 1, label);
                case DIRECTOR -> m.get("where.director", label);
                case REAL_SERVER -> m.get("where.server", at.row() + 1, label);
                case MEMBER -> m.get("where.member", at.row() + 1, at.service() + 1, label);
                case CHECK -> m.get("where.check", at.service() + 1, label);
                // the switch itself is "Second director"; its settings are "Second director → ..."
                case FAILOVER -> field.suffix() == null ? label : m.get("where.failover", label);
                case DRAFT, CLUSTER -> label;
            };
        }
    }

    /**
     * What is wrong, for a line that already names the field: the validator's "VIP: ..." address
     * messages without the name they start with.
     */
    public static String problem(Finding finding, Locale locale) {
        Message text = finding.text();
        if (text.key().equals("address-syntax") && text.args().size() == 2
                && text.args().get(1) instanceof Message detail) {
            return detail.format(locale);
        }
        return finding.message(locale);
    }

    /** "Service 1 → VIP: ... (services[0].vip)": the field as the operator sees it, the path as a detail. */
    public static String describe(Cluster c, Finding finding, Messages m) {
        return locate(c, finding.path()).map(w -> w.where(m) + ": " + problem(finding, m.locale()))
                .orElse(finding.path() + ": " + finding.message(m.locale())) + " (" + finding.path() + ")";
    }

    /** {@link #describe} after the severity (in the operator's language) and the rule: "error[dr-same-subnet] ...". */
    public static String line(Cluster c, Finding finding, Messages m) {
        return m.get("severity." + finding.severity().name().toLowerCase(Locale.ROOT)) + "[" + finding.rule().id()
                + "] " + describe(c, finding, m);
    }

    private static final Pattern BACKEND = Pattern.compile("services\\[(\\d+)\\]\\.backends\\[(\\d+)\\](?:\\.(.*))?");
    private static final Pattern SERVICE = Pattern.compile("services\\[(\\d+)\\](?:\\.(.*))?");
    private static final Pattern SERVER = Pattern.compile("realServers\\[(\\d+)\\](?:\\.(.*))?");
    private static final Pattern DIRECTOR = Pattern.compile("director(?:\\.(.*))?");
    private static final Pattern FAILOVER = Pattern.compile("failover(?:\\.(.*))?");

    /**
     * The field a finding at {@code path} belongs to. Empty only for the format version, which the
     * wizard refuses to open rather than edit.
     */
    public static Optional<Located> locate(Cluster c, String path) {
        Matcher m;
        if ((m = BACKEND.matcher(path)).matches()) {
            int service = Integer.parseInt(m.group(1));
            Backend backend = c.services().get(service).backends().get(Integer.parseInt(m.group(2)));
            int row = Roster.rowOf(c, backend.realServer());
            String rest = m.group(3) == null ? "" : m.group(3);
            if (rest.startsWith("realServer")) {
                return Optional.of(new Located(byId("server.name"), At.row(row)));
            }
            return within(Scope.MEMBER, rest, At.member(service, row), "member.in");
        }
        if (path.matches("services\\[\\d+\\]\\.backends") || path.equals("realServers")) {
            return Optional.of(new Located(byId("realServers"), At.NONE));
        }
        if ((m = SERVICE.matcher(path)).matches()) {
            String rest = m.group(2) == null ? "" : m.group(2);
            At at = At.service(Integer.parseInt(m.group(1)));
            return rest.matches("(healthCheck|sorryServer|quorum|alpha)\\b.*") ? within(Scope.CHECK, rest, at, "check.kind")
                    : within(Scope.SERVICE, rest, at, "service.vip");
        }
        if ((m = SERVER.matcher(path)).matches()) {
            int row = Integer.parseInt(m.group(1));
            String anchor = c.services().isEmpty() ? "server.name" : "member.in";
            At at = c.services().isEmpty() ? At.row(row) : At.member(0, row);
            return m.group(2) == null ? Optional.of(new Located(byId(anchor), at, true))
                    : within(Scope.REAL_SERVER, m.group(2), At.row(row), "server.name");
        }
        if ((m = DIRECTOR.matcher(path)).matches()) {
            return within(Scope.DIRECTOR, m.group(1) == null ? "" : m.group(1), At.NONE, "director.name");
        }
        if ((m = FAILOVER.matcher(path)).matches()) {
            return within(Scope.FAILOVER, m.group(1) == null ? "" : m.group(1), At.NONE, "failover.pair");
        }
        if (path.equals("services")) {
            return Optional.of(new Located(byId("services"), At.NONE));
        }
        return within(Scope.CLUSTER, path, At.NONE, null);
    }

    /** The scope's field showing {@code rest}, else the first inside it, else the anchor (when there is one). */
    private static Optional<Located> within(Scope scope, String rest, At at, String anchor) {
        List<FieldSpec> candidates = ALL.stream().filter(f -> f.scope() == scope).toList();
        Optional<FieldSpec> field = rest.isEmpty() ? Optional.empty()
                : candidates.stream().filter(f -> f.shows(rest)).max(Comparator.comparingInt(f -> f.match(rest)))
                .or(() -> candidates.stream().filter(f -> f.isInside(rest)).findFirst());
        if (field.isEmpty() && anchor != null) {
            return Optional.of(new Located(byId(anchor), at, rest.isEmpty()));
        }
        return field.map(f -> new Located(f, at));
    }

    // ---- declaring ---------------------------------------------------------------------------

    /** A field of the pair's settings, shown once there is a second director. */
    private static Builder pairField(String id, String suffix, String label, String help, String... aliases) {
        // a dialog refills its fields when the pair is turned off: that must not bring it back
        return field(id, Step.DIRECTOR, Scope.FAILOVER, suffix, aliases).labels(label, help)
                .when((d, at) -> d.cluster().failover() != null)
                .writesOnlyWhen((d, at) -> d.cluster().failover() != null);
    }

    /** A yes/no of the pair's settings ("no" while there is no pair, when the field is hidden). */
    private static String pairFlag(Draft d, Function<Failover, Boolean> flag) {
        return d.cluster().failover() != null && flag.apply(d.cluster().failover()) ? "yes" : "no";
    }

    /**
     * The second director's name; cleared, the name the pair started with (the model's default for
     * a nameless director is the first one's usual name, "director", a surprise in a pair).
     */
    private static Draft setBackupName(Draft d, At at, String text) throws Invalid {
        String name = (String) Codec.STRING.parse(text);
        return d.with(RecordPaths.set(d.cluster(), "failover.backup.name", name != null ? name
                : freeSecondName(d.cluster())));
    }

    /**
     * Turning the pair on gives the second director a name counted on from the first one's
     * ({@link Names#next}, skipping the real servers' names) and its interface names; the rest is to
     * fill in.
     */
    private static Draft setPair(Draft d, At at, String text) throws Invalid {
        boolean on = index(YES_NO, text) == 0;
        Cluster c = d.cluster();
        if (on == (c.failover() != null)) {
            return d;
        }
        if (!on) {
            return d.with(Edits.withoutPair(c));
        }
        Director first = c.director();
        Failover pair = new Failover(new Director(freeSecondName(c), first == null ? null : first.dipInterface(),
                List.of(), first == null ? null : first.vipInterface(), null, null), null, null, null, null, null, null,
                null, null, null, null);
        Draft paired = d.with(new Cluster(c.version(), c.name(), c.director(), c.realServers(), c.services(), pair));
        // only keepalived moves the VIPs between the two: the scripts format refuses a pair
        return paired.format() == Format.SCRIPTS ? paired.with(Format.KEEPALIVED) : paired;
    }

    /** The second director's first name: counted on from the first's until no host has it (node1, node2 taken: node3). */
    private static String freeSecondName(Cluster c) {
        String first = c.director() == null || c.director().name() == null ? "director" : c.director().name();
        String name = Names.next(first);
        while (name.equals(first) || Roster.rowOf(c, name) >= 0) {
            name = Names.next(name);
        }
        return name;
    }

    private static Builder field(String id, Step step, Scope scope, String suffix, String... aliases) {
        return new Builder(id, step, scope, suffix, List.of(aliases));
    }

    /** Declares one field; the access defaults to the value at the field's path through its codec. */
    private static final class Builder {
        private final String id;
        private final Step step;
        private final Scope scope;
        private final String suffix;
        private final List<String> aliases;
        private String labelKey;
        private String helpKey;
        private FieldSpec.Kind kind;
        private Pattern keys;
        private int width;
        private Codec codec;
        private Function<Draft, List<String>> choices = d -> List.of();
        private Getter getter;
        private Setter setter;
        private BiPredicate<Draft, At> relevant;
        private BiPredicate<Draft, At> writeCondition;

        Builder(String id, Step step, Scope scope, String suffix, List<String> aliases) {
            this.id = id;
            this.step = step;
            this.scope = scope;
            this.suffix = suffix;
            this.aliases = aliases;
            this.relevant = scope == Scope.MEMBER ? (d, at) -> backend(d, at) != null : (d, at) -> true;
        }

        Builder labels(String label, String help) {
            this.labelKey = label;
            this.helpKey = help;
            return this;
        }

        Builder text(Pattern allowed, int columns, Codec valueCodec) {
            this.kind = FieldSpec.Kind.TEXT;
            this.keys = allowed;
            this.width = columns;
            this.codec = valueCodec;
            return this;
        }

        Builder choice(Function<Draft, List<String>> values, Codec valueCodec) {
            this.kind = FieldSpec.Kind.CHOICE;
            this.choices = values;
            this.codec = valueCodec;
            return this;
        }

        Builder radio(Function<Draft, List<String>> values) {
            this.kind = FieldSpec.Kind.RADIO;
            this.choices = values;
            return this;
        }

        Builder check() {
            this.kind = FieldSpec.Kind.CHECK;
            this.choices = d -> YES_NO;
            return this;
        }

        Builder list() {
            this.kind = FieldSpec.Kind.LIST;
            return access((d, at) -> "", (d, at, t) -> d);
        }

        Builder access(Getter reads, Setter writes) {
            this.getter = reads;
            return writes(writes);
        }

        /** Writes only while this holds: a field of something that is not there creates nothing when cleared. */
        Builder writesOnlyWhen(BiPredicate<Draft, At> condition) {
            this.writeCondition = condition;
            return this;
        }

        /** Writes differently from a plain value at the path (which is still how it is read). */
        Builder writes(Setter writes) {
            this.setter = writes;
            return this;
        }

        Builder when(BiPredicate<Draft, At> isRelevant) {
            this.relevant = isRelevant;
            return this;
        }

        FieldSpec build() {
            Objects.requireNonNull(labelKey, id);
            FieldSpec.Access plain = codec == null ? null : byPath(scope, suffix, codec);
            Getter reads = getter != null ? getter : plain::get;
            Setter direct = setter != null ? setter : plain::set;
            BiPredicate<Draft, At> condition = writeCondition;
            Setter writes = condition == null ? direct : (d, at, t) -> condition.test(d, at) ? direct.set(d, at, t) : d;
            FieldSpec.Access chosen = new FieldSpec.Access() {
                @Override
                public String get(Draft draft, At at) {
                    return reads.get(draft, at);
                }

                @Override
                public Draft set(Draft draft, At at, String text) throws Invalid {
                    return writes.set(draft, at, text);
                }
            };
            return new FieldSpec(id, step, scope, suffix, aliases, labelKey, helpKey, kind, keys, width, choices,
                    chosen, relevant);
        }
    }

    @FunctionalInterface
    private interface Getter {
        String get(Draft draft, At at);
    }

    @FunctionalInterface
    private interface Setter {
        Draft set(Draft draft, At at, String text) throws Invalid;
    }

    /** The value at the field's path through its codec; a row named only by members is defined on the first write. */
    private static FieldSpec.Access byPath(Scope scope, String suffix, Codec codec) {
        return new FieldSpec.Access() {
            @Override
            public String get(Draft draft, At at) {
                String path = Paths.of(draft.cluster(), scope, at, suffix);
                return path == null ? "" : codec.format(RecordPaths.get(draft.cluster(), path));
            }

            @Override
            public Draft set(Draft draft, At at, String text) throws Invalid {
                Object value = codec.parse(text);
                String now = Paths.of(draft.cluster(), scope, at, suffix);
                if (value == null && (now == null || RecordPaths.get(draft.cluster(), now) == null)) {
                    // nothing typed where there is nothing: no object (a check, a server) made for it
                    return draft;
                }
                Cluster c = scope == Scope.REAL_SERVER ? Edits.define(draft.cluster(), at.row()) : draft.cluster();
                String path = Paths.of(c, scope, at, suffix);
                return path == null ? draft : draft.with(RecordPaths.set(c, path, value));
            }
        };
    }

    // ---- the fields that are more than a value at a path ---------------------------------------

    private static String role(Draft d, At at) {
        return ROLES.get(d.role().ordinal());
    }

    private static String defaultForwarding(Draft d, At at) {
        return Edits.mixedForwarding(d.cluster()) ? "" : d.forwarding().toString();
    }

    /** The Start step's method is every member's: choosing it sets them all, and new members get it. */
    private static Draft setForwarding(Draft d, At at, String text) throws Invalid {
        Forwarding forwarding = (Forwarding) Codec.choice(Forwarding.class).parse(text);
        if (forwarding == null) {
            return d;
        }
        return d.with(forwarding).with(Edits.withForwarding(d.cluster(), forwarding));
    }

    private static Draft setOutput(Draft d, At at, String text) throws Invalid {
        String trimmed = text == null ? "" : text.trim();
        try {
            return d.withOutput(trimmed.isEmpty() ? Draft.DEFAULT_OUTPUT : Path.of(trimmed), d.flavour());
        } catch (InvalidPathException e) {
            throw new Invalid("invalid.path", Answers.quote(trimmed));
        }
    }

    /** Both persistence fields empty means no persistence; a timeout left empty is ipvsadm's 300 s. */
    private static Draft persistence(Draft d, At at, Object value, boolean timeout) {
        VirtualService s = service(d, at);
        Persistence old = s.persistence();
        Long seconds = timeout ? (Long) value : old == null ? null : old.timeout();
        String mask = timeout ? old == null ? null : old.netmask() : (String) value;
        boolean none = timeout ? seconds == null && mask == null : old == null && mask == null;
        Persistence updated = none ? null : new Persistence(seconds, mask);
        return d.with(Edits.withService(d.cluster(), at.service(), RecordPaths.set(s, "persistence", updated)));
    }

    private static String rowName(Draft d, At at) {
        List<Roster.Row> rows = Roster.rows(d.cluster());
        String name = at.row() < rows.size() ? rows.get(at.row()).name() : null;
        return name == null ? "" : name;
    }

    private static Draft rename(Draft d, At at, String text) throws Invalid {
        return d.with(Edits.rename(d.cluster(), at.row(), (String) Codec.STRING.parse(text)));
    }

    private static String isMember(Draft d, At at) {
        return backend(d, at) == null ? "no" : "yes";
    }

    private static Draft setMember(Draft d, At at, String text) throws Invalid {
        int answer = index(YES_NO, text);
        boolean member = answer == 0;
        if (member == (backend(d, at) != null)) {
            return d;
        }
        return d.with(Edits.membership(d.cluster(), at.service(), at.row(), member, d.forwarding()));
    }

    private static String memberForwarding(Draft d, At at) {
        Backend b = backend(d, at);
        if (b == null) {
            return "";
        }
        return b.forwarding() != Forwarding.TUN || b.tunnelType() == TunnelType.IPIP ? b.forwarding().toString()
                : "tun-" + b.tunnelType();
    }

    private static Draft setMemberForwarding(Draft d, At at, String text) throws Invalid {
        Backend b = backend(d, at);
        if (b == null) {
            return d;
        }
        String choice = MEMBER_FORWARDING.get(index(MEMBER_FORWARDING, text));
        Forwarding forwarding = Forwarding.valueOf(choice.replaceFirst("-.*", "").toUpperCase(Locale.ROOT));
        TunnelType tunnel = choice.startsWith("tun-") ? TunnelType.valueOf(choice.substring(4).toUpperCase(
                Locale.ROOT)) : TunnelType.IPIP;
        List<Backend> backends = new ArrayList<>(service(d, at).backends());
        backends.set(backendIndex(d, at), Edits.withForwarding(b, forwarding, tunnel));
        return d.with(Edits.withService(d.cluster(), at.service(), Edits.withBackends(service(d, at), backends)));
    }

    private static HealthCheck check(Draft d, At at) {
        return service(d, at).healthCheck();
    }

    private static boolean checked(Draft d, At at) {
        return check(d, at) != null && check(d, at).kind() != CheckKind.NONE;
    }

    private static boolean portChecked(Draft d, At at) {
        return checked(d, at) && check(d, at).kind() != CheckKind.COMMAND;
    }

    private static boolean httpChecked(Draft d, At at) {
        return check(d, at) != null && check(d, at).checksHttp();
    }

    private static String checkKind(Draft d, At at) {
        return check(d, at) == null ? "none" : check(d, at).kind().toString();
    }

    /**
     * none removes the check (and with it what only a checked service has: sorry server, quorum,
     * alpha); another kind keeps the timing and the port, and drops what that kind does not have.
     */
    private static Draft setCheckKind(Draft d, At at, String text) throws Invalid {
        CheckKind kind = CheckKind.valueOf(CHECK_KINDS.get(index(CHECK_KINDS, text)).toUpperCase(Locale.ROOT));
        HealthCheck old = check(d, at);
        VirtualService s = service(d, at);
        if (kind == CheckKind.NONE) {
            VirtualService unchecked = RecordPaths.set(RecordPaths.set(RecordPaths.set(RecordPaths.set(s,
                    "healthCheck", null), "sorryServer", null), "quorum", null), "alpha", false);
            return d.with(Edits.withService(d.cluster(), at.service(), unchecked));
        }
        boolean http = kind == CheckKind.HTTP || kind == CheckKind.HTTPS;
        HealthCheck check = old == null ? new HealthCheck(kind, null, null, null, null, null, null, null, null, null)
                : new HealthCheck(kind, kind == CheckKind.COMMAND ? null : old.port(), http ? old.path() : null,
                http ? old.status() : null, http ? old.digest() : null, kind == CheckKind.COMMAND ? old.command() : null,
                old.interval(), old.timeout(), old.retries(), old.onFailure());
        return withPath(d, at, "healthCheck", check);
    }

    /** A value of an optional object (a sorry server, a quorum): when nothing of it is left, no object. */
    private static Draft optional(Draft d, At at, String object, String component, Object value) {
        Draft changed = withPath(d, at, object + "." + component, value);
        Object now = RecordPaths.get(changed.cluster(), "services[" + at.service() + "]." + object);
        boolean empty = now instanceof SorryServer sorry ? sorry.address() == null && sorry.port() == null
                : now instanceof Quorum quorum && quorum.minimum() == null;
        return empty ? withPath(changed, at, object, null) : changed;
    }

    private static Draft withPath(Draft d, At at, String suffix, Object value) {
        return d.with(RecordPaths.set(d.cluster(), "services[" + at.service() + "]." + suffix, value));
    }

    // ---- helpers -------------------------------------------------------------------------------

    static VirtualService service(Draft d, At at) {
        return d.cluster().services().get(at.service());
    }

    /** The member at {@code at}, or null when that real server is not in that service. */
    static Backend backend(Draft d, At at) {
        int index = backendIndex(d, at);
        return index < 0 ? null : service(d, at).backends().get(index);
    }

    private static int backendIndex(Draft d, At at) {
        List<Roster.Row> rows = Roster.rows(d.cluster());
        return at.row() < 0 || at.row() >= rows.size() ? -1
                : Roster.backendIndex(d.cluster(), at.service(), rows.get(at.row()).name());
    }

    private static boolean hashing(Scheduler scheduler) {
        return scheduler == Scheduler.SH || scheduler == Scheduler.MH;
    }

    private static List<String> names(Object[] values) {
        return Arrays.stream(values).map(Object::toString).toList();
    }

    /** The position of {@code text} among {@code choices} (any case), or Invalid naming the choices. */
    static int index(List<String> choices, String text) throws Invalid {
        String trimmed = text == null ? "" : text.trim();
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).equalsIgnoreCase(trimmed)) {
                return i;
            }
        }
        throw new Invalid("invalid.choice", Answers.quote(trimmed), String.join(", ", choices));
    }
}
