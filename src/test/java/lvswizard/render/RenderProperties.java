package lvswizard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lvswizard.Examples;
import lvswizard.Tools;
import lvswizard.model.Backend;
import lvswizard.model.Cluster;
import lvswizard.model.Director;
import lvswizard.model.Forwarding;
import lvswizard.model.Persistence;
import lvswizard.model.Protocol;
import lvswizard.model.RealServer;
import lvswizard.model.Scheduler;
import lvswizard.model.TunnelType;
import lvswizard.model.VirtualService;
import lvswizard.validation.Finding;
import lvswizard.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of rendering over generated clusters and hostile strings. */
public class RenderProperties {

    /** Any valid cluster renders scripts that bash accepts. */
    @Property(tries = 60)
    void validClustersRenderScriptsBashAccepts(@ForAll("validClusters") Cluster cluster,
                                               @ForAll Flavour flavour) throws Exception {
        List<Finding> findings = Validator.validate(cluster);
        assertThat(Validator.hasErrors(findings)).as("generated cluster must be valid: %s", findings).isFalse();
        Path dir = Files.createTempDirectory("lvs-prop");
        try {
            List<String> command = new ArrayList<>(List.of("bash", "-c",
                    "for f in \"$@\"; do bash -n \"$f\" || exit 1; done", "check"));
            for (RenderedFile file : new Renderer(Templates.packaged()).render(Examples.plan(cluster), flavour)) {
                if (file.executable()) {
                    Path script = dir.resolve(file.name());
                    Files.writeString(script, file.content(), StandardCharsets.UTF_8);
                    command.add(script.toString());
                }
            }
            Tools.Result result = Tools.run(command);
            assertThat(result.exitCode()).as(result.output()).isZero();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * Any string put into any free-text field either fails validation on that field, or consists only
     * of characters that mean nothing to the shell; so it cannot inject a command.
     */
    @Property(tries = 400)
    void hostileTextIsRefusedOrInert(@ForAll("hostileText") String text, @ForAll("textFields") TextField field) {
        Cluster cluster = field.apply(Examples.load("seed-dr"), text);
        List<Finding> findings = Validator.validate(cluster);
        boolean refused = findings.stream().anyMatch(f -> f.isError() && f.path().startsWith(field.path()));
        assertThat(refused || text.matches("[A-Za-z0-9._:/-]+"))
                .as("field %s accepted %s", field.path(), text).isTrue();
    }

    /** What Shell.quote produces is read back by bash as exactly the original string. */
    @Property(tries = 150)
    void quotingRoundTripsThroughBash(@ForAll("hostileText") String text) throws Exception {
        // an argument vector cannot carry NUL, and neither can a shell word
        net.jqwik.api.Assume.that(text.indexOf('\0') < 0);
        Tools.Result result = Tools.run(List.of("bash", "-c", "printf %s " + Shell.quote(text)));
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> shellish = Arbitraries.strings().withChars("abc019 ;|&$`'\"\\(){}<>*?!#~\n\t=%:/.-_")
                .ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> attacks = Arbitraries.of("eth0; reboot", "$(reboot)", "`reboot`", "a'b", "rs1\nreboot",
                "x && rm -rf /", "lo:0", "eth0.100", "--help", "-rf", "a b", "${IFS}", "10.0.0.1;id", "é中文");
        return Arbitraries.oneOf(shellish, attacks, Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
    }

    /** A free-text field of the seed example, and how to put a string into it. */
    record TextField(String path, java.util.function.BiFunction<Cluster, String, Cluster> setter) {
        Cluster apply(Cluster cluster, String text) {
            return setter.apply(cluster, text);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    @Provide
    Arbitrary<TextField> textFields() {
        return Arbitraries.of(
                new TextField("name", (c, t) -> new Cluster(c.version(), t, c.director(), c.realServers(), c.services(), c.failover())),
                new TextField("director.name", (c, t) -> withDirector(c, d -> new Director(t, d.dipInterface(),
                        d.dips(), d.vipInterface(), d.gateway(), d.ntpServer()))),
                new TextField("director.vipInterface", (c, t) -> withDirector(c, d -> new Director(d.name(),
                        d.dipInterface(), d.dips(), t, d.gateway(), d.ntpServer()))),
                new TextField("director.dipInterface", (c, t) -> withDirector(c, d -> new Director(d.name(), t,
                        d.dips(), d.vipInterface(), d.gateway(), d.ntpServer()))),
                new TextField("director.ntpServer", (c, t) -> withDirector(c, d -> new Director(d.name(),
                        d.dipInterface(), d.dips(), d.vipInterface(), d.gateway(), t))),
                new TextField("director.gateway", (c, t) -> withDirector(c, d -> new Director(d.name(),
                        d.dipInterface(), d.dips(), d.vipInterface(), t, d.ntpServer()))),
                new TextField("director.dips", (c, t) -> withDirector(c, d -> new Director(d.name(),
                        d.dipInterface(), List.of(t), d.vipInterface(), d.gateway(), d.ntpServer()))),
                new TextField("realServers[0].interface", (c, t) -> withServer(c, s -> new RealServer(s.name(),
                        s.address(), t, s.gateway()))),
                new TextField("realServers[0].address", (c, t) -> withServer(c, s -> new RealServer(s.name(), t,
                        s.iface(), s.gateway()))),
                new TextField("realServers[0].gateway", (c, t) -> withServer(c, s -> new RealServer(s.name(),
                        s.address(), s.iface(), t))),
                new TextField("services[0].vip", (c, t) -> withService(c, s -> new VirtualService(s.name(),
                        s.protocol(), t, s.port(), s.fwmark(), s.markPorts(), s.scheduler(), s.schedulerFlags(),
                        s.persistence(), s.backends()))),
                new TextField("services[0].name", (c, t) -> withService(c, s -> new VirtualService(t,
                        s.protocol(), s.vip(), s.port(), s.fwmark(), s.markPorts(), s.scheduler(), s.schedulerFlags(),
                        s.persistence(), s.backends()))));
    }

    private static Cluster withDirector(Cluster c, Function<Director, Director> change) {
        return new Cluster(c.version(), c.name(), change.apply(c.director()), c.realServers(), c.services(), c.failover());
    }

    private static Cluster withServer(Cluster c, Function<RealServer, RealServer> change) {
        List<RealServer> servers = new ArrayList<>(c.realServers());
        servers.set(0, change.apply(servers.get(0)));
        return new Cluster(c.version(), c.name(), c.director(), servers, c.services(), c.failover());
    }

    private static Cluster withService(Cluster c, Function<VirtualService, VirtualService> change) {
        List<VirtualService> services = new ArrayList<>(c.services());
        services.set(0, change.apply(services.get(0)));
        return new Cluster(c.version(), c.name(), c.director(), c.realServers(), services, c.failover());
    }

    // ---- valid clusters, built valid by construction --------------------------------------------

    @Provide
    public Arbitrary<Cluster> validClusters() {
        Arbitrary<Boolean> ipv6 = Arbitraries.of(false, true);
        Arbitrary<Integer> servers = Arbitraries.integers().between(1, 4);
        Arbitrary<Forwarding> forwarding = Arbitraries.of(Forwarding.class);
        Arbitrary<Scheduler> scheduler = Arbitraries.of(Scheduler.RR, Scheduler.WRR, Scheduler.LC, Scheduler.WLC,
                Scheduler.SH, Scheduler.SED, Scheduler.NQ, Scheduler.LBLC, Scheduler.DH);
        Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535);
        Arbitrary<Boolean> fwmark = Arbitraries.of(false, true);
        Arbitrary<Boolean> persistent = Arbitraries.of(false, true);
        Arbitrary<Integer> weight = Arbitraries.integers().between(1, 65535);
        Arbitrary<Protocol> protocol = Arbitraries.of(Protocol.class);
        Arbitrary<String> iface = Arbitraries.of("eth0", "ens3", "bond0", "eth0.100", "enp0s31f6");
        return Combinators.combine(ipv6, servers, forwarding, scheduler, port, fwmark, persistent, weight)
                .flatAs((v6, count, method, sched, p, mark, persist, w) -> Combinators.combine(protocol, iface)
                        .as((proto, nic) -> cluster(v6, count, method, sched, p, mark && method != Forwarding.NAT,
                                persist, w, proto, nic)));
    }

    private static Cluster cluster(boolean v6, int count, Forwarding method, Scheduler scheduler, int port,
                                   boolean fwmark, boolean persistent, int weight, Protocol protocol, String nic) {
        String net = v6 ? "2001:db8:10::" : "10.1.0.";
        String dip = net + (v6 ? "a/64" : "10/24");
        List<RealServer> servers = new ArrayList<>();
        List<Backend> backends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = method == Forwarding.TUN ? (v6 ? "2001:db8:" + (20 + i) + "::5/64" : "172.16." + i + ".5/24")
                    : net + (v6 ? Integer.toHexString(0x11 + i) + "/64" : (11 + i) + "/24");
            String gateway = method == Forwarding.NAT ? dip.substring(0, dip.indexOf('/'))
                    : method == Forwarding.TUN ? (v6 ? "2001:db8:" + (20 + i) + "::1" : "172.16." + i + ".1")
                    : net + "1";
            servers.add(new RealServer("rs" + i, address, nic, gateway));
            Integer memberPort = method == Forwarding.NAT && !fwmark ? 1 + (port + i) % 65535 : null;
            backends.add(new Backend("rs" + i, memberPort, weight, method,
                    method != Forwarding.TUN ? null : v6 ? TunnelType.GRE : TunnelType.IPIP, null, null, null));
        }
        String vip = v6 ? "2001:db8:99::100/64" : "192.168.99.100/24";
        Director director = new Director("director", nic, List.of(dip), "eth1", null, dip.substring(0, dip.indexOf('/')));
        VirtualService service = new VirtualService("svc", protocol, vip, fwmark ? null : port, fwmark ? 7L : null,
                fwmark ? List.of(port) : null, scheduler, null, persistent ? new Persistence(600L, null) : null,
                backends);
        return new Cluster(1, "prop", director, servers, List.of(service), null);
    }
}
